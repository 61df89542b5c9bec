import { useCallback, useEffect, useRef, useState } from 'react';
import { data, Link, useFetcher } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/approvals';
import { useCsrfToken } from '../components/csrf';
import { GreenhouseStatus, MatchExplanation, ScorePill } from '../components/people';
import { Badge, EmptyState, Notice, PageHeader, formatWhen } from '../components/ui';
import { approvalRefusals, decideApprovals, pendingApprovals } from '../server/approvals.server';
import { requireMutation, requireUser } from '../server/auth.server';
import { invalid, parseForm } from '../server/forms.server';

export const decisionSchema = z
  .object({
    decision: z.enum(['approved', 'rejected'], 'Choose approve or reject.'),
    approvalIds: z
      .string()
      .transform((v) => v.split(',').filter(Boolean))
      .pipe(z.array(z.uuid()).min(1, 'Select at least one person.').max(100, 'Decide at most 100 at once.')),
    reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional(),
  })
  .refine((v) => v.decision === 'approved' || (v.reason ?? '').length > 0, {
    path: ['reason'],
    message: 'Say why: the reason is kept with the decision and shown to the hiring team.',
  });

export function meta() {
  return [{ title: 'Approvals · Pilothouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context, ['recruiter']);
  const jobParam = Number(new URL(request.url).searchParams.get('job'));
  const approvals = await pendingApprovals(
    context,
    user,
    Number.isInteger(jobParam) && jobParam > 0 ? jobParam : null,
  );
  return { approvals };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['recruiter']);
  const parsed = parseForm(decisionSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  // Only the approver the rule named, the hiring-team role or an admin decides: anyone else is refused
  // whole (403), naming whose request each one is, and nothing is decided.
  const refusals = await approvalRefusals(context, user, parsed.value.approvalIds);
  if (refusals.length > 0)
    return data(
      {
        ok: false as const,
        refused: refusals,
        message: refusals.map((r) => `${r.name}: ${r.why}`).join(' '),
      },
      { status: 403 },
    );
  // The audit entry is written by the autopilot when the decision takes effect (resolveApproval), not
  // here: writing it here too listed every approval twice in Ops.
  const outcomes = await decideApprovals(context, user, {
    ...parsed.value,
    reason: parsed.value.reason || undefined,
  });
  return { ok: true as const, outcomes };
}

type Approval = Route.ComponentProps['loaderData']['approvals'][number];

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export default function Approvals({ loaderData }: Route.ComponentProps) {
  const { approvals } = loaderData;
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const [focused, setFocused] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLInputElement>(null);
  const rowRefs = useRef<(HTMLLIElement | null)[]>([]);
  const listRef = useRef<HTMLUListElement>(null);
  const busy = fetcher.state !== 'idle';

  // Decided rows vanish on revalidation: drop them from the selection and keep focus in range.
  useEffect(() => {
    const ids = new Set(approvals.map((a) => a.approvalId));
    setSelected((current) => new Set([...current].filter((id) => ids.has(id))));
    setFocused((index) => Math.min(index, Math.max(0, approvals.length - 1)));
  }, [approvals]);

  const targets = useCallback((): Approval[] => {
    const chosen = approvals.filter((a) => selected.has(a.approvalId));
    if (chosen.length > 0) return chosen;
    return approvals[focused] ? [approvals[focused]] : [];
  }, [approvals, selected, focused]);

  const decide = useCallback(
    (decision: 'approved' | 'rejected', why: string) => {
      const chosen = targets();
      if (chosen.length === 0) return;
      void fetcher.submit(
        { csrf, decision, approvalIds: chosen.map((a) => a.approvalId).join(','), reason: why },
        { method: 'post' },
      );
      setRejecting(false);
      setReason('');
      setSelected(new Set());
    },
    [targets, fetcher, csrf],
  );

  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (isTyping(event.target) || event.metaKey || event.ctrlKey || event.altKey || busy) return;
      // Single keys decide about people: only while the inbox list has the focus, so a key pressed
      // elsewhere on the page (or sent by a page that frames or scripts this one) approves nobody.
      if (!(event.target instanceof Node) || !listRef.current?.contains(event.target)) return;
      const move = (delta: number) => {
        setFocused((index) => {
          const next = Math.max(0, Math.min(approvals.length - 1, index + delta));
          rowRefs.current[next]?.focus();
          return next;
        });
      };
      if (event.key === 'j') move(1);
      else if (event.key === 'k') move(-1);
      else if (event.key === 'x' && approvals[focused]) toggle(approvals[focused].approvalId);
      else if (event.key === 'a') decide('approved', '');
      else if (event.key === 'r') {
        event.preventDefault();
        setRejecting(true);
        setTimeout(() => reasonRef.current?.focus(), 0);
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [approvals, focused, busy, toggle, decide]);

  const result = fetcher.data;
  const count = targets().length;
  return (
    <main className="page">
      <PageHeader title="Approvals">
        People the rules sent to a person for a decision. Keys, once a person in the list has the focus (click
        one or Tab to it): <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> select, <kbd>a</kbd> approve,{' '}
        <kbd>r</kbd> reject with a reason.
      </PageHeader>
      {result && 'outcomes' in result ? (
        <section className="panel" data-testid="decision-results" aria-live="polite">
          <h2>Decisions sent</h2>
          <ul>
            {result.outcomes.map((o) => (
              <li key={o.personId} data-testid="decision-result" data-outcome={o.outcome}>
                <strong>{o.name}</strong>:{' '}
                {o.outcome === 'approved'
                  ? 'approved — the export to Greenhouse has started.'
                  : o.outcome === 'rejected'
                    ? 'rejected.'
                    : `not pending any more${o.error ? ` (${o.error})` : ''}.`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {result && 'refused' in result ? (
        <Notice tone="error">
          <span data-testid="approval-refused">Nothing was decided. {result.message}</span>
        </Notice>
      ) : null}
      {result && 'fieldErrors' in result ? (
        <Notice tone="error">{Object.values(result.fieldErrors).flat().join(' ')}</Notice>
      ) : null}
      {approvals.length === 0 ? (
        <EmptyState title="Nothing waiting for you.">
          When the rules ask for a decision, the person shows up here.
        </EmptyState>
      ) : (
        <>
          <div className="toolbar" role="toolbar" aria-label="Decide">
            <span className="small">
              {selected.size > 0
                ? `${selected.size} selected`
                : 'No selection: decisions apply to the highlighted person'}
            </span>
            <button
              type="button"
              className="button primary"
              disabled={busy || count === 0}
              onClick={() => decide('approved', '')}
              data-testid="approve-selected"
            >
              {busy ? 'Sending…' : `Approve${count > 1 ? ` ${count}` : ''}`}
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy || count === 0}
              onClick={() => {
                setRejecting(true);
                setTimeout(() => reasonRef.current?.focus(), 0);
              }}
            >
              Reject{count > 1 ? ` ${count}` : ''}…
            </button>
          </div>
          {rejecting ? (
            <form
              className="panel reject-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (reason.trim()) decide('rejected', reason.trim());
              }}
            >
              <label htmlFor="reject-reason">
                Why reject {count > 1 ? `these ${count} people` : 'this person'}?
              </label>
              <input
                id="reject-reason"
                ref={reasonRef}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') setRejecting(false);
                }}
                placeholder="e.g. Not enough Kubernetes experience"
                required
              />
              <button type="submit" className="button danger" disabled={!reason.trim() || busy}>
                Reject
              </button>
              <button type="button" className="button" onClick={() => setRejecting(false)}>
                Cancel
              </button>
            </form>
          ) : null}
          <ul className="people approvals" data-testid="approvals" ref={listRef}>
            {approvals.map((a, index) => (
              <li
                key={a.approvalId}
                ref={(el) => {
                  rowRefs.current[index] = el;
                }}
                tabIndex={index === focused ? 0 : -1}
                className={`person${index === focused ? ' focused' : ''}${selected.has(a.approvalId) ? ' selected' : ''}`}
                data-testid="approval"
                data-approval-id={a.approvalId}
                data-person-name={a.name}
                aria-selected={selected.has(a.approvalId)}
                onClick={(event) => {
                  setFocused(index);
                  event.currentTarget.focus();
                }}
              >
                <div className="person-main">
                  <input
                    type="checkbox"
                    checked={selected.has(a.approvalId)}
                    onChange={() => toggle(a.approvalId)}
                    aria-label={`Select ${a.name}`}
                  />
                  <ScorePill score={a.score} />
                  <div>
                    <strong className="person-name">{a.name}</strong>
                    <div className="small muted">{[a.headline, a.location].filter(Boolean).join(' · ')}</div>
                    <div className="small">
                      <Link to={`/jobs/${a.jobId}`}>{a.jobName}</Link> ·{' '}
                      <Badge>{a.source ?? 'unknown source'}</Badge>
                      {a.requestedFrom ? <span className="muted"> · asked of {a.requestedFrom}</span> : null}
                      {a.dueAt ? <span className="muted"> · due {formatWhen(a.dueAt)}</span> : null}
                      {' · '}
                      <Link to={`/jobs/${a.jobId}/people/${a.personId}/why`} data-testid="why-link">
                        Why?
                      </Link>
                    </div>
                  </div>
                  <div className="person-side">
                    <GreenhouseStatus presence={a.greenhouse} synced={false} />
                  </div>
                </div>
                <MatchExplanation explanation={a.explanation} score={a.score} />
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
