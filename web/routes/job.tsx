import { useEffect } from 'react';
import { Form, Link, NavLink, useFetcher, useRevalidator } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/job';
import { useCsrfToken } from '../components/csrf';
import { JobCharts } from '../components/job-charts';
import { GreenhouseStatus, MatchExplanation, ScorePill } from '../components/people';
import { describeSource } from '../../rules/describe';
import { PHASE_LABELS, PHASE_ORDER, PIPELINE_STAGES, phaseLabel, stageWords } from '../components/pipeline';
import { Badge, EmptyState, Notice, PageHeader, Pager, Spinner } from '../components/ui';
import { setJobCadence } from '../../db/queries/jobs';
import { isOnJob } from '../../db/queries/pipeline';
import { countsForJob } from '../../db/queries/pipeline-counts';
import { pipelineStamp } from '../../db/queries/pipeline-people';
import { requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { autopilotStatus, signalAutopilot } from '../server/autopilot.server';
import { CADENCES, cadenceLabel } from '../server/cadence';
import { newSourceDataSignal } from '../../temporal/autopilot-api';
import { invalid, parseForm } from '../server/forms.server';
import { assertJobVisible } from '../server/greenhouse.server';
import { scoreChartData } from '../server/job-charts.server';
import { exportNow, jobPeople } from '../server/job-people.server';
import { prospectPoolChoice, saveProspectPoolChoice } from '../server/prospect-pools.server';
import { ProspectPoolChoice } from '../components/prospect-pool-choice';
import { parseJobId, requireJob } from '../server/jobs.server';
import { useWhen } from '../components/when';

export const exportSchema = z.object({
  intent: z.literal('export'),
  personId: z.uuid('Pick a person to export.'),
});

export const prospectPoolsSchema = z.object({
  intent: z.literal('prospect-pools'),
  pools: z.array(z.coerce.number().int().positive('Choose prospect pools from the list.')).max(50),
});

export const cadenceSchema = z.object({
  intent: z.literal('cadence'),
  cadence: z.enum(['hourly', 'daily', 'weekly'], 'Choose every hour, day or week.'),
});

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.job.name ?? 'Job'} · Pilothouse` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  const jobId = parseJobId(params.jobId);
  const job = await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  const url = new URL(request.url);
  const stage = url.searchParams.get('stage');
  const q = (url.searchParams.get('q') ?? '').trim();
  const from = url.searchParams.get('from')?.trim() || null;
  const view = url.searchParams.get('view') === 'charts' ? 'charts' : 'people';
  const page = Number.parseInt(url.searchParams.get('page') ?? '', 10);
  // Read before the people: a change made while they are read moves the stamp past this one.
  const stamp = await pipelineStamp(context.db, jobId);
  const [listing, counts, autopilot, scores, pools] = await Promise.all([
    view === 'charts' ? null : jobPeople(context, jobId, { stage, q, from }, page > 0 ? page : 1),
    countsForJob(context.db, jobId),
    autopilotStatus(context, jobId),
    view === 'charts' ? scoreChartData(context, jobId) : null,
    prospectPoolChoice(context, jobId, { offer: user.role === 'admin' }),
  ]);
  return {
    job: {
      id: job.id,
      name: job.name,
      status: job.status,
      autopilotEnabled: job.autopilot_enabled,
      cadenceMinutes: job.cadence_minutes,
      department: job.department_name,
    },
    people: listing?.people ?? [],
    listing: listing && {
      total: listing.total,
      page: listing.page,
      pages: listing.pages,
      pageSize: listing.pageSize,
    },
    stamp,
    counts,
    autopilot,
    filter: { stage, q, from },
    view,
    scores,
    pools,
    canExport: user.role !== 'ops',
    isAdmin: user.role === 'admin',
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['recruiter']);
  const jobId = parseJobId(params.jobId);
  await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  if (form.get('intent') === 'cadence') {
    if (user.role !== 'admin')
      throw new Response('Only an admin changes how often the autopilot runs.', { status: 403 });
    const chosen = parseForm(cadenceSchema, form);
    if (!chosen.ok) return invalid(chosen.fieldErrors);
    const cadence = CADENCES.find((c) => c.key === chosen.value.cadence)!;
    await setJobCadence(context.db, jobId, cadence.minutes);
    // The autopilot reads the cadence when a cycle starts and sleeps that long after it: a cycle now
    // puts the new cadence in force at once (a running one is asked; a stopped one reads it when started).
    const running = await signalAutopilot(context, jobId, newSourceDataSignal, { reason: 'manual' });
    await audit(context, {
      actor: user.email,
      action: 'autopilot.cadence_changed',
      jobId,
      details: { cadence: cadence.key },
    });
    return { ok: true as const, intent: 'cadence' as const, cadence: cadence.key, running };
  }
  if (form.get('intent') === 'prospect-pools') {
    if (user.role !== 'admin')
      throw new Response('Only an admin chooses the prospect pools a job sources from.', { status: 403 });
    const chosen = parseForm(prospectPoolsSchema, { intent: 'prospect-pools', pools: form.getAll('pool') });
    if (!chosen.ok) return invalid(chosen.fieldErrors);
    const saved = await saveProspectPoolChoice(context, {
      jobId,
      poolIds: chosen.value.pools,
      by: user.email,
    });
    if (!saved.ok) return invalid({ pools: [saved.message] });
    const pools = saved.chosen.map((pool) => pool.name);
    await audit(context, {
      actor: user.email,
      action: 'sources.prospect_pools_chosen',
      jobId,
      details: { pools },
    });
    // A cycle now reads the chosen pools at once (a stopped autopilot reads them when started).
    const running = await signalAutopilot(context, jobId, newSourceDataSignal, { reason: 'manual' });
    return { ok: true as const, intent: 'prospect-pools' as const, pools, running };
  }
  const parsed = parseForm(exportSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  if (!(await isOnJob(context.db, jobId, parsed.value.personId)))
    throw new Response(`That person is not in job ${jobId}'s pipeline.`, { status: 404 });
  try {
    const result = await exportNow(context, {
      jobId,
      personId: parsed.value.personId,
      requestedBy: user.email,
      creditUserId: user.greenhouse_user_id,
    });
    await audit(context, {
      actor: user.email,
      action: 'export.requested',
      jobId,
      personId: parsed.value.personId,
      workflowId: result.exportWorkflowId,
      details: { via: result.via },
    });
    return { ok: true as const, personId: parsed.value.personId, ...result };
  } catch (error) {
    return {
      ok: false as const,
      personId: parsed.value.personId,
      fieldErrors: { form: [`The export could not be started: ${(error as Error).message}`] },
    };
  }
}

