// The vocabulary of a rule: every trigger, condition and action an admin can draw on the canvas.
// Schemas describe the shape only and accept half-finished nodes (a reference left `null` while the admin
// is still choosing); whether a node makes sense is `validateFlow`'s job, so the canvas can save a draft
// and show the admin every problem at once, next to the node it belongs to.
import { z } from 'zod';

/** Greenhouse ids (jobs, stages, users, pools, rejection reasons) are positive integers. */
export const GreenhouseIdSchema = z.number().int().positive();

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;
export const DurationSchema = z.object({ amount: z.number(), unit: z.enum(DURATION_UNITS) });
export type Duration = z.infer<typeof DurationSchema>;

/**
 * A stage named either through the job's stage mapping ("the stage we call exported") or directly by its
 * Greenhouse id. Mapped references survive the admin re-pointing the mapping; direct ones do not.
 */
export const StageRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mapped'), pipelineStage: z.string() }),
  z.object({ kind: z.literal('greenhouse'), stageId: GreenhouseIdSchema }),
]);
export type StageRef = z.infer<typeof StageRefSchema>;

export const HIRING_TEAM_ROLES = ['recruiter', 'coordinator', 'hiringManager', 'sourcer'] as const;
export type HiringTeamRole = (typeof HIRING_TEAM_ROLES)[number];

/** Who must decide: a named Greenhouse user, or whoever holds a role on the job's hiring team. */
export const ApproverSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: GreenhouseIdSchema }),
  z.object({ kind: z.literal('hiringTeam'), role: z.enum(HIRING_TEAM_ROLES) }),
]);
export type Approver = z.infer<typeof ApproverSchema>;

const presentation = { label: z.string().optional() };

// ---------------------------------------------------------------------------------------------- triggers

export const OUTREACH_EVENTS = ['addedToSequence', 'replied', 'repliedInterested'] as const;
export type OutreachEventKind = (typeof OUTREACH_EVENTS)[number];

/** Which way a match score must cross the threshold: up to it or above, below it, or either. */
export const SCORE_DIRECTIONS = ['rises', 'falls', 'either'] as const;
export type ScoreDirection = (typeof SCORE_DIRECTIONS)[number];

export const TriggerDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('personMatched'), ...presentation }),
  z.object({
    kind: z.literal('scoreCrossed'),
    /** 0–100, as the match score; validation says when it is out of range. */
    threshold: z.number(),
    direction: z.enum(SCORE_DIRECTIONS),
    ...presentation,
  }),
  z.object({
    kind: z.literal('approvalDecided'),
    outcome: z.enum(['approved', 'rejected', 'either']),
    ...presentation,
  }),
  z.object({ kind: z.literal('outreachEvent'), events: z.array(z.enum(OUTREACH_EVENTS)), ...presentation }),
  z.object({
    kind: z.literal('stageChanged'),
    /** `null` means "from any stage" / "to any stage". */
    from: StageRefSchema.nullable(),
    to: StageRefSchema.nullable(),
    ...presentation,
  }),
  z.object({ kind: z.literal('applicationRejected'), ...presentation }),
  z.object({ kind: z.literal('candidateHired'), ...presentation }),
  z.object({ kind: z.literal('jobOpened'), ...presentation }),
  z.object({ kind: z.literal('jobClosed'), ...presentation }),
  z.object({ kind: z.literal('manualExportRequested'), ...presentation }),
]);
export type TriggerData = z.infer<typeof TriggerDataSchema>;
export type TriggerKind = TriggerData['kind'];
export const TRIGGER_KINDS = TriggerDataSchema.options.map((o) => o.shape.kind.value) as TriggerKind[];

/**
 * What a flow is about. Job-level flows (opened/closed) have no person, so nothing that reads a person's
 * facts or writes to their Greenhouse record may follow them.
 */
export function triggerSubject(kind: TriggerKind): 'person' | 'job' {
  return kind === 'jobOpened' || kind === 'jobClosed' ? 'job' : 'person';
}

// -------------------------------------------------------------------------------------------- conditions

