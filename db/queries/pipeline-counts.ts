import { sql } from 'kysely';
import type { Db } from '../database';
import { countsByTab } from './pipeline-tabs';

/** The autopilot's own summary of a cycle (AutopilotStatus.counts; shape kept for running workflows). */
export interface PipelineCounts {
  sourced: number;
  matched: number;
  pendingApproval: number;
  exported: number;
  failedExports: number;
}

/** How far people got, each counted at every step they reached: the job's funnel. */
export interface FunnelCounts {
  sourced: number;
  matched: number;
  awaitingApproval: number;
  exported: number;
  advanced: number;
  hired: number;
}

export interface JobCounts {
  /** Everyone in the job's pipeline. */
  total: number;
  /** Where people are now, per tab: what each of the job's tabs lists, and what the Jobs list shows. */
  byTab: Record<string, number>;
  /** Reached each step, ever (a person exported was also sourced, matched and approved). */
  funnel: FunnelCounts;
  failedExports: number;
}

const EMPTY_FUNNEL: FunnelCounts = {
  sourced: 0,
  matched: 0,
  awaitingApproval: 0,
  exported: 0,
  advanced: 0,
  hired: 0,
};

/**
 * The one place a job's people are counted. The Jobs list, the job's header, its tabs and its funnel
 * all read this, so they cannot disagree (they did: tabs by current stage, the header cumulatively).
 */
export async function jobCounts(db: Db, jobIds: readonly number[]): Promise<Map<number, JobCounts>> {
  const result = new Map<number, JobCounts>();
  if (jobIds.length === 0) return result;
  const ids = [...jobIds];
  const [stages, funnel, asked, exports] = await Promise.all([
    db
      .selectFrom('job_person')
      .select(['job_id', 'pipeline_stage', sql<number>`count(*)::int`.as('people')])
      .where('job_id', 'in', ids)
      .groupBy(['job_id', 'pipeline_stage'])
      .execute(),
    db
      .selectFrom('job_person')
      .select([
        'job_id',
        sql<number>`count(*)::int`.as('sourced'),
        sql<number>`count(*) filter (where score is not null)::int`.as('matched'),
        sql<number>`count(*) filter (where greenhouse->>'status' = 'hired' and (greenhouse->>'onThisJob')::boolean)::int`.as(
          'hired',
        ),
      ])
      .where('job_id', 'in', ids)
      .groupBy('job_id')
      .execute(),
    db
      .selectFrom('approval_request')
      .select(['job_id', sql<number>`count(distinct person_id)::int`.as('people')])
      .where('job_id', 'in', ids)
      .groupBy('job_id')
      .execute(),
    // Advanced: exported, and now at a later Greenhouse stage than the one the export put them at (or hired).
    db
      .selectFrom('export_ledger as x')
      .leftJoin('job_person as jp', (join) =>
        join.onRef('jp.job_id', '=', 'x.job_id').onRef('jp.person_id', '=', 'x.person_id'),
      )
      .select([
        'x.job_id',
        sql<number>`count(*) filter (where x.status = 'exported')::int`.as('exported'),
        sql<number>`count(*) filter (where x.status = 'failed')::int`.as('failed'),
        sql<number>`count(*) filter (where x.status = 'exported' and (
          jp.greenhouse->>'status' = 'hired'
          or (jp.greenhouse->>'stageId' is not null
              and jp.greenhouse->>'stageId' is distinct from x.target->>'stageId')))::int`.as('advanced'),
      ])
      .where('x.job_id', 'in', ids)
      .groupBy('x.job_id')
      .execute(),
  ]);
  for (const jobId of ids) {
    const byTab = countsByTab(
      stages.filter((s) => s.job_id === jobId).map((s) => ({ stage: s.pipeline_stage, people: s.people })),
    );
    const reached = funnel.find((f) => f.job_id === jobId);
    const exported = exports.find((x) => x.job_id === jobId);
    result.set(jobId, {
      total: reached?.sourced ?? 0,
      byTab,
      funnel: reached
        ? {
            sourced: reached.sourced,
            matched: reached.matched,
            awaitingApproval: asked.find((a) => a.job_id === jobId)?.people ?? 0,
            exported: exported?.exported ?? 0,
            advanced: exported?.advanced ?? 0,
            hired: reached.hired,
          }
        : { ...EMPTY_FUNNEL },
      failedExports: exported?.failed ?? 0,
    });
  }
  return result;
}

/** One job's counts (see jobCounts). */
export async function countsForJob(db: Db, jobId: number): Promise<JobCounts> {
  return (await jobCounts(db, [jobId])).get(jobId)!;
}

/** The cycle summary the autopilot keeps in its status, from the same counts as the screens. */
export async function pipelineCounts(db: Db, jobId: number): Promise<PipelineCounts> {
  const counts = await countsForJob(db, jobId);
  return {
    sourced: counts.total,
    matched: counts.funnel.matched,
    pendingApproval: counts.byTab.pending_approval ?? 0,
    exported: counts.byTab.exported ?? 0,
    failedExports: counts.failedExports,
  };
}
