// "Why?" — everything the autopilot decided about one person on one job, and why: the trigger, each
// condition with the value it saw, the steps it decided, who approved, and what Greenhouse answered.
// Above it, the person's Greenhouse profile: where they stand there, how to reach them, their resume.
import { Link } from 'react-router';
import type { Route } from './+types/job-person-why';
import { GreenhouseProfile } from '../components/greenhouse-profile';
import { Badge, EmptyState, PageHeader } from '../components/ui';
import { requireUser } from '../server/auth.server';
import { assertJobVisible } from '../server/greenhouse.server';
import { parseJobId, requireJob } from '../server/jobs.server';
import { loadGreenhouseProfile, parsePersonId } from '../server/person-profile.server';
import { loadWhy } from '../server/why.server';
import { useWhen } from '../components/when';
import { describeSeen } from '../../rules/describe';

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Why · ${loaderData?.why.name ?? 'Person'} · Pilothouse` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  const jobId = parseJobId(params.jobId);
  const job = await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  const personId = parsePersonId(params.personId, job.name);
  const [why, profile] = await Promise.all([
    loadWhy(context, jobId, personId),
    loadGreenhouseProfile(context, jobId, personId),
  ]);
  if (!why || !profile)
    throw new Response(`That person is not in the pipeline of ${job.name}.`, { status: 404 });
  return { job: { id: job.id, name: job.name }, why, profile, personId };
}

const ENTRY_TONE = {
  held: 'good',
  notHeld: 'bad',
  decided: 'info',
  waiting: 'warn',
  skipped: 'neutral',
} as const;
const ENTRY_WORD = {
  started: 'Started',
  resumed: 'Carried on',
  held: 'Yes',
  notHeld: 'No',
  decided: 'Decided',
  waiting: 'Waiting',
  skipped: 'Skipped',
} as const;
const APPROVAL_WORD = {
  pending: 'waiting',
  approved: 'approved',
  rejected: 'declined',
  expired: 'expired',
} as const;

export default function JobPersonWhy({ loaderData }: Route.ComponentProps) {
  const { when } = useWhen();
  const { job, why, profile, personId } = loaderData;
  return (
    <main className="page">
      <PageHeader
        title={`Why: ${why.name}`}
        actions={
          <Link className="button" to={`/jobs/${job.id}`}>
            Back to {job.name}
          </Link>
        }
      >
        What the autopilot decided about {why.name} on {job.name}, step by step
        {why.score === null ? '' : ` (score ${why.score})`}.
      </PageHeader>

      <GreenhouseProfile profile={profile} resumeHref={`/jobs/${job.id}/people/${personId}/resume`} />

      {why.export ? (
        <section className="panel" aria-labelledby="export-heading" data-testid="why-export">
          <h2 id="export-heading">Export to Greenhouse</h2>
          <p>
            <Badge tone={why.export.result.tone}>
              {why.export.result.tone === 'good'
                ? 'in Greenhouse'
                : why.export.result.tone === 'bad'
                  ? 'failed'
                  : 'exporting'}
            </Badge>{' '}
            {why.export.result.text}.{' '}
            <span className="small muted">
              Asked by {why.export.requestedBy}, last step {when(why.export.at)}.
            </span>
          </p>
        </section>
      ) : null}

      {why.approvals.length > 0 ? (
        <section className="panel" aria-labelledby="approvals-heading" data-testid="why-approvals">
          <h2 id="approvals-heading">Approvals</h2>
          <ul>
            {why.approvals.map((a) => (
              <li key={a.id}>
                Asked {a.requestedFrom ?? 'the recruiters'} on {when(a.askedAt)}:{' '}
                <Badge tone={a.status === 'approved' ? 'good' : a.status === 'pending' ? 'info' : 'bad'}>
                  {APPROVAL_WORD[a.status]}
                </Badge>
                {a.decidedBy ? ` by ${a.decidedBy}` : ''}
                {a.decidedAt ? ` on ${when(a.decidedAt)}` : ''}
                {a.reason ? <q className="small"> {a.reason}</q> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {why.evaluations.length === 0 ? (
        <EmptyState title="No rule has run for this person yet">
          Rules run when the person is matched, when something happens in Greenhouse or outreach, or when an
          approval is decided.
        </EmptyState>
      ) : (
        why.evaluations.map((evaluation) => (
          <section key={evaluation.id} className="panel why" data-testid="why-evaluation">
            <h2>
              {when(evaluation.at)}
              {evaluation.version === null ? ' · default rules' : ` · rules version ${evaluation.version}`}
            </h2>
            <ol className="why-trace" data-testid="why-trace">
              {evaluation.entries.map((entry, i) => (
                <li key={i} data-outcome={entry.outcome}>
                  <Badge tone={ENTRY_TONE[entry.outcome as keyof typeof ENTRY_TONE] ?? 'neutral'}>
                    {ENTRY_WORD[entry.outcome as keyof typeof ENTRY_WORD] ?? entry.outcome}
                  </Badge>{' '}
                  {entry.text}
                  {entry.checks.length > 0 ? (
                    <ul className="small">
                      {entry.checks.map((check, j) => (
                        <li key={j} data-testid="why-check">
                          {check.text}: saw <strong>{describeSeen(check)}</strong>, needed {check.expected}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
            {evaluation.steps.length > 0 ? (
              <>
                <h3>What it did</h3>
                <ul className="why-steps">
                  {evaluation.steps.map((step, i) => (
                    <li key={i} data-testid="why-step" data-type={step.type}>
                      <div>{step.because}</div>
                      {step.result ? (
                        <div className="small">
                          <Badge tone={step.result.tone}>Result</Badge> {step.result.text}
                        </div>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="small muted">{evaluation.summary}</p>
            )}
          </section>
        ))
      )}
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
