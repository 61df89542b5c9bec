import { Form, Link, useFetcher, useNavigation, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/jobs';
import { useCsrfToken } from '../components/csrf';
import { phaseLabel } from '../components/pipeline';
import { Badge, EmptyState, Notice, PageHeader } from '../components/ui';
import { requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { setAutopilot } from '../server/autopilot.server';
import { invalid, parseForm } from '../server/forms.server';
import { assertJobVisible } from '../server/greenhouse.server';
import { jobAccessOf, notLinkedMessage } from '../server/job-access';
import { listJobs, requireJob } from '../server/jobs.server';
import { activeAdminNames } from '../../db/queries/accounts';
import { newJobAutopilot, setNewJobAutopilot } from '../../db/queries/app-settings';
import { useWhen } from '../components/when';

export const jobFiltersSchema = z.object({
  q: z.string().trim().max(200).catch(''),
  status: z.enum(['open', 'closed', 'draft', 'all']).catch('open'),
  autopilot: z.enum(['on', 'off', 'all']).catch('all'),
});

export const toggleSchema = z.object({
  intent: z.literal('autopilot'),
  jobId: z.coerce.number().int().positive(),
  enabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const newJobsSchema = z.object({
  intent: z.literal('new-jobs'),
  enabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export function meta() {
  return [{ title: 'Jobs · Pilothouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  const url = new URL(request.url);
  const filters = jobFiltersSchema.parse({
    q: url.searchParams.get('q') ?? '',
    status: url.searchParams.get('status') ?? 'open',
    autopilot: url.searchParams.get('autopilot') ?? 'all',
  });
  const notLinked = jobAccessOf(user).kind === 'noJobUntilLinked';
  const [jobs, newJobsOn, admins] = await Promise.all([
    listJobs(context, user, filters),
    newJobAutopilot(context.db),
    notLinked ? activeAdminNames(context.db) : [],
  ]);
  return {
    jobs,
    filters,
    canToggle: user.role === 'admin',
    newJobsOn,
    // Why the list is empty when it is for that reason: no job until an admin links the account.
    notLinked: notLinked ? notLinkedMessage(admins) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['admin']);
  if (form.get('intent') === 'new-jobs') {
    const choice = parseForm(newJobsSchema, form);
    if (!choice.ok) return invalid(choice.fieldErrors);
    await setNewJobAutopilot(context.db, choice.value.enabled, user.email);
    await audit(context, {
      actor: user.email,
      action: choice.value.enabled ? 'settings.new_jobs_autopilot_on' : 'settings.new_jobs_autopilot_off',
    });
    return { ok: true as const, newJobsOn: choice.value.enabled };
  }
  const parsed = parseForm(toggleSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const { jobId, enabled } = parsed.value;
  await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  try {
    const { workflowId } = await setAutopilot(context, jobId, enabled, user.email);
    await audit(context, {
      actor: user.email,
      action: enabled ? 'autopilot.enabled' : 'autopilot.paused',
      jobId,
      workflowId,
    });
    return { ok: true as const, jobId, enabled };
  } catch (error) {
    return {
      ok: false as const,
      jobId,
      fieldErrors: {
        form: [
          `Autopilot for job ${jobId} could not be ${enabled ? 'started' : 'paused'}: ${(error as Error).message}`,
        ],
      },
    };
  }
}

function AutopilotToggle({ jobId, enabled, jobName }: { jobId: number; enabled: boolean; jobName: string }) {
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const pending = fetcher.state !== 'idle';
  const shown = pending ? fetcher.formData?.get('enabled') === 'true' : enabled;
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value="autopilot" />
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="enabled" value={String(!shown)} />
      <button
        type="submit"
        role="switch"
        aria-checked={shown}
        aria-label={`Autopilot for ${jobName}`}
        className={`switch${shown ? ' on' : ''}`}
        data-testid={`autopilot-toggle-${jobId}`}
        disabled={pending}
      >
        <span className="switch-knob" aria-hidden />
        <span className="switch-text">{pending ? '…' : shown ? 'On' : 'Off'}</span>
      </button>
      {fetcher.data && !fetcher.data.ok && 'fieldErrors' in fetcher.data ? (
        <span className="field-error">{fetcher.data.fieldErrors.form?.join(' ')}</span>
      ) : null}
    </fetcher.Form>
  );
}

/** Admins choose whether jobs Greenhouse reports from now on start with their autopilot on. */
function NewJobsDefault({ on }: { on: boolean }) {
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const shown = fetcher.formData ? fetcher.formData.get('enabled') === 'true' : on;
  return (
    <fetcher.Form method="post" className="new-jobs-default small">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value="new-jobs" />
      <input type="hidden" name="enabled" value={String(!shown)} />
      <span>New jobs from Greenhouse start with the autopilot</span>{' '}
      <button
        type="submit"
        role="switch"
        aria-checked={shown}
        aria-label="Autopilot for new jobs"
        className={`switch${shown ? ' on' : ''}`}
        data-testid="new-jobs-autopilot"
        disabled={fetcher.state !== 'idle'}
      >
        <span className="switch-knob" aria-hidden />
        <span className="switch-text">{shown ? 'On' : 'Off'}</span>
      </button>
    </fetcher.Form>
  );
}

export default function Jobs({ loaderData }: Route.ComponentProps) {
  const { when, timeZone } = useWhen();
  const { jobs, filters, canToggle, newJobsOn, notLinked } = loaderData;
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/jobs';
  return (
    <main className="page">
      <PageHeader title="Jobs" actions={canToggle ? <NewJobsDefault on={newJobsOn} /> : null}>
        Greenhouse jobs synced into Pilothouse, and what each autopilot is doing.
      </PageHeader>
      {/* Filters find nothing in no jobs: an account waiting for its link gets only the reason. */}
      {notLinked ? null : (
        <Form method="get" className="filters" role="search" aria-busy={searching}>
          <label className="visually-hidden" htmlFor="q">
            Search jobs
          </label>
          <input
            id="q"
            name="q"
            type="search"
            placeholder="Search by title, department or requisition…"
            defaultValue={filters.q}
          />
          <label>
            Status{' '}
            <select name="status" defaultValue={filters.status}>
              <option value="open">Open</option>
              <option value="draft">Draft</option>
              <option value="closed">Closed</option>
              <option value="all">All</option>
            </select>
          </label>
          <label>
            Autopilot{' '}
            <select name="autopilot" defaultValue={filters.autopilot}>
              <option value="all">Any</option>
              <option value="on">On</option>
              <option value="off">Off</option>
            </select>
          </label>
          <button type="submit" className="button">
            {searching ? 'Filtering…' : 'Filter'}
          </button>
        </Form>
      )}
      {notLinked ? (
        <div className="empty" role="status" data-testid="not-linked">
          <strong>No jobs to show until your account is linked</strong>
          <p>{notLinked}</p>
        </div>
      ) : jobs.length === 0 ? (
        params.toString() ? (
          <EmptyState title="No job matches these filters.">
            Clear the search or pick another status.
          </EmptyState>
        ) : (
          <EmptyState title="No jobs synced yet.">
            Connect Greenhouse; the job sync brings in every job the connection may see.
          </EmptyState>
        )
      ) : (
        <table className="table" data-testid="jobs-table">
          <thead>
            <tr>
              <th>Job</th>
              <th>Autopilot</th>
              <th>Phase</th>
              <th className="num" title="Everyone in the job's Pilothouse pipeline">
                People
              </th>
              <th className="num">Awaiting approval</th>
              <th className="num">Exported</th>
              <th>Last sync</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id} data-testid="job-row" data-job-id={job.id}>
                <td>
                  <Link to={`/jobs/${job.id}`} className="strong">
                    {job.name}
                  </Link>
                  <div className="small muted">
                    {[job.department, job.offices.join(', '), job.requisitionId && `Req ${job.requisitionId}`]
                      .filter(Boolean)
                      .join(' · ')}{' '}
                    {job.status !== 'open' ? <Badge>{job.status}</Badge> : null}
                    {job.confidential ? <Badge tone="warn">confidential</Badge> : null}
                  </div>
                </td>
                <td>
                  {canToggle ? (
                    <AutopilotToggle jobId={job.id} enabled={job.autopilotEnabled} jobName={job.name} />
                  ) : (
                    <Badge tone={job.autopilotEnabled ? 'good' : 'neutral'}>
                      {job.autopilotEnabled ? 'On' : 'Off'}
                    </Badge>
                  )}
                </td>
                <td data-testid="job-phase">
                  {job.phase ? (
                    <Badge tone="info">{phaseLabel(job.phase, job.nextCycleAt, timeZone)}</Badge>
                  ) : job.autopilotEnabled ? (
                    <span className="small muted" title={job.autopilotNote ?? ''}>
                      Not running
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="num" data-testid="job-people">
                  {job.counts.total}
                </td>
                <td className="num" data-testid="job-awaiting-approval">
                  {job.counts.byTab.pending_approval ?? 0}
                </td>
                <td className="num" data-testid="job-exported">
                  {job.counts.byTab.exported ?? 0}
                </td>
                <td className="small">{when(job.syncedAt)}</td>
                <td className="small last-error">
                  {job.lastError ? (
                    <span className="text-bad">{job.lastError}</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                  {job.failedExports > 0 ? (
                    <div>
                      <Link to="/ops">{job.failedExports} failed export(s)</Link>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {jobs.length >= 500 ? (
        <Notice tone="info">Showing the first 500 jobs: narrow the search.</Notice>
      ) : null}
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