const BUSY_PHASES = new Set([
  'starting',
  'training',
  'sourcing',
  'matching',
  'selecting',
  'exporting',
  'tracking',
]);

function CycleProgress({
  autopilot,
  enabled,
  counts,
}: {
  autopilot: Route.ComponentProps['loaderData']['autopilot'];
  enabled: boolean;
  /** Live from the database (the same counts as the tabs): exports finish after the cycle that started them. */
  counts: Route.ComponentProps['loaderData']['counts'];
}) {
  const { when, timeZone } = useWhen();
  if (autopilot.state !== 'running') {
    return (
      <section className="panel cycle" data-testid="cycle-progress" data-phase="none">
        <strong>Autopilot {enabled ? 'not running' : 'off'}</strong>
        <p className="small muted">
          {enabled ? autopilot.detail : 'Turn the autopilot on from the Jobs page to start its cycle.'}
        </p>
      </section>
    );
  }
  const { status } = autopilot;
  const current = PHASE_ORDER.indexOf(status.phase);
  return (
    <section
      className="panel cycle"
      data-testid="cycle-progress"
      data-phase={status.phase}
      aria-live="polite"
    >
      <div className="row spread">
        <strong>
          Cycle {status.cycle} · {phaseLabel(status.phase, status.nextCycleAt, timeZone)}{' '}
          {BUSY_PHASES.has(status.phase) ? <Spinner label="working" /> : null}
        </strong>
        <span className="small muted">
          {status.nextCycleAt ? `Next cycle ${when(status.nextCycleAt)}` : null}
          {status.lastCycleFinishedAt ? ` · last finished ${when(status.lastCycleFinishedAt)}` : null}
        </span>
      </div>
      <ol className="stepper">
        {PHASE_ORDER.map((phase, index) => (
          <li key={phase} className={index < current ? 'done' : index === current ? 'current' : ''}>
            {PHASE_LABELS[phase]}
          </li>
        ))}
      </ol>
      <p className="small" data-testid="cycle-counts">
        {counts.total} people · {counts.byTab.pending_approval ?? 0} awaiting approval ·{' '}
        {counts.byTab.exported ?? 0} exported ·{' '}
        {counts.byTab.left_to_greenhouse ? `${counts.byTab.left_to_greenhouse} left to Greenhouse · ` : ''}
        {counts.byTab.rejected ?? 0} not selected
        {counts.failedExports > 0 ? (
          <>
            {' · '}
            <Link to="/ops" className="text-bad">
              {counts.failedExports} failed
            </Link>
          </>
        ) : null}
      </p>
      {status.lastError ? <Notice tone="error">Last error: {status.lastError}</Notice> : null}
    </section>
  );
}

