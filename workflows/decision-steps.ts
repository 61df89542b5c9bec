// What the autopilot carries out: one step per rule decision, in the order the rules decided them. A step
// names its decision by reference (the decision trace row and the decision's index in it): the decision
// itself, with its note text or notification message, stays in the database, never in workflow history.
import type { DecisionType } from '../rules/decisions';
import type { ExportCandidateInput, PendingApproval } from '../temporal/autopilot-api';

export interface DecisionRef {
  /** `decision_trace.id` of the evaluation that decided. */
  traceId: number;
  /** The decision's index in that evaluation's `decisions`. */
  index: number;
  /** The person the decision is about; null for job-level flows (job opened/closed). */
  personId: string | null;
}

export type TimedApproval = PendingApproval & { onTimeout: 'approve' | 'reject' | 'escalate' | 'expire' };

/** What the workflow needs beyond the reference to carry each kind out. */
interface StepExtras {
  /** Started as a child workflow under its own id. */
  export: { request: ExportCandidateInput };
  /** Already recorded as a pending request; the autopilot tracks its deadline and tells the approver. */
  requestApproval: { approval: TimedApproval };
  /** A durable timer; the plan carries on after it from `waitElapsed`. */
  wait: { durationMs: number };
}

type StepOf<K extends DecisionType> = DecisionRef & { type: K } & (K extends keyof StepExtras
    ? StepExtras[K]
    : unknown);

/** One per decision kind: a new kind in `rules/decisions.ts` is a new step kind the executor must handle. */
export type DecisionStep = { [K in DecisionType]: StepOf<K> }[DecisionType];

/** A wait the autopilot is sleeping through; plain JSON, carried across continue-as-new. */
export interface PendingWait {
  traceId: number;
  index: number;
  personId: string | null;
  dueAt: string;
}
