import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import { syncJobsScheduleId } from '../temporal/autopilot-api';

/**
 * The job sync runs on a Temporal Schedule (visible and pausable in the Temporal UI). Created on first
 * start, its interval updated when the setting changes; triggered once so a fresh install syncs at once.
 */
export async function ensureJobSyncSchedule(
  client: Client,
  options: { taskQueue: string; intervalMinutes: number; enableNewOpenJobs: boolean; triggerNow: boolean },
): Promise<void> {
  const scheduleId = syncJobsScheduleId();
  const spec = { intervals: [{ every: `${options.intervalMinutes} minutes` as const }] };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: 'syncJobs',
    taskQueue: options.taskQueue,
    args: [{ enableNewOpenJobs: options.enableNewOpenJobs }],
  };
  const handle = client.schedule.getHandle(scheduleId);
  try {
    await handle.update((previous) => ({ ...previous, spec, action }));
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
    try {
      await client.schedule.create({ scheduleId, spec, action, policies: { overlap: 'SKIP' } });
    } catch (createError) {
      // Another worker created it a moment ago: that one will do.
      if (!String(createError).includes('already')) throw createError;
    }
  }
  if (options.triggerNow) await handle.trigger();
}
