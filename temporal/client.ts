// The one typed client: every workflow the web app, the job sync and webhook signalling start, signal,
// update or query goes through here, under the id built in workflow-ids.ts and with the options it
// always takes. Workflow type names are spelled here and in workflows/index.ts, nowhere else.
import {
  ScheduleNotFoundError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  type Client,
  type SignalDefinition,
} from '@temporalio/client';
import type { candidateErasure } from '../workflows/candidate-erasure';
import type { connectionCheck } from '../workflows/connection-check';
import type { exportCandidate } from '../workflows/export-candidate';
import type { jobAutopilot } from '../workflows/job-autopilot';
import type { JobAutopilotInput } from '../workflows/job-autopilot-state';
import type { jobBacktest } from '../workflows/job-backtest';
import type { retryRuleAction, RetryRuleActionInput } from '../workflows/retry-rule-action';
import type { syncJobs } from '../workflows/sync-jobs';
import {
  decideApprovalsUpdate,
  exportNowUpdate,
  pauseSignal,
  resumeSignal,
  statusQuery,
  type ApprovalDecision,
  type CandidateErasureInput,
  type ExportCandidateInput,
} from './autopilot-api';
import { JOB_ID, WORKFLOW_KIND } from './search-attributes';
import {
  autopilotWorkflowId,
  backtestWorkflowId,
  candidateErasureWorkflowId,
  connectionCheckWorkflowId,
  exportWorkflowId,
  jobCreatedSyncWorkflowId,
  ruleActionRetryWorkflowId,
  syncJobsScheduleId,
} from './workflow-ids';

/**
 * Pilothouse's workflows on `client`, started on `taskQueue` (TEMPORAL_TASK_QUEUE). Cheap to build:
 * it holds no connection of its own, so callers build it where they have the client.
 */
