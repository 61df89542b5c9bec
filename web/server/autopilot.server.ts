import { WorkflowNotFoundError, type SignalDefinition } from '@temporalio/client';
import {
  autopilotWorkflowId,
  pauseSignal,
  resumeSignal,
  statusQuery,
  type AutopilotStatus,
} from '../../temporal/autopilot-api';
import { JOB_ID, WORKFLOW_KIND } from '../../temporal/search-attributes';
import type { PilothouseContext } from './load-context';

export type AutopilotView =
  | { state: 'running'; status: AutopilotStatus }
  | { state: 'not-running'; detail: string }
  | { state: 'unreachable'; detail: string };

const QUERY_TIMEOUT_MS = 3_000;

/**
 * The autopilot's own account of where its cycle is. A job whose workflow is not running (autopilot
 * off, or finished) or whose worker is down must not break the page: each comes back as a state.
 */
export async function autopilotStatus(context: PilothouseContext, jobId: number): Promise<AutopilotView> {
  const handle = context.temporal.workflow.getHandle(autopilotWorkflowId(jobId));
  try {
    const description = await handle.describe();
    if (description.status.name !== 'RUNNING') {
      return {
        state: 'not-running',
        detail: `The last autopilot run is ${description.status.name.toLowerCase()}.`,
      };
    }
    const status = await Promise.race([
      handle.query(statusQuery),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the worker did not answer within 3 s')), QUERY_TIMEOUT_MS).unref(),
      ),
    ]);
    return { state: 'running', status };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError)
      return { state: 'not-running', detail: 'No autopilot has run for this job yet.' };
    return { state: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Autopilot on: remember it and start the job's workflow, or wake it if it is already running (the id
 * is derived from the job, so this is safe to repeat). Off: remember it and pause the running workflow.
 */
export async function setAutopilot(context: PilothouseContext, jobId: number, enabled: boolean, by: string) {
  await context.db.updateTable('job').set({ autopilot_enabled: enabled }).where('id', '=', jobId).execute();
  const workflowId = autopilotWorkflowId(jobId);
  if (enabled) {
    await context.temporal.workflow.signalWithStart('jobAutopilot', {
      workflowId,
      taskQueue: context.env.TEMPORAL_TASK_QUEUE,
      args: [{ jobId }],
      signal: resumeSignal,
      signalArgs: [{ by }],
      typedSearchAttributes: [
        { key: WORKFLOW_KIND, value: 'autopilot' },
        { key: JOB_ID, value: String(jobId) },
      ],
    });
    return { workflowId };
  }
  try {
    await context.temporal.workflow.getHandle(workflowId).signal(pauseSignal, { by });
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
  return { workflowId };
}

/** Sends a signal to the job's autopilot; false when none is running (nothing to tell). */
export async function signalAutopilot<Args extends unknown[]>(
  context: PilothouseContext,
  jobId: number,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<boolean> {
  try {
    await context.temporal.workflow.getHandle(autopilotWorkflowId(jobId)).signal(signal, ...args);
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}
