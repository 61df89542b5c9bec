import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { HarvestActivities, MatchingActivities, StoreActivities } from '../activities';
import {
  decideApprovalsUpdate,
  exportNowUpdate,
  exportWorkflowId,
  jobChangedSignal,
  newSourceDataSignal,
  pauseSignal,
  resumeSignal,
  rulesPublishedSignal,
  stageEventSignal,
  statusQuery,
  type ApprovalDecisionResult,
  type ExportCandidateInput,
} from '../temporal/autopilot-api';
import { databaseActivity, greenhouseActivity, matchingActivity } from '../temporal/activity-options';
import { decisionExecutor, type ExecutorState } from './carry-out-decisions';
import { enterPhase, finishCycleTiming, startCycleTiming } from './cycle-timings';
import type { TimedApproval } from './decision-steps';
import { exportCandidate } from './export-candidate';
import {
  hasSeenEvent,
  initialState,
  rememberEvent,
  statusOf,
  type AutopilotState,
  type JobAutopilotInput,
} from './job-autopilot-state';
import { JOB_ID, WORKFLOW_KIND } from '../temporal/search-attributes';
import { harvestTaskQueue } from '../temporal/task-queues';

const store = proxyActivities<StoreActivities>(databaseActivity);
const matching = proxyActivities<MatchingActivities>(matchingActivity);

const SCORE_BATCH = 100;

/**
 * Every rule decision is carried out by the executor (workflows/carry-out-decisions.ts). Runs that began
 * before it replay their recorded path (exports and approvals only) up to this marker.
 */
const ONE_DECISION_EXECUTOR = 'one-decision-executor';

/**
 * A request decided (or timed out) while a cycle was under way is not tracked again by that cycle's
 * selection, which was read before the decision. Runs that re-added one replay doing so.
 */
const SETTLED_APPROVALS_STAY_SETTLED = 'settled-approvals-stay-settled';

/**
 * One long-running autopilot per Greenhouse job: train → source → match → select → export → track,
 * then sleep until the next cycle or a signal. State is plain JSON and survives continue-as-new.
 */