export const CONDITION_FIELDS = [
  'score',
  'requirement',
  'source',
  'greenhousePresence',
  'hasEmail',
  'hasLinkedIn',
  'location',
  'stage',
  'timeSinceLastActivity',
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

export const CONDITION_OPERATORS = [
  'gte',
  'gt',
  'lte',
  'lt',
  'is',
  'isNot',
  'atLeast',
  'in',
  'notIn',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const REQUIREMENT_LEVELS = ['met', 'partly', 'notMet'] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];

/**
 * Where a person stands in Greenhouse. The plain forms ("applicant") match whichever job; the qualified
 * ones ("applicantOnThisJob") pin it down, because being an applicant elsewhere is a different signal.
 */
export const PRESENCE_VALUES = [
  'none',
  'prospect',
  'prospectOnThisJob',
  'prospectOnAnotherJob',
  'applicant',
  'applicantOnThisJob',
  'applicantOnAnotherJob',
] as const;
export type PresenceValue = (typeof PRESENCE_VALUES)[number];

/**
 * How a person came to the job: applied in Greenhouse, a prospect from one of the job's Greenhouse pools, a
 * row of an imported file, or a reply to an outreach sequence. A "Source" condition chooses among these; a
 * free-typed source ("referral") was saved but never matched anyone.
 */
export const SOURCE_VALUES = ['inbound', 'prospect_pool', 'import', 'outreach'] as const;
export type SourceValue = (typeof SOURCE_VALUES)[number];

export const ConditionValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.array(z.string()),
  DurationSchema,
  StageRefSchema,
  z.array(StageRefSchema),
  z.null(),
]);
export type ConditionValue = z.infer<typeof ConditionValueSchema>;

export const ConditionLeafSchema = z.object({
  field: z.enum(CONDITION_FIELDS),
  op: z.enum(CONDITION_OPERATORS),
  value: ConditionValueSchema,
  /** Only for `field: 'requirement'`: the must-have's name in the job profile. */
  requirement: z.string().optional(),
});
export type ConditionLeaf = z.infer<typeof ConditionLeafSchema>;

export type ConditionGroup = { combinator: 'and' | 'or'; conditions: ConditionExpr[] };
export type ConditionExpr = ConditionLeaf | ConditionGroup;

export const ConditionGroupSchema: z.ZodType<ConditionGroup> = z.object({
  combinator: z.enum(['and', 'or']),
  get conditions() {
    return z.array(ConditionExprSchema);
  },
});
export const ConditionExprSchema: z.ZodType<ConditionExpr> = z.union([
  ConditionLeafSchema,
  ConditionGroupSchema,
]);

export function isConditionGroup(expr: ConditionExpr): expr is ConditionGroup {
  return 'combinator' in expr;
}

export const ConditionDataSchema = z.object({ when: ConditionExprSchema, ...presentation });
export type ConditionData = z.infer<typeof ConditionDataSchema>;

// ----------------------------------------------------------------------------------------------- actions

export const NOTE_VISIBILITIES = ['admin_only', 'private', 'public'] as const;

export const ApprovalTimeoutSchema = z.discriminatedUnion('then', [
  z.object({ then: z.literal('approve') }),
  z.object({ then: z.literal('reject') }),
  /** The escalated request then waits for a person: it never decides itself a second time. */
  z.object({ then: z.literal('escalate'), to: ApproverSchema.nullable() }),
]);
export type ApprovalTimeout = z.infer<typeof ApprovalTimeoutSchema>;

export const NotifyChannelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('webhook'), url: z.string() }),
  z.object({ type: z.literal('inApp'), to: ApproverSchema.nullable() }),
]);
export type NotifyChannel = z.infer<typeof NotifyChannelSchema>;

