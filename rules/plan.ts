// The compiled form of a rule flow: a flat list of steps in reading order, every reference already resolved
// to Greenhouse ids and names, so evaluating it is one pass over an array. Plain JSON throughout: it is
// stored with each published version and passed into workflows.
import type {
  Branch,
  HiringTeamRole,
  NOTE_VISIBILITIES,
  OutreachEventKind,
  PresenceValue,
  RequirementLevel,
  ScoreDirection,
} from './node-types';

export const PLAN_FORMAT = 1;

export type ResolvedStage = { stageId: number; name: string };
export type NamedId = { id: number; name: string };
export type ResolvedApprover =
  { kind: 'user'; userId: number; name: string } | { kind: 'hiringTeam'; role: HiringTeamRole; name: string };

export type CompiledTrigger =
  | { kind: 'personMatched' }
  | { kind: 'scoreCrossed'; threshold: number; direction: ScoreDirection }
  | { kind: 'approvalDecided'; outcome: 'approved' | 'rejected' | 'either' }
  | { kind: 'outreachEvent'; events: OutreachEventKind[] }
  | { kind: 'stageChanged'; from: ResolvedStage | null; to: ResolvedStage | null }
  | { kind: 'applicationRejected' }
  | { kind: 'candidateHired' }
  | { kind: 'jobOpened' }
  | { kind: 'jobClosed' }
  | { kind: 'manualExportRequested' };

export type Comparison = 'gte' | 'gt' | 'lte' | 'lt';

export type CompiledCondition =
  | { test: 'score'; op: Comparison; threshold: number }
  | { test: 'requirement'; requirement: string; op: 'is' | 'isNot' | 'atLeast'; level: RequirementLevel }
  | { test: 'source'; negate: boolean; sources: string[] }
  | { test: 'greenhousePresence'; negate: boolean; presences: PresenceValue[] }
  | { test: 'hasEmail' | 'hasLinkedIn'; expected: boolean }
  | { test: 'location'; negate: boolean; places: string[] }
  | { test: 'stage'; negate: boolean; stages: ResolvedStage[] }
  | { test: 'timeSinceLastActivity'; op: Comparison; ms: number }
  | { test: 'all' | 'any'; conditions: CompiledCondition[] };

export type CompiledApprovalTimeout =
  { then: 'approve' } | { then: 'reject' } | { then: 'escalate'; to: ResolvedApprover };

export type NotifyTarget = { type: 'webhook'; url: string } | { type: 'inApp'; to: ResolvedApprover };

export type CompiledAction =
  | { type: 'export'; as: 'candidate'; stage: ResolvedStage }
  | { type: 'export'; as: 'prospect'; pool: NamedId | null; poolStage: NamedId | null }
  | {
      type: 'requestApproval';
      approver: ResolvedApprover;
      timeoutMs: number;
      onTimeout: CompiledApprovalTimeout;
    }
  | { type: 'move'; stage: ResolvedStage }
  | { type: 'advance' }
  | { type: 'reject'; reason: NamedId; sendEmail: boolean }
  | { type: 'unreject' }
  | { type: 'transfer'; job: NamedId; stage: ResolvedStage }
  | { type: 'convert'; stage: ResolvedStage | null }
  | { type: 'note'; template: string; visibility: (typeof NOTE_VISIBILITIES)[number] }
  | { type: 'tag'; tag: string; where: 'greenhouse' | 'pilothouse' }
  | { type: 'notify'; target: NotifyTarget; template: string }
  | { type: 'wait'; ms: number }
  | { type: 'stop'; reason: string | null };

/** A step runs when any one of these earlier steps left by the given branch. */
export type Activation = { step: number; branch: Branch };

type StepBase = {
  index: number;
  nodeId: string;
  /** What the step says, in a recruiter's words, with names resolved at compile time. */
  text: string;
};

export type TriggerStep = StepBase & { kind: 'trigger'; trigger: CompiledTrigger };
export type ConditionStep = StepBase & {
  kind: 'condition';
  condition: CompiledCondition;
  activatedBy: Activation[];
};
export type ActionStep = StepBase & { kind: 'action'; action: CompiledAction; activatedBy: Activation[] };
export type PlanStep = TriggerStep | ConditionStep | ActionStep;

export type RulePlan = {
  format: typeof PLAN_FORMAT;
  flowId: string;
  flowName: string;
  jobId: number;
  subject: 'person' | 'job';
  /** `steps[0]` is the trigger; every step comes after all the steps that can lead to it. */
  steps: [TriggerStep, ...(ConditionStep | ActionStep)[]];
  /** The job's Greenhouse stages at compile time, so a trace can say "Phone Screen" rather than 4512. */
  stageNames: NamedId[];
  /** SHA-256 of the canonical JSON of everything above. */
  hash: string;
};
