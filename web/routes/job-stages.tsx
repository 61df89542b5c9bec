import { useEffect, useRef, useState } from 'react';
import { greenhouseStagesOf, saveStageMapping } from '../../db/queries/stage-mapping';
import { Link, useFetcher } from 'react-router';
import xyflowStyles from '@xyflow/react/dist/style.css?url';
import { z } from 'zod';
import type { Route } from './+types/job-stages';
import { useCsrfToken } from '../components/csrf';
import { StageMappingCanvas } from '../components/stage-mapping-canvas';
import { EmptyState, Notice, PageHeader } from '../components/ui';
import { UnsavedChangesDialog, useUnsavedChangesGuard } from '../components/unsaved-changes';
import {
  findUnmappedStages,
  GREENHOUSE_STATUSES,
  PILOTHOUSE_OUTCOMES,
  StageMappingSchema,
  validateStageMapping,
  type StageMapping,
} from '../../rules';
import { requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { invalid, parseForm } from '../server/forms.server';
import { parseJobId, requireJob } from '../server/jobs.server';
import { jobStageMapping, recompilePublishedFlows } from '../server/rules.server';
import { useWhen } from '../components/when';

export const mappingFormSchema = z.object({
  mapping: z.string().transform((text, ctx) => {
    const parsed = StageMappingSchema.safeParse(
      (() => {
        try {
          return JSON.parse(text);
        } catch {
          return null;
        }
      })(),
    );
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'The mapping is not a valid stage mapping document.' });
      return z.NEVER;
    }
    return parsed.data;
  }),
});

