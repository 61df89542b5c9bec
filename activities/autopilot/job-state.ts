import type { AutopilotStatus } from '../../temporal/autopilot-api';
import { recordAudit } from '../../db/queries/audit';
import { jobSettingsOf } from '../../db/queries/jobs';
import { pipelineCounts } from '../../db/queries/pipeline-counts';
import type { ActivityDeps } from '../deps';

export function jobStateActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    async loadJobSettings(input: { jobId: number }) {
      const job = await jobSettingsOf(db, input.jobId);
      if (!job || job.deleted_at)
        return { status: 'closed' as const, autopilotEnabled: false, cadenceMinutes: 60 };
      return {
        status: job.status,
        autopilotEnabled: job.autopilot_enabled,
        cadenceMinutes: job.cadence_minutes,
      };
    },

    async loadPipelineCounts(input: { jobId: number }): Promise<AutopilotStatus['counts']> {
      return pipelineCounts(db, input.jobId);
    },

    async recordAutopilotError(input: { jobId: number; message: string }) {
      await recordAudit(db, {
        actor: 'autopilot',
        action: 'autopilot.cycle_failed',
        jobId: input.jobId,
        details: { message: input.message },
      });
    },
  };
}
