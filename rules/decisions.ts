// What evaluating a plan produces: the decisions a workflow carries out, and the trace that says why.
import type { ResumePoint } from './facts';
import type { Branch } from './node-types';
import type { CompiledApprovalTimeout, NotifyTarget, ResolvedApprover } from './plan';

type DecisionBase = {
  /** The canvas node that made the decision. */
  nodeId: string;
  /** Why, in a recruiter's words: "Score 82 ≥ 70 → request approval from Riley". */
  because: string;
};

/** Where the person stood in Greenhouse when the decision was made; `unknown` when no lookup was done. */
export type KnownPresence = 'none' | 'prospect' | 'applicant' | 'unknown';

export type ExportDecision = DecisionBase & { type: 'export'; alreadyInGreenhouse: KnownPresence } & (
    | { as: 'candidate'; stageId: number; stageName: string }
    | {
        as: 'prospect';
        poolId: number | null;
        poolName: string | null;
        poolStageId: number | null;
        poolStageName: string | null;
      }
  );

export type RequestApprovalDecision = DecisionBase & {
  type: 'requestApproval';
  approver: ResolvedApprover;
  timeoutMs: number;
  onTimeout: CompiledApprovalTimeout;
  /** Hand this back in the `approvalDecided` event to carry on from the decision. */
  resume: ResumePoint;
};

/** Moves guard on the stage the application was in when the rule decided (Greenhouse's `from_stage_id`). */
export type MoveDecision = DecisionBase & {
  type: 'move';
  /** `null` when the application is the one the export decided just before creates. */
  applicationId: number | null;
  fromStageId: number | null;
  toStageId: number;
  toStageName: string;
};

export type AdvanceDecision = DecisionBase & {
  type: 'advance';
  applicationId: number | null;
  fromStageId: number | null;
};

export type RejectDecision = DecisionBase & {
  type: 'reject';
  applicationId: number | null;
  rejectionReasonId: number;
  rejectionReasonName: string;
  sendEmail: boolean;
};

/** Back into the process on the stage it was rejected from (Greenhouse clears the reason). */
export type UnrejectDecision = DecisionBase & { type: 'unreject'; applicationId: number | null };

/**
 * The application moves to another job, into a stage of that job; guarded like a move by the stage it
 * was in when the rule decided.
 */
export type TransferDecision = DecisionBase & {
  type: 'transfer';
  applicationId: number | null;
  fromStageId: number | null;
  toJobId: number;
  toJobName: string;
  toStageId: number;
  toStageName: string;
};

/** The prospect on this job becomes a candidate with an application for it. */
export type ConvertDecision = DecisionBase & {
  type: 'convert';
  /** The prospect application; `null` when the export decided just before creates it. */
  applicationId: number | null;
  /** `null`: the job's first stage (Greenhouse's default). */
  toStageId: number | null;
  toStageName: string | null;
};

export type NoteDecision = DecisionBase & {
  type: 'note';
  /**
   * The note as decided: what the rules knew filled in, the person's name and location still as
   * `{{name}}` / `{{location}}` — filled by the activity that writes it (`fillPersonalDetails`), so no
   * decision row or workflow history holds them.
   */
  body: string;
  visibility: 'admin_only' | 'private' | 'public';
};

export type TagDecision = DecisionBase & { type: 'tag'; tag: string; where: 'greenhouse' | 'pilothouse' };

export type NotifyDecision = DecisionBase & {
  type: 'notify';
  target: NotifyTarget;
  /** As a note's body: the person's own details still placeholders until the message is sent. */
  message: string;
};

export type WaitDecision = DecisionBase & {
  type: 'wait';
  durationMs: number;
  /** `now` plus the wait, ISO 8601; null when `now` could not be read. */
  resumeAt: string | null;
  /** Hand this back in a `waitElapsed` event when the timer fires. */
  resume: ResumePoint;
};

export type StopDecision = DecisionBase & { type: 'stop'; reason: string | null };

export type Decision =
  | ExportDecision
  | RequestApprovalDecision
  | MoveDecision
  | AdvanceDecision
  | RejectDecision
  | UnrejectDecision
  | TransferDecision
  | ConvertDecision
  | NoteDecision
  | TagDecision
  | NotifyDecision
  | WaitDecision
  | StopDecision;
export type DecisionType = Decision['type'];

/** One compared value inside a condition: what was known, what the rule asked for, and whether it held. */
export type ConditionCheck = {
  field: string;
  actual: string | number | boolean | null;
  expected: string;
  held: boolean;
  text: string;
};

export type TraceEntry = {
  step: number;
  nodeId: string;
  kind: 'trigger' | 'condition' | 'action';
  /**
   * started/resumed: where the evaluation began; held/notHeld: a condition's result; decided: an action
   * produced a decision; waiting: it did, and the plan pauses there; skipped: nothing to do (e.g. no
   * application to move), the flow carries on.
   */
  outcome: 'started' | 'resumed' | 'held' | 'notHeld' | 'decided' | 'waiting' | 'skipped';
  /** The exit the flow left by; `null` where it pauses or ends. */
  branch: Branch | null;
  checks: ConditionCheck[];
  text: string;
};

export type EvaluationTrace = {
  planHash: string;
  flowId: string;
  eventType: string;
  start: 'trigger' | 'resume' | 'none';
  entries: TraceEntry[];
  /** One line for the activity log: what happened and, when nothing did, why not. */
  summary: string;
};

export type Evaluation = { decisions: Decision[]; trace: EvaluationTrace };