export function links() {
  return [{ rel: 'stylesheet', href: xyflowStyles }];
}

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Stage mapping · ${loaderData?.job.name ?? 'Job'} · Pilothouse` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['admin']);
  const jobId = parseJobId(params.jobId);
  const job = await requireJob(context, jobId);
  const { stages, filled, stored } = await jobStageMapping(context, jobId);
  return {
    job: { id: job.id, name: job.name },
    stages,
    mapping: filled.mapping,
    guessed: filled.filled,
    savedBy: stored?.updated_by ?? null,
    savedAt: stored ? new Date(stored.updated_at).toISOString() : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['admin']);
  const jobId = parseJobId(params.jobId);
  await requireJob(context, jobId);
  const parsed = parseForm(mappingFormSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const mapping = { ...parsed.value.mapping, jobId };
  const stages = await greenhouseStagesOf(context.db, jobId);
  const errors = validateStageMapping(mapping, stages).filter((i) => i.severity === 'error');
  if (errors.length > 0) return invalid({ mapping: errors.map((e) => e.message) });
  await saveStageMapping(context.db, mapping, user.email);
  await audit(context, {
    actor: user.email,
    action: 'stage_mapping.saved',
    jobId,
    details: { links: mapping.links, statusOutcomes: mapping.statusOutcomes },
  });
  // Rules name stages and outcomes through this mapping: their published plans are compiled again.
  const recompiled = await recompilePublishedFlows(context, user, jobId);
  return { ok: true as const, savedAt: new Date().toISOString(), recompiled };
}

const STATUS_WORDS = {
  in_process: 'In process',
  rejected: 'Rejected',
  hired: 'Hired',
  converted: 'Prospect converted',
} as const;
const OUTCOME_WORDS = {
  inProgress: 'still in progress',
  rejected: 'rejected',
  hired: 'hired',
  converted: 'converted to a candidate',
  ignored: 'not tracked',
} as const;

export default function JobStages({ loaderData }: Route.ComponentProps) {
  const { when } = useWhen();
  const { job, stages, savedAt, savedBy, guessed } = loaderData;
  const [mapping, setMapping] = useState<StageMapping>(loaderData.mapping);
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const unmapped = findUnmappedStages(mapping, stages);
  // Unsaved while the screen differs from what the server last confirmed storing.
  const [stored, setStored] = useState(() => JSON.stringify(loaderData.mapping));
  const sent = useRef<string | null>(null);
  const save = () => {
    sent.current = JSON.stringify(mapping);
    void fetcher.submit({ csrf, mapping: sent.current }, { method: 'post' });
  };
  const savedNow = fetcher.data && 'savedAt' in fetcher.data ? fetcher.data.savedAt : null;
  useEffect(() => {
    if (savedNow && sent.current !== null) setStored(sent.current);
  }, [savedNow]);
  const leaving = useUnsavedChangesGuard(JSON.stringify(mapping) !== stored);
  return (
    <main className="page wide">
      <PageHeader
        title={`Stage mapping for ${job.name}`}
        actions={
          <>
            <Link className="button" to={`/jobs/${job.id}`}>
              Back to job
            </Link>
            <button
              type="button"
              className="button primary"
              data-testid="save-mapping"
              disabled={fetcher.state !== 'idle'}
              onClick={save}
            >
              {fetcher.state !== 'idle' ? 'Saving…' : 'Save mapping'}
            </button>
          </>
        }
      >
        Connect each Pilothouse stage to the Greenhouse interview stage it means. Rules name stages through
        this mapping.
        {savedAt
          ? ` Saved ${when(savedAt)} by ${savedBy}.`
          : ' Not saved yet: the lines below are suggestions.'}
      </PageHeader>
      <div data-testid="mapping-save-result">
        {fetcher.data && 'fieldErrors' in fetcher.data ? (
          <Notice tone="error">{Object.values(fetcher.data.fieldErrors).flat().join(' ')}</Notice>
        ) : null}
        {fetcher.data && 'savedAt' in fetcher.data ? (
          <Notice tone="success">
            Mapping saved.
            {fetcher.data.recompiled.map((r) =>
              r.outcome === 'republished'
                ? ` Rules "${r.flow}" recompiled as ${r.detail}; the running autopilot uses it now.`
                : r.outcome === 'broken'
                  ? ` Rules "${r.flow}" no longer compile with this mapping and keep their last version: ${r.detail}`
                  : '',
            )}
          </Notice>
        ) : null}
      </div>
      {stages.length === 0 ? (
        <EmptyState title="This job has no synced Greenhouse stages yet.">
          They arrive with the next job sync.
        </EmptyState>
      ) : (
        <>
          {unmapped.pipelineStagesWithoutGreenhouseStage.length > 0 ? (
            <Notice tone="error">
              Not mapped: {unmapped.pipelineStagesWithoutGreenhouseStage.join(', ')} — rules that name these
              stages cannot be published.
            </Notice>
          ) : null}
          {!savedAt && guessed.length > 0 ? (
            <Notice tone="info">
              Suggested:{' '}
              {guessed.map((g) => `${g.pipelineStage} → ${g.greenhouseStageName} (${g.why})`).join('; ')}
            </Notice>
          ) : null}
          <StageMappingCanvas
            mapping={loaderData.mapping}
            stages={stages}
            onChange={(next) =>
              setMapping((current) => ({ ...next, statusOutcomes: current.statusOutcomes }))
            }
          />
          <section className="panel" aria-labelledby="status-heading" data-testid="status-mapping">
            <h2 id="status-heading">Greenhouse status → Pilothouse outcome</h2>
            <p className="small muted">
              What an application's status in Greenhouse means here. Saved with the mapping; rules use it.
            </p>
            {GREENHOUSE_STATUSES.map((status) => (
              <label key={status} className="inspector-row">
                <span>{STATUS_WORDS[status]}</span>
                <select
                  value={mapping.statusOutcomes[status]}
                  data-testid={`status-${status}`}
                  onChange={(e) =>
                    setMapping((current) => ({
                      ...current,
                      statusOutcomes: {
                        ...current.statusOutcomes,
                        [status]: e.target.value as (typeof PILOTHOUSE_OUTCOMES)[number],
                      },
                    }))
                  }
                >
                  {PILOTHOUSE_OUTCOMES.map((outcome) => (
                    <option key={outcome} value={outcome}>
                      {OUTCOME_WORDS[outcome]}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </section>
        </>
      )}
      <UnsavedChangesDialog
        blocker={leaving}
        what="Your changes to the stage mapping"
        save={{ label: 'Save mapping and leave', run: save, busy: fetcher.state !== 'idle' }}
      />
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