export function workflowClient(client: Client, taskQueue: string) {
  const workflow = client.workflow;

  /** Sends a signal to the job's autopilot; false when none is running (nobody to tell). */
  async function signalAutopilot<Args extends unknown[]>(
    jobId: number,
    signal: SignalDefinition<Args>,
    ...args: Args
  ): Promise<boolean> {
    try {
      await workflow.getHandle(autopilotWorkflowId(jobId)).signal(signal, ...args);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** The status name of the workflow's latest run (`RUNNING`, `COMPLETED`, …); null when there is none. */
  async function runStatus(workflowId: string): Promise<string | null> {
    try {
      return (await workflow.getHandle(workflowId).describe()).status.name;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  /** Starts the export workflow of (job, person). */
  async function startExport(input: ExportCandidateInput): Promise<string> {
    const workflowId = exportWorkflowId(input.jobId, input.personId);
    await workflow.start<typeof exportCandidate>('exportCandidate', { workflowId, taskQueue, args: [input] });
    return workflowId;
  }

  return {
    runStatus,
    signalAutopilot,

    /**
     * Starts the job's autopilot, or wakes it (resume signal) if it runs already: the id is derived from
     * the job, so this is safe to repeat.
     */
    async startOrWakeAutopilot(input: JobAutopilotInput, by: string): Promise<string> {
      const workflowId = autopilotWorkflowId(input.jobId);
      await workflow.signalWithStart<typeof jobAutopilot, [{ by: string }]>('jobAutopilot', {
        workflowId,
        taskQueue,
        args: [input],
        signal: resumeSignal,
        signalArgs: [{ by }],
        typedSearchAttributes: [
          { key: WORKFLOW_KIND, value: 'autopilot' },
          { key: JOB_ID, value: String(input.jobId) },
        ],
      });
      return workflowId;
    },

    /** Pauses the job's autopilot; one that is not running has nothing to pause. */
    async pauseAutopilot(jobId: number, by: string): Promise<void> {
      await signalAutopilot(jobId, pauseSignal, { by });
    },

    /** The running autopilot's own account of its cycle (the `status` query). */
    async autopilotStatus(jobId: number) {
      return workflow.getHandle(autopilotWorkflowId(jobId)).query(statusQuery);
    },

    /** Hands decisions to the autopilot waiting for them (`workflowId`: the one the approval recorded). */
    async decideApprovals(workflowId: string, decisions: ApprovalDecision[]) {
      return workflow.getHandle(workflowId).executeUpdate(decideApprovalsUpdate, { args: [{ decisions }] });
    },

    /**
     * "Export to Greenhouse" pressed: the running autopilot takes it (exportNow update, so its "Export
     * pressed" flows decide and the export is recorded with the cycle); with none running, the export
     * workflow is started with `input` directly.
     */
    async exportNow(
      input: ExportCandidateInput,
    ): Promise<{ exportWorkflowId: string; via: 'autopilot' | 'direct' }> {
      const handle = workflow.getHandle(autopilotWorkflowId(input.jobId));
      try {
        const description = await handle.describe();
        if (description.status.name === 'RUNNING') {
          const result = await handle.executeUpdate(exportNowUpdate, {
            args: [{ personId: input.personId, requestedBy: input.requestedBy }],
          });
          return { exportWorkflowId: result.exportWorkflowId, via: 'autopilot' };
        }
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
      }
      return { exportWorkflowId: await startExport(input), via: 'direct' };
    },

    startExport,

    /** Runs a failed export again under its own id: a failed run may be replaced, a running one never doubled. */
    async retryExport(input: ExportCandidateInput, by: string) {
      const workflowId = exportWorkflowId(input.jobId, input.personId);
      const handle = await workflow.start<typeof exportCandidate>('exportCandidate', {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        memo: { retriedBy: by },
      });
      return { workflowId, runId: handle.firstExecutionRunId };
    },

    /** Ops' Retry of one failed rule action: at most once per failure (its id), a failed retry may be retried. */
    async retryRuleAction(input: RetryRuleActionInput, by: string) {
      const workflowId = ruleActionRetryWorkflowId(input.jobId, input.failureId);
      const handle = await workflow.start<typeof retryRuleAction>('retryRuleAction', {
        workflowId,
        taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
        memo: { retriedBy: by },
      });
      return { workflowId, runId: handle.firstExecutionRunId };
    },

    /** Starts the job's backtest, or joins the one already running. */
    async startBacktest(jobId: number): Promise<void> {
      await workflow.start<typeof jobBacktest>('jobBacktest', {
        workflowId: backtestWorkflowId(jobId),
        taskQueue,
        args: [{ jobId }],
        workflowIdConflictPolicy: 'USE_EXISTING',
        typedSearchAttributes: [
          { key: WORKFLOW_KIND, value: 'backtest' },
          { key: JOB_ID, value: String(jobId) },
        ],
      });
    },

    /** Runs a connection check and waits for its row (web → Temporal → worker → PostgreSQL). */
    async runConnectionCheck(requestedBy: string) {
      const workflowId = connectionCheckWorkflowId(new Date());
      const handle = await workflow.start<typeof connectionCheck>('connectionCheck', {
        taskQueue,
        workflowId,
        args: [requestedBy],
        typedSearchAttributes: [{ key: WORKFLOW_KIND, value: 'connection-check' }],
        workflowExecutionTimeout: '2 minutes',
      });
      const result = await handle.result();
      return { workflowId, runId: handle.firstExecutionRunId, ...result };
    },

    /** The job sync a `job_created` webhook starts: once per new job, a redelivery joins it. */
    async startJobCreatedSync(jobId: number): Promise<void> {
      await workflow.start<typeof syncJobs>('syncJobs', {
        workflowId: jobCreatedSyncWorkflowId(jobId),
        taskQueue,
        args: [{ enableNewOpenJobs: false }],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    },

    /** Starts the candidate's erasure (or merge); one already running for the id takes this over. */
    async startErasure(input: CandidateErasureInput): Promise<void> {
      await workflow.start<typeof candidateErasure>('candidateErasure', {
        workflowId: candidateErasureWorkflowId(input.candidateId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    },

    /**
     * The job sync runs on a Temporal Schedule (visible and pausable in the Temporal UI). Created on first
     * start, its interval updated when the setting changes; triggered once so a fresh install syncs at once.
     */
    async ensureJobSyncSchedule(options: {
      intervalMinutes: number;
      enableNewOpenJobs: boolean;
      triggerNow: boolean;
    }): Promise<void> {
      const scheduleId = syncJobsScheduleId();
      const spec = { intervals: [{ every: `${options.intervalMinutes} minutes` as const }] };
      const action = {
        type: 'startWorkflow' as const,
        workflowType: 'syncJobs',
        taskQueue,
        args: [{ enableNewOpenJobs: options.enableNewOpenJobs }] satisfies Parameters<typeof syncJobs>,
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
    },
  };
}

export type WorkflowClient = ReturnType<typeof workflowClient>;