export async function jobAutopilot(input: JobAutopilotInput): Promise<void> {
  const state: AutopilotState = input.state ?? initialState(input);
  // Greenhouse calls go through the rate-limited Harvest queue shared by every worker.
  const greenhouse = proxyActivities<HarvestActivities>({
    ...greenhouseActivity,
    taskQueue: harvestTaskQueue(workflowInfo().taskQueue),
  });
  const timeoutScale = input.approvalTimeoutScale ?? 1;
  // Requests decided or timed out since the current cycle began (see SETTLED_APPROVALS_STAY_SETTLED).
  const settledThisCycle = new Set<string>();
  /** A request the cycle's selection lists as waiting, unless it is tracked already or was settled since. */
  const trackAgain = (approval: TimedApproval) =>
    !state.pendingApprovals.some((a) => a.personId === approval.personId) &&
    !(settledThisCycle.has(approval.approvalId) && patched(SETTLED_APPROVALS_STAY_SETTLED));
  // Runs carried over from before the executor have none of these yet.
  state.pendingWaits ??= [];
  state.jobEvents ??= [];
  state.retroactivePublishes ??= [];
  const executor = decisionExecutor({
    jobId: state.jobId,
    state: state as AutopilotState & ExecutorState,
    timeScale: timeoutScale,
    startExport: (request) => startExport(request),
  });
  upsertSearchAttributes([
    { key: WORKFLOW_KIND, value: 'autopilot' },
    { key: JOB_ID, value: String(state.jobId) },
  ]);

  setHandler(statusQuery, () => statusOf(state));
  setHandler(pauseSignal, () => {
    state.paused = true;
  });
  setHandler(resumeSignal, () => {
    state.paused = false;
    state.cycleRequested = true;
  });
  setHandler(rulesPublishedSignal, ({ flowId, version, retroactive }) => {
    state.ruleVersions = [...state.ruleVersions.filter((v) => v.flowId !== flowId), { flowId, version }];
    // Only an explicit "also apply to people already handled" reaches people the rules already handled.
    if (retroactive) state.retroactivePublishes!.push({ flowId, version });
    state.cycleRequested = true;
  });
  setHandler(newSourceDataSignal, () => {
    state.cycleRequested = true;
  });
  setHandler(stageEventSignal, (event) => {
    if (event.jobId === state.jobId) state.stageEvents.push(event);
  });
  setHandler(jobChangedSignal, ({ status }) => {
    // A closed or deleted job ends its autopilot (after its "Job closed" flows); a reopened job is
    // started again by the job sync, which also says it opened.
    if (status === 'closed' || status === 'deleted') {
      if (status === 'closed' && !state.stopped) state.jobEvents!.push('jobClosed');
      state.stopped = true;
    }
    if (status === 'open') {
      state.jobEvents!.push('jobOpened');
      state.cycleRequested = true;
    }
  });

  setHandler(
    decideApprovalsUpdate,
    async ({ decisions }) => {
      const results: ApprovalDecisionResult[] = [];
      for (const decision of decisions) {
        const index = state.pendingApprovals.findIndex((a) => a.personId === decision.personId);
        if (index < 0) {
          results.push({ personId: decision.personId, outcome: 'not_pending' });
          continue;
        }
        // Taken out before the first await, so the timeout path cannot decide the same request twice.
        const [approval] = state.pendingApprovals.splice(index, 1);
        settledThisCycle.add(approval!.approvalId);
        const resolved = await store.resolveApproval({
          jobId: state.jobId,
          approvalId: approval!.approvalId,
          personId: decision.personId,
          outcome: decision.decision,
          decidedBy: decision.decidedBy,
          reason: decision.reason ?? null,
        });
        let exportId: string | undefined;
        if (patched(ONE_DECISION_EXECUTOR)) {
          const done = await executor.carryOut(resolved.steps ?? []);
          exportId = done.exportWorkflowIds.at(-1);
        } else {
          for (const request of resolved.exports) exportId = await startExport(request);
        }
        results.push({ personId: decision.personId, outcome: decision.decision, exportWorkflowId: exportId });
      }
      return results;
    },
    {
      validator: ({ decisions }) => {
        if (!Array.isArray(decisions) || decisions.length === 0)
          throw new Error('decisions: at least one is required');
        for (const [i, d] of decisions.entries()) {
          if (!d.personId) throw new Error(`decisions[${i}].personId is required`);
          if (d.decision !== 'approved' && d.decision !== 'rejected')
            throw new Error(`decisions[${i}].decision must be "approved" or "rejected"`);
          if (!d.decidedBy) throw new Error(`decisions[${i}].decidedBy is required`);
        }
      },
    },
  );

  setHandler(
    exportNowUpdate,
    async (request) => {
      if (patched(ONE_DECISION_EXECUTOR)) {
        // The "Export pressed" trigger: its flows decide; the button's own export when none exports.
        const pressed = await store.manualExportRequested({
          jobId: state.jobId,
          ...request,
          approvalTimeoutScale: timeoutScale,
        });
        const done = await executor.carryOut(pressed.steps);
        if (pressed.fallback) return { exportWorkflowId: await startExport(pressed.fallback) };
        return {
          exportWorkflowId: done.exportWorkflowIds.at(-1) ?? exportWorkflowId(state.jobId, request.personId),
        };
      }
      const prepared = await store.prepareManualExport({ jobId: state.jobId, ...request });
      return { exportWorkflowId: await startExport(prepared) };
    },
    {
      validator: (request) => {
        if (!request.personId) throw new Error('personId is required');
        if (!request.requestedBy) throw new Error('requestedBy is required');
      },
    },
  );

  async function startExport(request: ExportCandidateInput): Promise<string> {
    const workflowId = exportWorkflowId(request.jobId, request.personId);
    try {
      // Abandoned, not awaited: an export outlives the cycle that decided it, and its ledger row says how it went.
      await startChild(exportCandidate, {
        workflowId,
        args: [request],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      // Already running or done under the same id: the export is idempotent, nothing to add.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return workflowId;
  }

  async function runCycle() {
    state.cycle += 1;
    state.cycleRequested = false;
    settledThisCycle.clear();
    state.lastCycleStartedAt = new Date().toISOString();
    startCycleTiming(state, state.lastCycleStartedAt);
    try {
      const settings = await store.loadJobSettings({ jobId: state.jobId });
      state.cadenceMs = settings.cadenceMinutes * 60_000;
      if (settings.status !== 'open' || !settings.autopilotEnabled) {
        state.stopped = settings.status !== 'open';
        state.paused = !settings.autopilotEnabled;
        return;
      }

      enterPhase(state, 'training', new Date().toISOString());
      const profile = await matching.trainJobProfile({ jobId: state.jobId });
      state.profileVersion = profile.profileVersion;

      enterPhase(state, 'sourcing', new Date().toISOString());
      await greenhouse.sourceCandidates({ jobId: state.jobId });

      enterPhase(state, 'matching', new Date().toISOString());
      // Bounded: a cycle scores at most 50 batches; the rest waits for the next cycle.
      for (let batch = 0; batch < 50; batch += 1) {
        const { scored } = await matching.scoreBatch({
          jobId: state.jobId,
          profileVersion: profile.profileVersion,
          limit: SCORE_BATCH,
        });
        if (scored < SCORE_BATCH) break;
      }

      enterPhase(state, 'selecting', new Date().toISOString());
      const selection = await store.selectPeople({ jobId: state.jobId, approvalTimeoutScale: timeoutScale });
      state.ruleVersions = selection.ruleVersions;
      if (patched(ONE_DECISION_EXECUTOR)) {
        await applyJobEvents();
        await applyRetroactivePublishes();
        enterPhase(state, 'exporting', new Date().toISOString());
        await executor.carryOut(selection.steps);
        // Requests still pending from earlier cycles (e.g. after a restart) are tracked again, silently.
        for (const approval of selection.approvals) {
          if (trackAgain(approval)) state.pendingApprovals.push(approval);
        }
      } else {
        for (const approval of selection.approvals) {
          if (trackAgain(approval)) state.pendingApprovals.push(approval);
        }

        enterPhase(state, 'exporting', new Date().toISOString());
        for (const request of selection.exports) await startExport(request);
      }

      enterPhase(state, 'tracking', new Date().toISOString());
      const changes = await greenhouse.reconcileJob({ jobId: state.jobId });
      // Events that could not be applied last time go first, in the order they came.
      state.stageEvents.unshift(...(state.retryStageEvents ?? []));
      state.retryStageEvents = [];
      state.stageEvents.push(...changes);
      await applyStageEvents();

      state.counts = await store.loadPipelineCounts({ jobId: state.jobId });
      state.lastError = null;
    } catch (error) {
      // A failed cycle is reported and retried next time; the autopilot itself keeps running.
      state.lastError = describe(error);
      await store.recordAutopilotError({ jobId: state.jobId, message: state.lastError });
    } finally {
      state.lastCycleFinishedAt = new Date().toISOString();
      finishCycleTiming(state, state.lastCycleFinishedAt, state.lastError !== null);
      state.nextCycleAt = new Date(Date.now() + state.cadenceMs).toISOString();
      state.phase = state.stopped ? 'stopped' : 'sleeping';
    }
  }

  async function applyStageEvents() {
    while (state.stageEvents.length > 0) {
      if (!patched('stage-events-at-least-once')) {
        // Runs started before the patch marked an event seen before applying it.
        const event = state.stageEvents.shift()!;
        if (!rememberEvent(state, event.eventId)) continue;
        const outcome = await greenhouse.applyStageEvent({ jobId: state.jobId, event });
        for (const action of outcome.actions)
          await greenhouse.performRuleAction({ jobId: state.jobId, ...action });
        continue;
      }
      const event = state.stageEvents[0]!;
      if (hasSeenEvent(state, event.eventId)) {
        state.stageEvents.shift();
        continue;
      }
      try {
        const outcome = await greenhouse.applyStageEvent({
          jobId: state.jobId,
          event,
          approvalTimeoutScale: timeoutScale,
        });
        if (patched(ONE_DECISION_EXECUTOR)) {
          await executor.carryOut(outcome.steps ?? []);
        } else {
          for (const action of outcome.actions)
            await greenhouse.performRuleAction({ jobId: state.jobId, ...action });
        }
      } catch (error) {
        // Greenhouse (or the database) was out for longer than the retries: the event and those behind
        // it wait for the next cycle instead of being dropped. Seen only once applied: at least once.
        state.retryStageEvents = [...(state.retryStageEvents ?? []), ...state.stageEvents.splice(0)];
        throw error;
      }
      state.stageEvents.shift();
      rememberEvent(state, event.eventId);
    }
  }

  /** "Job opened" / "Job closed" flows, once per event. */
  async function applyJobEvents() {
    while (state.jobEvents!.length > 0) {
      const event = state.jobEvents!.shift()!;
      await executor.carryOut(
        await store.evaluateJobEvent({ jobId: state.jobId, event, approvalTimeoutScale: timeoutScale }),
      );
    }
  }

  async function applyRetroactivePublishes() {
    while (state.retroactivePublishes!.length > 0) {
      const published = state.retroactivePublishes!.shift()!;
      await executor.carryOut(
        await store.applyRetroactively({
          jobId: state.jobId,
          ...published,
          approvalTimeoutScale: timeoutScale,
        }),
      );
    }
  }

  async function expireDueApprovals() {
    const now = Date.now();
    const due = state.pendingApprovals.filter((a) => a.dueAt !== null && Date.parse(a.dueAt) <= now);
    for (const approval of due) {
      state.pendingApprovals = state.pendingApprovals.filter((a) => a.approvalId !== approval.approvalId);
      settledThisCycle.add(approval.approvalId);
      const resolved = await store.expireApproval({
        jobId: state.jobId,
        approvalId: approval.approvalId,
        personId: approval.personId,
        onTimeout: approval.onTimeout,
      });
      if (patched(ONE_DECISION_EXECUTOR)) {
        await executor.carryOut(resolved.steps ?? []);
      } else {
        for (const request of resolved.exports) await startExport(request);
      }
      // Escalation hands the request to someone else with a fresh deadline.
      if (resolved.escalated) {
        state.pendingApprovals.push(resolved.escalated);
        if (patched(ONE_DECISION_EXECUTOR)) await executor.approverChanged(resolved.escalated);
      }
    }
  }

  /** Continues as a new run carrying the state (a long history makes Temporal suggest it). */
  async function handOver(): Promise<never> {
    // Handlers may be mid-activity (an approval being resolved): let them finish before handing over.
    await condition(allHandlersFinished);
    return continueAsNew<typeof jobAutopilot>({ ...input, state });
  }

  /** Until the next cycle or approval deadline; undefined: nothing is due, sleep until a signal. */
  function nextWakeMs(): number | undefined {
    const deadlines = [
      ...state.pendingApprovals.filter((a) => a.dueAt).map((a) => Date.parse(a.dueAt!)),
      ...state.pendingWaits!.map((w) => Date.parse(w.dueAt)),
    ];
    // A paused autopilot runs no cycle, so its (long past) cycle time is no reason to wake: before
    // this patch it woke every millisecond once paused past its cadence.
    if (!state.paused || !patched('paused-autopilot-sleeps'))
      deadlines.push(state.nextCycleAt ? Date.parse(state.nextCycleAt) : Date.now());
    if (deadlines.length === 0) return undefined;
    return Math.max(0, Math.min(...deadlines) - Date.now());
  }

  while (!state.stopped) {
    const cycleDue = state.nextCycleAt === null || Date.parse(state.nextCycleAt) <= Date.now();
    if (!state.paused && (state.cycleRequested || cycleDue)) await runCycle();
    if (state.stopped) break;
    // Tests: the first run hands over straight after the cycle, with what it decided still to carry out.
    if (
      input.continueAsNewAfterCycles !== undefined &&
      input.state === undefined &&
      state.cycle >= input.continueAsNewAfterCycles
    )
      await handOver();

    const wakeMs = nextWakeMs();
    const wake = () =>
      state.stopped || state.stageEvents.length > 0 || (!state.paused && state.cycleRequested);
    await (wakeMs === undefined ? condition(wake) : condition(wake, wakeMs));
    try {
      await expireDueApprovals();
      await applyStageEvents();
      // Only runs that decided a wait (under the executor) have any: older histories issue no new commands here.
      if (state.pendingWaits!.length > 0) await executor.resumeDueWaits(timeoutScale);
    } catch (error) {
      state.lastError = describe(error);
    }

    if (workflowInfo().continueAsNewSuggested) await handOver();
  }
  // "Job closed" flows run before the autopilot ends (only runs that heard the job close have any).
  if (state.jobEvents!.length > 0 && patched(ONE_DECISION_EXECUTOR)) {
    try {
      await applyJobEvents();
    } catch (error) {
      state.lastError = describe(error);
    }
  }
  await condition(allHandlersFinished);
  state.phase = 'stopped';
}

function describe(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof ApplicationFailure) return `${cause.type ?? 'Error'}: ${cause.message}`;
  return error instanceof Error ? error.message : String(error);
}
