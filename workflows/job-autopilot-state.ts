import type { CycleTiming } from './cycle-timings';
import type { PendingWait } from './decision-steps';
import type { AutopilotPhase, AutopilotStatus, PendingApproval, StageEvent } from '../temporal/autopilot-api';

/** What the job's autopilot remembers between cycles. Plain JSON: it is carried across continue-as-new. */
export interface AutopilotState {
  jobId: number;
  phase: AutopilotPhase;
  paused: boolean;
  stopped: boolean;
  cycle: number;
  cadenceMs: number;
  lastCycleStartedAt: string | null;
  lastCycleFinishedAt: string | null;
  nextCycleAt: string | null;
  /** A signal asked for a cycle before the cadence is up (new upload, outreach event, new rules). */
  cycleRequested: boolean;
  pendingApprovals: (PendingApproval & { onTimeout: 'approve' | 'reject' | 'escalate' | 'expire' })[];
  stageEvents: StageEvent[];
  /** Events whose application failed after its retries: tried again at the next cycle. */
  retryStageEvents?: StageEvent[];
  /** Event ids already applied (webhooks are delivered at least once). Bounded. */
  recentEventIds: string[];
  counts: AutopilotStatus['counts'];
  lastError: string | null;
  ruleVersions: { flowId: string; version: number }[];
  profileVersion: number | null;
  /** Waits a rule decided, each resumed when due (the executor's durable timers). Absent in older runs. */
  pendingWaits?: PendingWait[];
  /** Job-level events not evaluated yet (the job opened or closed). Absent in older runs. */
  jobEvents?: ('jobOpened' | 'jobClosed')[];
  /** Versions published with "also apply to people already handled", not yet applied. Absent in older runs. */
  retroactivePublishes?: { flowId: string; version: number }[];
  /** When each phase of the last few cycles began (see cycle-timings.ts). Absent in older runs. */
  cycleTimings?: CycleTiming[];
}

export interface JobAutopilotInput {
  jobId: number;
  /** Minutes between cycles; the job's own cadence from the database wins once read. */
  cadenceMinutes?: number;
  /** Shrinks approval timeouts and waits in tests (a factor applied to every rule's timeout and wait). */
  approvalTimeoutScale?: number;
  /**
   * Tests: the first run hands over to a new one (continue-as-new) after this many cycles, as a long
   * history makes Temporal suggest, so what a run carries over (waits, approvals) is tested end to end.
   */
  continueAsNewAfterCycles?: number;
  /** Carried over by continue-as-new. */
  state?: AutopilotState;
}

export function initialState(input: JobAutopilotInput): AutopilotState {
  return {
    jobId: input.jobId,
    phase: 'starting',
    paused: false,
    stopped: false,
    cycle: 0,
    cadenceMs: (input.cadenceMinutes ?? 60) * 60_000,
    lastCycleStartedAt: null,
    lastCycleFinishedAt: null,
    nextCycleAt: null,
    cycleRequested: true,
    pendingApprovals: [],
    stageEvents: [],
    retryStageEvents: [],
    recentEventIds: [],
    counts: { sourced: 0, matched: 0, pendingApproval: 0, exported: 0, failedExports: 0 },
    lastError: null,
    ruleVersions: [],
    profileVersion: null,
    pendingWaits: [],
    jobEvents: [],
    retroactivePublishes: [],
  };
}

export function statusOf(state: AutopilotState): AutopilotStatus {
  return {
    jobId: state.jobId,
    phase: state.paused && state.phase === 'sleeping' ? 'paused' : state.phase,
    paused: state.paused,
    cycle: state.cycle,
    lastCycleStartedAt: state.lastCycleStartedAt,
    lastCycleFinishedAt: state.lastCycleFinishedAt,
    nextCycleAt: state.nextCycleAt,
    counts: { ...state.counts, pendingApproval: state.pendingApprovals.length },
    pendingApprovals: state.pendingApprovals.map(({ onTimeout: _onTimeout, ...approval }) => approval),
    lastError: state.lastError,
    ruleVersions: state.ruleVersions,
    profileVersion: state.profileVersion,
    recentCycles: state.cycleTimings ?? [],
  };
}

const RECENT_EVENT_LIMIT = 500;

/** Whether an event id was applied already (a duplicate delivery). */
export function hasSeenEvent(state: AutopilotState, eventId: string): boolean {
  return state.recentEventIds.includes(eventId);
}

/** Remembers an event id; false when it was seen already (a duplicate delivery). */
export function rememberEvent(state: AutopilotState, eventId: string): boolean {
  if (state.recentEventIds.includes(eventId)) return false;
  state.recentEventIds.push(eventId);
  if (state.recentEventIds.length > RECENT_EVENT_LIMIT) state.recentEventIds.shift();
  return true;
}