export const ActionDataSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exportAsCandidate'), stage: StageRefSchema.nullable(), ...presentation }),
  z.object({
    kind: z.literal('exportAsProspect'),
    /** No pool means a general prospect, credited to the exporting user. */
    poolId: GreenhouseIdSchema.nullable(),
    poolStageId: GreenhouseIdSchema.nullable(),
    ...presentation,
  }),
  z.object({
    kind: z.literal('requestApproval'),
    approver: ApproverSchema.nullable(),
    timeout: DurationSchema,
    onTimeout: ApprovalTimeoutSchema,
    ...presentation,
  }),
  z.object({
    kind: z.literal('convertToCandidate'),
    /** An interview stage of this job; `null` lands the new application on the job's first stage. */
    stage: StageRefSchema.nullable(),
    ...presentation,
  }),
  z.object({ kind: z.literal('moveToStage'), stage: StageRefSchema.nullable(), ...presentation }),
  z.object({ kind: z.literal('advanceStage'), ...presentation }),
  z.object({
    kind: z.literal('transferToJob'),
    /** Another job Pilothouse knows, and an interview stage of that job. */
    jobId: GreenhouseIdSchema.nullable(),
    stageId: GreenhouseIdSchema.nullable(),
    ...presentation,
  }),
  z.object({
    kind: z.literal('reject'),
    rejectionReasonId: GreenhouseIdSchema.nullable(),
    sendEmail: z.boolean(),
    ...presentation,
  }),
  z.object({ kind: z.literal('unreject'), ...presentation }),
  z.object({
    kind: z.literal('addNote'),
    body: z.string(),
    visibility: z.enum(NOTE_VISIBILITIES),
    ...presentation,
  }),
  z.object({
    kind: z.literal('tag'),
    tag: z.string(),
    /** A Pilothouse tag stays in Pilothouse; a Greenhouse tag is written to the candidate there. */
    where: z.enum(['greenhouse', 'pilothouse']),
    ...presentation,
  }),
  z.object({ kind: z.literal('notify'), channel: NotifyChannelSchema, message: z.string(), ...presentation }),
  z.object({ kind: z.literal('wait'), duration: DurationSchema, ...presentation }),
  z.object({ kind: z.literal('stop'), reason: z.string().optional(), ...presentation }),
]);
export type ActionData = z.infer<typeof ActionDataSchema>;
export type ActionKind = ActionData['kind'];
export type ActionOf<K extends ActionKind> = Extract<ActionData, { kind: K }>;
export const ACTION_KINDS = ActionDataSchema.options.map((o) => o.shape.kind.value) as ActionKind[];

/** Actions that only tell people things; everything else reads or writes a person's record. */
export const JOB_LEVEL_ACTIONS: readonly ActionKind[] = ['notify', 'wait', 'stop'];

// ----------------------------------------------------------------------------------------------- handles

/** Where an outgoing edge leaves a node. `next` is the single exit of triggers and plain actions. */
export type Branch = 'next' | 'then' | 'otherwise' | 'approved' | 'rejected';
export const TARGET_HANDLE = 'in';

export type SourceHandleSpec = { id: Branch; label: string; allowsSeveralEdges: boolean };

const NEXT: SourceHandleSpec = { id: 'next', label: 'next', allowsSeveralEdges: true };
const CONDITION_HANDLES: SourceHandleSpec[] = [
  { id: 'then', label: 'then', allowsSeveralEdges: false },
  { id: 'otherwise', label: 'otherwise', allowsSeveralEdges: false },
];
const APPROVAL_HANDLES: SourceHandleSpec[] = [
  { id: 'approved', label: 'approved', allowsSeveralEdges: false },
  { id: 'rejected', label: 'rejected', allowsSeveralEdges: false },
];

/**
 * The exits of a node, in reading order. A condition's branches carry one edge each so each branch reads
 * as one line; triggers and plain actions may fan out into parallel steps.
 */
export function sourceHandlesOf(
  node: { type: 'trigger' } | { type: 'condition' } | { type: 'action'; data: { kind: ActionKind } },
): SourceHandleSpec[] {
  if (node.type === 'trigger') return [NEXT];
  if (node.type === 'condition') return CONDITION_HANDLES;
  if (node.data.kind === 'requestApproval') return APPROVAL_HANDLES;
  if (node.data.kind === 'stop') return [];
  return [NEXT];
}
