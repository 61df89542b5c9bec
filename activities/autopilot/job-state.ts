import { sql } from 'kysely';
import type { AutopilotStatus } from '../../workflows/autopilot-api';
import type { ActivityDeps } from '../deps';

export function jobStateActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    async loadJobSettings(input: { jobId: number }) {
      const job = await db
        .selectFrom('job')
        .select(['status', 'autopilot_enabled', 'cadence_minutes', 'deleted_at'])
        .where('id', '=', input.jobId)
        .executeTakeFirst();
      if (!job || job.deleted_at)
        return { status: 'closed' as const, autopilotEnabled: false, cadenceMinutes: 60 };
      return {
        status: job.status,
        autopilotEnabled: job.autopilot_enabled,
        cadenceMinutes: job.cadence_minutes,
      };
    },

    async loadPipelineCounts(input: { jobId: number }): Promise<AutopilotStatus['counts']> {
      const stages = await db
        .selectFrom('job_person')
        .select(['pipeline_stage', sql<number>`count(*)::int`.as('count')])
        .where('job_id', '=', input.jobId)
        .groupBy('pipeline_stage')
        .execute();
      const failed = await db
        .selectFrom('export_ledger')
        .select(sql<number>`count(*)::int`.as('count'))
        .where('job_id', '=', input.jobId)
        .where('status', '=', 'failed')
        .executeTakeFirstOrThrow();
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
    },

    async recordAutopilotError(input: { jobId: number; message: string }) {
      await db
        .insertInto('audit_event')
        .values({
          actor: 'autopilot',
          action: 'autopilot.cycle_failed',
          job_id: input.jobId,
          details: { message: input.message },
        })
        .execute();
    },
  };
}