/** How often the autopilot runs; admins change it here (a cycle runs at once, then at the new pace). */
function CadenceControl({ minutes, canChange }: { minutes: number; canChange: boolean }) {
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const current = CADENCES.find((c) => c.minutes === minutes)?.key;
  const data = fetcher.data;
  if (!canChange)
    return (
      <p className="small muted" data-testid="cadence">
        Runs: {cadenceLabel(minutes).toLowerCase()}
      </p>
    );
  return (
    <fetcher.Form method="post" className="filters cadence" data-testid="cadence">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value="cadence" />
      <label>
        Autopilot runs{' '}
        <select name="cadence" defaultValue={current ?? ''} key={minutes}>
          {current ? null : <option value="">{cadenceLabel(minutes)}</option>}
          {CADENCES.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button small" disabled={fetcher.state !== 'idle'}>
        {fetcher.state !== 'idle' ? 'Saving…' : 'Save'}
      </button>
      {data && 'intent' in data && data.intent === 'cadence' ? (
        <span className="small" role="status">
          Saved.{' '}
          {data.running
            ? 'A cycle runs now; the next ones follow at the new pace.'
            : 'The autopilot uses it from its next start.'}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function ExportButton({ personId, name }: { personId: string; name: string }) {
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const busy = fetcher.state !== 'idle';
  const data = fetcher.data;
  return (
    <fetcher.Form method="post" className="inline">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value="export" />
      <input type="hidden" name="personId" value={personId} />
      {data?.ok ? (
        <Badge tone="info">Export started</Badge>
      ) : (
        <button
          type="submit"
          className="button small"
          disabled={busy}
          aria-label={`Export ${name} to Greenhouse`}
        >
          {busy ? 'Exporting…' : 'Export to Greenhouse'}
        </button>
      )}
      {data && !data.ok && 'fieldErrors' in data ? (
        <span className="field-error">{data.fieldErrors.form?.join(' ')}</span>
      ) : null}
    </fetcher.Form>
  );
}

export default function Job({ loaderData }: Route.ComponentProps) {
  const { job, people, listing, stamp, counts, autopilot, filter, view, scores, pools, canExport, isAdmin } =
    loaderData;
  const revalidator = useRevalidator();
  const busy =
    (autopilot.state === 'running' && BUSY_PHASES.has(autopilot.status.phase)) ||
    people.some((p) => p.exportStatus === 'running');
  // Live progress: while the cycle works or an export runs, re-read the page every few seconds.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle' && document.visibilityState === 'visible')
        void revalidator.revalidate();
    }, 3000);
    return () => clearInterval(timer);
  }, [busy, revalidator]);
  usePipelineChanges(job.id, stamp, revalidator);
  const total = counts.total;
  return (
    <main className="page">
      <PageHeader
        title={job.name}
        actions={
          <>
            <Link className="button" to={`/jobs/${job.id}/backtest`}>
              Backtest
            </Link>
            {canExport ? (
              <Link className="button" to={`/jobs/${job.id}/import`}>
                Import people
              </Link>
            ) : null}
            {isAdmin ? (
              <>
                <Link className="button" to={`/jobs/${job.id}/rules`}>
                  Rules
                </Link>
                <Link className="button" to={`/jobs/${job.id}/stages`}>
                  Stage mapping
                </Link>
                <Link className="button" to={`/jobs/${job.id}/adverse-impact`}>
                  Adverse impact
                </Link>
              </>
            ) : null}
          </>
        }
      >
        Greenhouse job {job.id}
        {job.department ? ` · ${job.department}` : ''} · {job.status}
      </PageHeader>
      <CycleProgress autopilot={autopilot} enabled={job.autopilotEnabled} counts={counts} />
      <CadenceControl minutes={job.cadenceMinutes} canChange={isAdmin} />
      <ProspectPoolChoice choice={pools} canChange={isAdmin} />
      <nav className="tabs" aria-label="Pipeline stages">
        <NavLink
          to={`/jobs/${job.id}`}
          end
          className={() => (filter.stage === null && !filter.from && view !== 'charts' ? 'active' : '')}
        >
          Everyone <span className="count">{total}</span>
        </NavLink>
        {PIPELINE_STAGES.map((stage) => (
          <Link
            key={stage.key}
            to={`?stage=${stage.key}`}
            className={filter.stage === stage.key ? 'active' : ''}
            data-testid={`stage-tab-${stage.key}`}
          >
            {stage.label} <span className="count">{counts.byTab[stage.key] ?? 0}</span>
          </Link>
        ))}
        <Link to="?view=charts" className={view === 'charts' ? 'active' : ''} data-testid="charts-tab">
          Charts
        </Link>
      </nav>
      {scores ? (
        <JobCharts
          funnel={counts.funnel}
          scores={scores}
          cycles={autopilot.state === 'running' ? (autopilot.status.recentCycles ?? []) : null}
          autopilotNote={
            autopilot.state === 'running'
              ? ''
              : `No cycle timeline: ${job.autopilotEnabled ? autopilot.detail : 'the autopilot is off for this job.'}`
          }
        />
      ) : null}
      {filter.from ? (
        <Notice tone="info">
          <span data-testid="from-list">
            Showing the {listing?.total ?? 0} {listing?.total === 1 ? 'person' : 'people'} added from{' '}
            {filter.from}, each with the stage they are at now.
          </span>{' '}
          <Link to={`/jobs/${job.id}`}>Show everyone</Link>
        </Notice>
      ) : null}
      {view === 'charts' ? null : (
        <>
          <Form method="get" className="filters" role="search">
            {filter.stage ? <input type="hidden" name="stage" value={filter.stage} /> : null}
            <input
              type="search"
              name="q"
              placeholder="Search people by name, title or company…"
              defaultValue={filter.q}
              aria-label="Search people"
            />
            <button className="button" type="submit">
              Search
            </button>
          </Form>
          {listing && listing.pages > 1 ? (
            <p className="small muted" data-testid="page-range">
              {rangeOf(listing)} of {listing.total} people, best score first
            </p>
          ) : null}
          {people.length === 0 ? (
            <EmptyState title={total === 0 ? 'Nobody in this pipeline yet.' : 'Nobody matches.'}>
              {total === 0
                ? 'When the autopilot runs it sources, scores and lists people here.'
                : 'Try another stage or search.'}
            </EmptyState>
          ) : (
            <ul className="people" data-testid="people">
              {people.map((person) => (
                <li
                  key={person.personId}
                  className="person"
                  data-testid="person"
                  data-person-id={person.personId}
                  data-stage={person.stage}
                >
                  <div className="person-main">
                    <ScorePill score={person.score} />
                    <div>
                      <strong className="person-name">{person.name}</strong>
                      <div className="small muted">
                        {[person.headline, person.location].filter(Boolean).join(' · ')}
                      </div>
                      <div className="small">
                        <Badge>{describeSource(person.source)}</Badge>{' '}
                        <Badge tone="info">{stageWords(person.stage)}</Badge>
                        <Link
                          to={`/jobs/${job.id}/people/${person.personId}/why`}
                          className="small"
                          data-testid="why-link"
                        >
                          Why?
                        </Link>
                        {person.exportStatus === 'failed' ? (
                          <span className="text-bad small"> Export failed: {person.exportFailure}</span>
                        ) : null}
                        {person.exportStatus === 'running' ? <Spinner label="Exporting" /> : null}
                      </div>
                    </div>
                    <div className="person-side">
                      <GreenhouseStatus presence={person.greenhouse} synced={person.synced} />
                      {canExport && !person.synced && person.exportStatus !== 'running' ? (
                        <ExportButton personId={person.personId} name={person.name} />
                      ) : null}
                    </div>
                  </div>
                  <details>
                    <summary>Why this score</summary>
                    <MatchExplanation explanation={person.explanation} score={person.score} />
                  </details>
                </li>
              ))}
            </ul>
          )}
          {listing ? <Pager page={listing.page} pages={listing.pages} /> : null}
        </>
      )}
    </main>
  );
}

/** "101–200": the people this page shows, counted from 1. */
function rangeOf(listing: { page: number; pageSize: number; total: number }): string {
  const first = (listing.page - 1) * listing.pageSize + 1;
  return `${first}–${Math.min(listing.total, first + listing.pageSize - 1)}`;
}

export { ErrorBoundary } from '../components/route-error';

/**
 * Changes made elsewhere — a recruiter moving someone in Greenhouse (told by webhook), the autopilot
 * scoring or selecting — show without a reload: while the tab is visible, the pipeline's change stamp is
 * polled every second and the page re-read when it moved.
 */
function usePipelineChanges(jobId: number, stamp: string, revalidator: ReturnType<typeof useRevalidator>) {
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible' || revalidator.state !== 'idle') return;
      fetch(`/jobs/${jobId}/changes`, { headers: { Accept: 'application/json' } })
        .then((response) => (response.ok ? (response.json() as Promise<{ stamp: string }>) : null))
        .then((latest) => {
          if (!stopped && latest && latest.stamp !== stamp) void revalidator.revalidate();
        })
        // Offline for a moment, or signed out: the next poll tries again; nothing to tell the user here.
        .catch(() => {});
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [jobId, stamp, revalidator]);
}
