// The executor: every rule decision, whatever evaluated it (a match, an outreach event, an approval, a
// Greenhouse change, a wait ending, the job opening or closing, a recruiter pressing "Export"), is carried
// out here, in one switch over the decision kinds. A kind without a case fails the type check.
//   export → child workflow · request approval → workflow state (+ the approver is told) · Greenhouse
//   writes (move, advance, reject, unreject, transfer, make candidate, note, tag) → Harvest activities on the rate-limited queue · notify → activity · wait → durable timer (the
//   autopilot's main loop sleeps until the earliest wait; `pendingWaits` is plain JSON, kept across
//   continue-as-new) · stop → end of the branch (the evaluation already ended it; nothing to do).
import { ActivityFailure, ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { HarvestActivities, NotifyActivities, StoreActivities } from '../activities';
import type { ExportCandidateInput } from '../temporal/autopilot-api';
import { databaseActivity, greenhouseActivity, notifyActivity } from '../temporal/activity-options';
import type { DecisionStep, PendingWait, TimedApproval } from './decision-steps';
import { harvestTaskQueue } from '../temporal/task-queues';

export interface ExecutorState {
  pendingApprovals: TimedApproval[];
  pendingWaits: PendingWait[];
}

export interface ExecutorContext {
  jobId: number;
  state: ExecutorState;
  /** Shrinks waits in tests (the same factor as approval timeouts); 1 in production. */
  timeScale: number;
  /** Starts (or finds running) the export child workflow; returns its id. */
  startExport: (request: ExportCandidateInput) => Promise<string>;
}

/** What a failed activity says, typed: the failure type Greenhouse's answer was mapped to, and its message. */
export function failureOf(error: unknown): { failureType: string; message: string } {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure)
    return { failureType: cause.type ?? 'Error', message: cause.message };
  return { failureType: 'RuleActionFailed', message: cause instanceof Error ? cause.message : String(cause) };
}

export function decisionExecutor(ctx: ExecutorContext) {
  const store = proxyActivities<StoreActivities>(databaseActivity);
  const notify = proxyActivities<NotifyActivities>(notifyActivity);
  // Greenhouse writes go through the rate-limited Harvest queue shared by every worker.
  const greenhouse = proxyActivities<HarvestActivities>({
    ...greenhouseActivity,
    taskQueue: harvestTaskQueue(workflowInfo().taskQueue),
  });

  /** Runs an action; when it fails after its retries, it becomes a row in Ops (with Retry) and the rest carries on. */
  async function guarded(step: DecisionStep, act: () => Promise<unknown>): Promise<void> {
    try {
      await act();
    } catch (error) {
      const { failureType, message } = failureOf(error);
      await store.recordRuleActionFailure({
        jobId: ctx.jobId,
        traceId: step.traceId,
        index: step.index,
        workflowId: workflowInfo().workflowId,
        failureType,
        message,
      });
    }
  }

  async function carryOutOne(step: DecisionStep, exports: string[]): Promise<void> {
    const ref = { jobId: ctx.jobId, traceId: step.traceId, index: step.index };
    switch (step.type) {
      case 'export':
        exports.push(await ctx.startExport(step.request));
        return;
      case 'requestApproval': {
        if (ctx.state.pendingApprovals.some((a) => a.personId === step.approval.personId)) return;
        ctx.state.pendingApprovals.push(step.approval);
        const approvalId = step.approval.approvalId;
        await guarded(step, () => notify.notifyApprover({ jobId: ctx.jobId, approvalId, kind: 'requested' }));
        return;
      }
      case 'move':
      case 'advance':
      case 'reject':
      case 'unreject':
      case 'transfer':
      case 'convert':
      case 'note':
      case 'tag':
        await guarded(step, () => greenhouse.carryOutDecision(ref));
        return;
      case 'notify':
        await guarded(step, () => notify.notifyDecision(ref));
        return;
      case 'wait':
        ctx.state.pendingWaits.push({
          traceId: step.traceId,
          index: step.index,
          personId: step.personId,
          dueAt: new Date(
            Date.now() + Math.max(1_000, Math.round(step.durationMs * ctx.timeScale)),
          ).toISOString(),
        });
        return;
      case 'stop':
        return;
      default: {
        const _never: never = step;
        throw new Error(`No runtime for the decision ${JSON.stringify(_never)}`);
      }
    }
  }

  return {
    /** Carries the steps out in the order the rules decided them; returns the export workflows started. */
    async carryOut(steps: readonly DecisionStep[]): Promise<{ exportWorkflowIds: string[] }> {
      const exportWorkflowIds: string[] = [];
      for (const step of steps) await carryOutOne(step, exportWorkflowIds);
      return { exportWorkflowIds };
    },

    /** Resumes every wait whose timer is up: the plan carries on after the wait step. */
    async resumeDueWaits(approvalTimeoutScale: number): Promise<void> {
      const now = Date.now();
      const due = ctx.state.pendingWaits.filter((w) => Date.parse(w.dueAt) <= now);
      if (due.length === 0) return;
      ctx.state.pendingWaits = ctx.state.pendingWaits.filter((w) => Date.parse(w.dueAt) > now);
      for (const wait of due) {
        const steps = await store.resumeWait({
          jobId: ctx.jobId,
          traceId: wait.traceId,
          index: wait.index,
          approvalTimeoutScale,
        });
        await this.carryOut(steps);
      }
    },

    /** The approver changed (escalation): tell the new one. */
    async approverChanged(approval: TimedApproval): Promise<void> {
      try {
        await notify.notifyApprover({ jobId: ctx.jobId, approvalId: approval.approvalId, kind: 'escalated' });
      } catch {
        // Telling is best effort here: the escalated request is in the approver's inbox either way.
      }
    },
  };
}
