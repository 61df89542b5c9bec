import { useCallback, useEffect, useRef, useState } from 'react';
import { describeSource } from '../../rules/describe';
import { data, Form, Link, useFetcher, useRevalidator, useSubmit } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/approvals';
import { useCsrfToken } from '../components/csrf';
import { GreenhouseStatus, MatchExplanation, ScorePill } from '../components/people';
import { Badge, EmptyState, Notice, PageHeader, Pager, Spinner } from '../components/ui';
import {
  approvalRefusals,
  decideApprovals,
  pendingApprovals,
  recentDecisions,
} from '../server/approvals.server';
import type { DecisionOutcome } from '../server/approvals.server';
import { requireMutation, requireUser } from '../server/auth.server';
import { invalid, parseForm } from '../server/forms.server';
import { useWhen } from '../components/when';

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

export const inboxSchema = z.object({
  job: z.coerce.number().int().positive().nullable().catch(null),
  sort: z.enum(['score', 'due']).catch('score'),
  page: z.coerce.number().int().positive().catch(1),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context, ['recruiter']);
  const params = new URL(request.url).searchParams;
  const query = inboxSchema.parse({
    job: params.get('job') || null,
    sort: params.get('sort') ?? 'score',
    page: params.get('page') ?? 1,
  });
  const [inbox, recent] = await Promise.all([
    pendingApprovals(context, user, { jobId: query.job, sort: query.sort, page: query.page }),
    recentDecisions(context, user),
  ]);
  return { inbox, recent };
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

type LoaderData = Route.ComponentProps['loaderData'];
type Approval = LoaderData['inbox']['approvals'][number];
type Recent = LoaderData['recent'][number];

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** Whole inside the window and below the sticky toolbar: what a person can actually see. */
function fullyInView(element: HTMLElement, toolbar: HTMLElement | null): boolean {
  const box = element.getBoundingClientRect();
  const top = toolbar ? Math.max(0, toolbar.getBoundingClientRect().bottom) : 0;
  return box.top >= top && box.bottom <= window.innerHeight;
}

const IN_FLIGHT = new Set(['export-queued', 'export-running']);

function RecentOutcome({ decision }: { decision: Recent }) {
  const { outcome } = decision;
  switch (outcome.state) {
    case 'rejected':
      return <Badge>Rejected{outcome.reason ? `: ${outcome.reason}` : ''}</Badge>;
    case 'export-queued':
      return <Spinner label="Approved · export queued" />;
    case 'export-running':
      return <Spinner label="Approved · exporting to Greenhouse" />;
    case 'in-greenhouse':
      return outcome.profileUrl ? (
        <a href={outcome.profileUrl} target="_blank" rel="noreferrer">
          <Badge tone="good">In Greenhouse ↗</Badge>
        </a>
      ) : (
        <Badge tone="good">In Greenhouse</Badge>
      );
    case 'export-failed':
      return (
        <span className="text-bad">
          Export failed: {outcome.failure} · <Link to="/ops">see Ops</Link>
        </span>
      );
    case 'no-export':
      return (
        <Badge tone="warn">Approved · nothing was exported (the rules did not export after approval)</Badge>
      );
  }
}

function RecentDecisions({ recent }: { recent: Recent[] }) {
  const { when } = useWhen();
  if (recent.length === 0) return null;
  return (
    <section className="panel recent-decisions" data-testid="recent-decisions" aria-live="polite">
      <h2>Your decisions of the last day</h2>
      <ul className="plain-list">
        {recent.map((d) => (
          <li
            key={d.approvalId}
            data-testid="recent-decision"
            data-state={d.outcome.state}
            data-person-name={d.name}
          >
            <strong>{d.name}</strong>{' '}
            <span className="small muted">
              · {d.jobName} · {when(d.decidedAt)}
            </span>{' '}
            <RecentOutcome decision={d} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DecisionResults({ outcomes }: { outcomes: DecisionOutcome[] }) {
  return (
    <section className="panel" data-testid="decision-results" aria-live="polite">
      <h2>Decisions sent</h2>
      <ul className="plain-list">
        {outcomes.map((o) => (
          <li
            key={o.personId}
            data-testid="decision-result"
            data-outcome={o.outcome}
            data-person-name={o.name}
            data-export={o.exportWorkflowId ? 'queued' : 'none'}
          >
            <strong>{o.name}</strong>:{' '}
            {o.outcome === 'approved'
              ? o.exportWorkflowId
                ? 'approved — export to Greenhouse queued (followed under “Your decisions”).'
                : `approved — no export was started: ${o.noExportBecause ?? 'the rules do not export after this approval'}.`
              : o.outcome === 'rejected'
                ? 'rejected.'
                : `not decided: ${o.error ?? 'it was no longer waiting for a decision'}.`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ApprovalCard({
  approval,
  focused,
  selected,
  expanded,
  showJob,
  onFocus,
  onToggle,
  onExpand,
  rowRef,
}: {
  approval: Approval;
  focused: boolean;
  selected: boolean;
  expanded: boolean;
  showJob: boolean;
  onFocus: () => void;
  onToggle: () => void;
  onExpand: () => void;
  rowRef: (el: HTMLLIElement | null) => void;
}) {
  const { when, day } = useWhen();
  const a = approval;
  const effectTone = a.onApprove.kind === 'export' ? 'good' : a.onApprove.kind === 'reject' ? 'bad' : 'warn';
  return (
    <li
      ref={rowRef}
      tabIndex={focused ? 0 : -1}
      className={`person approval-card${focused ? ' focused' : ''}${selected ? ' selected' : ''}`}
      data-testid="approval"
      data-approval-id={a.approvalId}
      data-person-name={a.name}
      data-effect={a.onApprove.kind}
      aria-selected={selected}
      onClick={(event) => {
        onFocus();
        event.currentTarget.focus();
      }}
    >
      <div className="approval-line">
        <input type="checkbox" checked={selected} onChange={onToggle} aria-label={`Select ${a.name}`} />
        <ScorePill score={a.score} />
        <span className="approval-who">
          <strong className="person-name">{a.name}</strong>
          <span className="small muted"> {[a.headline, a.location].filter(Boolean).join(' · ')}</span>
        </span>
        {showJob ? (
          <Link className="small" to={`/jobs/${a.jobId}`}>
            {a.jobName}
          </Link>
        ) : null}
        <span
          className="small approve-effect"
          data-testid="approve-effect"
          title={`Approve → ${a.onApprove.text}`}
        >
          <Badge tone={effectTone}>Approve → {a.onApprove.text}</Badge>
        </span>
        {a.dueAt ? (
          <span className="small muted" title={`Decide by ${when(a.dueAt)}`}>
            due {day(a.dueAt)}
          </span>
        ) : null}
        <button
          type="button"
          className="button link small"
          aria-expanded={expanded}
          onClick={(event) => {
            event.stopPropagation();
            onExpand();
          }}
          data-testid="toggle-evidence"
        >
          {expanded ? 'Hide evidence' : 'Evidence'}
        </button>
      </div>
      {expanded ? (
        <div className="approval-details" data-testid="approval-details">
          <div className="small">
            {a.headline ? <span>{a.headline} · </span> : null}
            <Badge>{a.source ? describeSource(a.source) : 'unknown source'}</Badge>
            {a.requestedFrom ? <span className="muted"> · asked of {a.requestedFrom}</span> : null}
          </div>
          <GreenhouseStatus presence={a.greenhouse} synced={false} />
          <MatchExplanation explanation={a.explanation} score={a.score} />
        </div>
      ) : null}
    </li>
  );
}

export default function Approvals({ loaderData }: Route.ComponentProps) {
  const { inbox, recent } = loaderData;
  const { approvals } = inbox;
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const revalidator = useRevalidator();
  const submit = useSubmit();
  const [focused, setFocused] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [outOfView, setOutOfView] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef<(HTMLLIElement | null)[]>([]);
  const listRef = useRef<HTMLDivElement>(null);
  const busy = fetcher.state !== 'idle';

  // Decided rows vanish on revalidation: drop them from the selection and keep focus in range.
  useEffect(() => {
    const ids = new Set(approvals.map((a) => a.approvalId));
    setSelected((current) => new Set([...current].filter((id) => ids.has(id))));
    setFocused((index) => Math.min(index, Math.max(0, approvals.length - 1)));
  }, [approvals]);

  // The highlighted person is always in view: after every move, and after decided rows vanish.
  useEffect(() => {
    const row = rowRefs.current[focused];
    if (row && !fullyInView(row, toolbarRef.current)) row.scrollIntoView({ block: 'nearest' });
  }, [focused, approvals]);

  // The outcome of recent approvals is followed live until each export has landed or failed.
  const following = recent.some((d) => IN_FLIGHT.has(d.outcome.state));
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle' && document.visibilityState === 'visible')
        void revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [following, revalidator]);

  const targets = useCallback((): Approval[] => {
    const chosen = approvals.filter((a) => selected.has(a.approvalId));
    if (chosen.length > 0) return chosen;
    return approvals[focused] ? [approvals[focused]] : [];
  }, [approvals, selected, focused]);

  const decide = useCallback(
    (decision: 'approved' | 'rejected', why: string) => {
      const chosen = targets();
      if (chosen.length === 0) return;
      // Without a selection the decision is about the highlighted person: never one the recruiter cannot see.
      const row = rowRefs.current[focused];
      if (selected.size === 0 && row && !fullyInView(row, toolbarRef.current)) {
        row.scrollIntoView({ block: 'nearest' });
        setOutOfView(true);
        return;
      }
      setOutOfView(false);
      void fetcher.submit(
        { csrf, decision, approvalIds: chosen.map((a) => a.approvalId).join(','), reason: why },
        { method: 'post' },
      );
      setRejecting(false);
      setReason('');
      setSelected(new Set());
    },
    [targets, fetcher, csrf, focused, selected],
  );

  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const toggleEvidence = useCallback((id: string) => {
    setExpanded((current) => {
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
        setOutOfView(false);
        setFocused((index) => {
          const next = Math.max(0, Math.min(approvals.length - 1, index + delta));
          rowRefs.current[next]?.focus({ preventScroll: true });
          return next;
        });
      };
      if (event.key === 'j') move(1);
      else if (event.key === 'k') move(-1);
      else if (event.key === 'x' && approvals[focused]) toggle(approvals[focused].approvalId);
      else if (event.key === 'e' && approvals[focused]) toggleEvidence(approvals[focused].approvalId);
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
  }, [approvals, focused, busy, toggle, toggleEvidence, decide]);

  const result = fetcher.data;
  const count = targets().length;
  const highlighted = approvals[focused];
  // Without a job filter the page is ordered job by job: one heading per job.
  const groups: { jobId: number; jobName: string; rows: { approval: Approval; index: number }[] }[] = [];
  approvals.forEach((approval, index) => {
    const last = groups[groups.length - 1];
    if (last && last.jobId === approval.jobId) last.rows.push({ approval, index });
    else groups.push({ jobId: approval.jobId, jobName: approval.jobName, rows: [{ approval, index }] });
  });
  const first = (inbox.page - 1) * inbox.pageSize + 1;
  return (
    <main className="page">
      <PageHeader title="Approvals">
        People the rules sent to a person for a decision. Keys, once a person in the list has the focus (click
        one or Tab to it): <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> select, <kbd>e</kbd> evidence,{' '}
        <kbd>a</kbd> approve, <kbd>r</kbd> reject with a reason.
      </PageHeader>
      {result && 'outcomes' in result ? <DecisionResults outcomes={result.outcomes} /> : null}
      {result && 'refused' in result ? (
        <Notice tone="error">
          <span data-testid="approval-refused">Nothing was decided. {result.message}</span>
        </Notice>
      ) : null}
      {result && 'fieldErrors' in result ? (
        <Notice tone="error">{Object.values(result.fieldErrors).flat().join(' ')}</Notice>
      ) : null}
      <RecentDecisions recent={recent} />
      {inbox.total === 0 ? (
        <EmptyState title="Nothing waiting for you.">
          When the rules ask for a decision, the person shows up here.
        </EmptyState>
      ) : (
        <>
          <Form
            method="get"
            className="filters"
            onChange={(event) => void submit(event.currentTarget)}
            data-testid="inbox-filters"
          >
            <label>
              Job{' '}
              <select name="job" defaultValue={inbox.jobId ?? ''} key={`job-${inbox.jobId}`}>
                <option value="">All jobs ({inbox.jobs.reduce((sum, j) => sum + j.pending, 0)})</option>
                {inbox.jobs.map((j) => (
                  <option key={j.jobId} value={j.jobId}>
                    {j.jobName} ({j.pending})
                  </option>
                ))}
              </select>
            </label>
            <label>
              Order{' '}
              <select name="sort" defaultValue={inbox.sort} key={`sort-${inbox.sort}`}>
                <option value="score">Best score first</option>
                <option value="due">Earliest deadline first</option>
              </select>
            </label>
            <noscript>
              <button type="submit" className="button">
                Show
              </button>
            </noscript>
          </Form>
          <div className="toolbar" role="toolbar" aria-label="Decide" ref={toolbarRef}>
            <span className="small" data-testid="decision-target">
              {selected.size > 0
                ? `${selected.size} selected`
                : highlighted
                  ? `No selection: decisions apply to the highlighted person, ${highlighted.name}`
                  : 'Nobody on this page'}
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
            <span className="small muted toolbar-end" data-testid="inbox-range">
              {first}–{first + approvals.length - 1} of {inbox.total}
            </span>
          </div>
          {outOfView ? (
            <Notice tone="info">
              The highlighted person was out of view, so nothing was decided. They are shown now: press again
              to decide.
            </Notice>
          ) : null}
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
          <div data-testid="approvals" ref={listRef}>
            {groups.map((group) => (
              <section
                key={`${group.jobId}-${group.rows[0]!.index}`}
                className="approval-group"
                data-testid="approval-group"
                data-job-id={group.jobId}
              >
                {inbox.jobId === null ? (
                  <h2 className="group-heading">
                    <Link to={`/jobs/${group.jobId}`}>{group.jobName}</Link>{' '}
                    <span className="small muted">
                      {inbox.jobs.find((j) => j.jobId === group.jobId)?.pending ?? group.rows.length} waiting
                      · <Link to={`?job=${group.jobId}&sort=${inbox.sort}`}>only this job</Link>
                    </span>
                  </h2>
                ) : null}
                <ul className="people approvals">
                  {group.rows.map(({ approval, index }) => (
                    <ApprovalCard
                      key={approval.approvalId}
                      approval={approval}
                      focused={index === focused}
                      selected={selected.has(approval.approvalId)}
                      expanded={expanded.has(approval.approvalId)}
                      showJob={false}
                      onFocus={() => setFocused(index)}
                      onToggle={() => toggle(approval.approvalId)}
                      onExpand={() => toggleEvidence(approval.approvalId)}
                      rowRef={(el) => {
                        rowRefs.current[index] = el;
                      }}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <Pager page={inbox.page} pages={inbox.pages} />
        </>
      )}
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
