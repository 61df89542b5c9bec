import { useFetcher } from 'react-router';
import type { ProspectPoolChoice as Choice } from '../server/prospect-pools.server';
import { useCsrfToken } from './csrf';

type SaveResult =
  | { ok: true; intent: 'prospect-pools'; pools: string[]; running: boolean }
  | { ok: false; fieldErrors: Record<string, string[] | undefined> };

/**
 * The Greenhouse prospect pools the job's autopilot sources from, besides the job's applicants and the
 * prospects considered for it. Admins tick pools by name; everyone else reads which ones.
 */
export function ProspectPoolChoice({ choice, canChange }: { choice: Choice; canChange: boolean }) {
  const fetcher = useFetcher<SaveResult>();
  const csrf = useCsrfToken();
  const names = choice.chosen.map((pool) => pool.name);
  if (!canChange)
    return (
      <p className="small muted" data-testid="prospect-pools">
        {names.length === 0
          ? 'Sources the job’s applicants and the prospects considered for it.'
          : `Also sources prospects from ${names.join(', ')}.`}
      </p>
    );
  const data = fetcher.data;
  const chosenIds = new Set(choice.chosen.map((pool) => pool.id));
  return (
    <fetcher.Form method="post" className="pool-choice" data-testid="prospect-pools">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value="prospect-pools" />
      <fieldset>
        <legend>Also source prospects from these Greenhouse pools</legend>
        {choice.offered.length === 0 ? (
          <span className="small muted">
            {choice.unavailable ?? 'Greenhouse has no active prospect pools.'}
          </span>
        ) : (
          choice.offered.map((pool) => (
            <label key={pool.id} className="pool-option">
              <input type="checkbox" name="pool" value={pool.id} defaultChecked={chosenIds.has(pool.id)} />{' '}
              {pool.name}
              {pool.note ? <span className="small muted"> ({pool.note})</span> : null}
            </label>
          ))
        )}
        {choice.offered.length > 0 ? (
          <button type="submit" className="button small" disabled={fetcher.state !== 'idle'}>
            {fetcher.state !== 'idle' ? 'Saving…' : 'Save pools'}
          </button>
        ) : null}
        {data && data.ok ? (
          <span className="small" role="status">
            Saved: {data.pools.length === 0 ? 'no prospect pool' : data.pools.join(', ')}.{' '}
            {data.running
              ? 'A cycle runs now and reads them.'
              : 'The autopilot reads them at its next cycle.'}
          </span>
        ) : data && !data.ok ? (
          <span className="field-error" role="alert">
            {Object.values(data.fieldErrors).flat().join(' ')}
          </span>
        ) : null}
        {choice.unavailable && choice.offered.length > 0 ? (
          <span className="small muted">{choice.unavailable}</span>
        ) : null}
      </fieldset>
    </fetcher.Form>
  );
}
