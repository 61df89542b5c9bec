import { sql } from 'kysely';
import type { Db } from '../database';

export interface PipelineCounts {
  sourced: number;
  matched: number;
  pendingApproval: number;
  exported: number;
  failedExports: number;
}

/**
 * A job's pipeline as the database has it now. The autopilot reports these at the end of a cycle,
 * and the job screen reads them live: exports finish after the cycle that started them.
 */
export async function pipelineCounts(db: Db, jobId: number): Promise<PipelineCounts> {
  const [stages, failed] = await Promise.all([
    db
      .selectFrom('job_person')
      .select(['pipeline_stage', sql<number>`count(*)::int`.as('count')])
      .where('job_id', '=', jobId)
      .groupBy('pipeline_stage')
      .execute(),
    db
      .selectFrom('export_ledger')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('job_id', '=', jobId)
      .where('status', '=', 'failed')
      .executeTakeFirstOrThrow(),
  ]);
  const count = (stage: string) => stages.find((s) => s.pipeline_stage === stage)?.count ?? 0;
  return {
    sourced: stages.reduce((sum, s) => sum + s.count, 0),
    matched: stages
      .filter((s) => s.pipeline_stage !== 'sourced' && s.pipeline_stage !== 'unreadable')
      .reduce((sum, s) => sum + s.count, 0),
    pendingApproval: count('pending_approval'),
    exported: count('exported'),
    failedExports: failed.count,
  };
}
