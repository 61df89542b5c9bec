import { WorkflowNotFoundError, type SignalDefinition } from '@temporalio/client';
import { setAutopilotEnabled } from '../../db/queries/jobs';
import type { AutopilotStatus } from '../../temporal/autopilot-api';
import { autopilotWorkflowId } from '../../temporal/workflow-ids';
import { workflowsOf, type PilothouseContext } from './load-context';

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
  const workflows = workflowsOf(context);
  try {
    const run = await workflows.runStatus(autopilotWorkflowId(jobId));
    if (run === null) return { state: 'not-running', detail: 'No autopilot has run for this job yet.' };
    if (run !== 'RUNNING') {
      return {
        state: 'not-running',
        detail: `The last autopilot run is ${run.toLowerCase()}.`,
      };
    }
    const status = await Promise.race([
      workflows.autopilotStatus(jobId),
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
  await setAutopilotEnabled(context.db, jobId, enabled);
  const workflows = workflowsOf(context);
  if (enabled) return { workflowId: await workflows.startOrWakeAutopilot({ jobId }, by) };
  await workflows.pauseAutopilot(jobId, by);
  return { workflowId: autopilotWorkflowId(jobId) };
}

/** Sends a signal to the job's autopilot; false when none is running (nothing to tell). */
export async function signalAutopilot<Args extends unknown[]>(
  context: PilothouseContext,
  jobId: number,
  signal: SignalDefinition<Args>,
  ...args: Args
): Promise<boolean> {
  return workflowsOf(context).signalAutopilot(jobId, signal, ...args);
}
