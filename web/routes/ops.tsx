import { Link, useFetcher, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/ops';
import { useCsrfToken } from '../components/csrf';
import { Badge, EmptyState, PageHeader } from '../components/ui';
import { requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { invalid, parseForm } from '../server/forms.server';
import {
  auditLog,
  failedExports,
  failedRuleActions,
  retryExport,
  retryRuleAction,
  webhookDeliveries,
} from '../server/ops.server';
import { useWhen } from '../components/when';

export const retrySchema = z.object({
  intent: z.literal('retry'),
  jobId: z.coerce.number().int().positive(),
  personId: z.uuid(),
});

export const retryStepSchema = z.object({ intent: z.literal('retry-step'), failureId: z.uuid() });

export function meta() {
  return [{ title: 'Ops · Pilothouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context, ['ops']);
  const verdict = new URL(request.url).searchParams.get('webhooks');
  const [failures, steps, webhooks, events] = await Promise.all([
    failedExports(context, user),
    failedRuleActions(context, user),
    webhookDeliveries(context, user, verdict),
    auditLog(context, user),
  ]);
  return { failures, steps, webhooks, events };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['ops']);
  if (form.get('intent') === 'retry-step') {
    const step = parseForm(retryStepSchema, form);
    if (!step.ok) return invalid(step.fieldErrors);
    const result = await retryRuleAction(context, step.value.failureId, user.email, user);
    await audit(context, { actor: user.email, action: 'rule_action.retried', workflowId: result.workflowId });
    return { ok: true as const, personId: null, ...result };
  }
  const parsed = parseForm(retrySchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const { jobId, personId } = parsed.value;
  try {
    const result = await retryExport(context, user, jobId, personId);
    await audit(context, {
      actor: user.email,
      action: 'export.retried',
      jobId,
      personId,
      workflowId: result.workflowId,
    });
    return { ok: true as const, personId, ...result };
  } catch (error) {
    if (error instanceof Response) throw error;
    return {
      ok: false as const,
      personId,
      fieldErrors: { form: [`Retry failed to start: ${(error as Error).message}`] },
    };
  }
}

function RetryButton({ jobId, personId, name }: { jobId: number; personId: string; name: string }) {
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const busy = fetcher.state !== 'idle';
  return (
    <fetcher.Form method="post" className="inline">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value="retry" />
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="personId" value={personId} />
      <button
        className="button small"
        disabled={busy}
        aria-label={`Retry the export of ${name}`}
        data-testid="retry-export"
      >
        {busy ? 'Retrying…' : 'Retry'}
      </button>
      {fetcher.data && !fetcher.data.ok && 'fieldErrors' in fetcher.data ? (
        <span className="field-error">{fetcher.data.fieldErrors.form?.join(' ')}</span>
      ) : null}
    </fetcher.Form>
  );
}

const VERDICT_TONE = { accepted: 'good', duplicate: 'neutral', rejected: 'bad' } as const;

function RetryStepButton({ failureId }: { failureId: string }) {
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  return (
    <fetcher.Form method="post" className="inline">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value="retry-step" />
      <input type="hidden" name="failureId" value={failureId} />
      <button className="button small" disabled={fetcher.state !== 'idle'} data-testid="retry-step">
        {fetcher.state !== 'idle' ? 'Retrying…' : 'Retry'}
      </button>
    </fetcher.Form>
  );
}

export default function Ops({ loaderData }: Route.ComponentProps) {
  const { when } = useWhen();
  const { failures, steps, webhooks, events } = loaderData;
  const [params] = useSearchParams();
  return (
    <main className="page">
      <PageHeader title="Ops">
        Failed syncs with their cause, Greenhouse webhook deliveries and the audit log.
      </PageHeader>
      <section className="panel" aria-labelledby="failed-heading">
        <h2 id="failed-heading">Failed exports</h2>
        {failures.length === 0 ? (
          <EmptyState title="No failed exports." />
        ) : (
          <table className="table" data-testid="failed-exports">
            <thead>
              <tr>
                <th>Person</th>
                <th>Job</th>
                <th>Why it failed</th>
                <th>When</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {failures.map((f) => (
                <tr key={`${f.jobId}-${f.personId}`} data-testid="failed-export" data-person-id={f.personId}>
                  <td>
                    {f.name}{' '}
                    <Link
                      to={`/jobs/${f.jobId}/people/${f.personId}/why`}
                      className="small"
                      data-testid="why-link"
                    >
                      Why?
                    </Link>
                  </td>
                  <td>
                    <Link to={`/jobs/${f.jobId}`}>{f.jobName}</Link>
                  </td>
                  <td>
                    <Badge tone="bad">{f.failureType ?? 'failed'}</Badge> {f.failureMessage}
                    <div className="small muted">
                      {f.attempts} attempt(s) · requested by {f.requestedBy}
                    </div>
                  </td>
                  <td className="small">{when(f.failedAt)}</td>
                  <td className="actions">
                    <RetryButton jobId={f.jobId} personId={f.personId} name={f.name} />
                    <a href={f.temporalUrl} target="_blank" rel="noreferrer" className="small">
                      Open in Temporal ↗
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="failed-steps-heading">
        <h2 id="failed-steps-heading">Failed rule steps</h2>
        {steps.length === 0 ? (
          <EmptyState title="No failed rule steps." />
        ) : (
          <table className="table" data-testid="failed-steps">
            <thead>
              <tr>
                <th>Step</th>
                <th>Person</th>
                <th>Job</th>
                <th>Why it failed</th>
                <th>When</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {steps.map((f) => (
                <tr key={f.id} data-testid="failed-step">
                  <td>{f.step}</td>
                  <td>
                    {f.name ?? '—'}
                    {f.personId ? (
                      <>
                        {' '}
                        <Link
                          to={`/jobs/${f.jobId}/people/${f.personId}/why`}
                          className="small"
                          data-testid="why-link"
                        >
                          Why?
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Link to={`/jobs/${f.jobId}`}>{f.jobName}</Link>
                  </td>
                  <td>
                    <Badge tone="bad">{f.failureType}</Badge> {f.failureMessage}
                    <div className="small muted">{f.attempts} attempt(s)</div>
                  </td>
                  <td className="small">{when(f.failedAt)}</td>
                  <td className="actions">
                    {f.status === 'failed' ? (
                      <RetryStepButton failureId={f.id} />
                    ) : (
                      <span className="small">Retrying…</span>
                    )}
                    <a href={f.temporalUrl} target="_blank" rel="noreferrer" className="small">
                      Open in Temporal ↗
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="webhooks-heading">
        <div className="row spread">
          <h2 id="webhooks-heading">Webhook deliveries</h2>
          <nav className="tabs small" aria-label="Filter deliveries">
            {['all', 'accepted', 'duplicate', 'rejected'].map((v) => (
              <Link
                key={v}
                to={v === 'all' ? '?' : `?webhooks=${v}`}
                className={(params.get('webhooks') ?? 'all') === v ? 'active' : ''}
              >
                {v}
              </Link>
            ))}
          </nav>
        </div>
        {webhooks.length === 0 ? (
          <EmptyState title="No webhook deliveries yet.">
            Configure the webhooks in Greenhouse with the URL on Connect Greenhouse.
          </EmptyState>
        ) : (
          <table className="table compact" data-testid="webhook-deliveries">
            <thead>
              <tr>
                <th>Received</th>
                <th>Event</th>
                <th>Verdict</th>
                <th>Job</th>
                <th>Signalled</th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((w) => (
                <tr key={w.id} data-verdict={w.verdict}>
                  <td className="small">{when(w.received_at)}</td>
                  <td>
                    <code>{w.action ?? '—'}</code>
                    <div className="small muted">{w.event_id ?? 'no event id'}</div>
                  </td>
                  <td>
                    <Badge tone={VERDICT_TONE[w.verdict]}>{w.verdict}</Badge>
                    {w.rejection_reason ? <div className="small">{w.rejection_reason}</div> : null}
                  </td>
                  <td>
                    {w.job_id ? (
                      <Link to={`/jobs/${w.job_id}`}>{w.job_name ?? 'a job not synced yet'}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="small">
                    {w.verdict !== 'accepted' ? (
                      '—'
                    ) : w.signalled_at ? (
                      when(w.signalled_at)
                    ) : w.signal_error ? (
                      <span className="text-bad">waiting for retry: {w.signal_error}</span>
                    ) : (
                      'pending'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Audit log</h2>
        {events.length === 0 ? (
          <EmptyState title="Nothing recorded yet." />
        ) : (
          <table className="table compact" data-testid="audit-log">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>What</th>
                <th>About</th>
                <th>History</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="small">{when(e.occurred_at)}</td>
                  <td>{e.actor}</td>
                  <td data-testid="audit-what">{e.what}</td>
                  <td>
                    {e.person}
                    {e.person && e.jobId ? ' · ' : null}
                    {e.jobId ? (
                      <Link to={`/jobs/${e.jobId}`}>{e.jobName ?? 'a job no longer synced'}</Link>
                    ) : null}
                    {!e.person && !e.jobId ? '—' : null}
                  </td>
                  <td className="small">
                    {e.temporalUrl ? (
                      <a
                        href={e.temporalUrl}
                        target="_blank"
                        rel="noreferrer"
                        title={e.workflowId ?? undefined}
                      >
                        In Temporal ↗
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
