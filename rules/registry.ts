// The node-kind registry: every trigger, condition and action an admin can draw, in one table. The canvas
// palette, the inspector, validation (shape, scopes, whether the autopilot can carry it out) and the
// Harvest-scope check read it, so adding a kind means adding one entry here, and the type checker
// (`satisfies Record<Kind, …>`) refuses a kind without one. Pure data: no React, safe in workflow code.
import type { z } from 'zod';
import { CONDITION_FIELD_CATALOGUE } from './condition-fields';
import { DEFAULT_SCORE_THRESHOLD } from './default-flow';
import type {
  ActionData,
  ActionKind,
  ConditionData,
  ConditionField,
  TriggerData,
  TriggerKind,
} from './node-types';
import {
  ActionDataSchema,
  ACTION_KINDS,
  CONDITION_FIELDS,
  ConditionDataSchema,
  TRIGGER_KINDS,
  TriggerDataSchema,
} from './node-types';
import type { DecisionType } from './decisions';
import type { HarvestScope } from './scopes';

export type NodeGroup = 'trigger' | 'condition' | 'action';

/** One setting of a node as the inspector shows it: the words above the input and a line of help. */
export type InspectorField = { key: string; label: string; help?: string };

export type RegistryEntry<Kind extends string, Data> = {
  group: NodeGroup;
  kind: Kind;
  /** The shape of the node's data (accepts half-finished drafts; `validateFlow` judges the contents). */
  schema: z.ZodType<Data>;
  /** What the node holds when dropped on the canvas. */
  start: () => Data;
  palette: { label: string; description: string };
  /** Harvest v3 scopes the step needs to be carried out in Greenhouse. */
  scopes: readonly HarvestScope[];
  /** The settings the inspector shows, in order. */
  fields: readonly InspectorField[];
  /**
   * Whether the running autopilot acts on this kind today: a trigger is fired by some event, an action
   * has an effect. Kinds that are drawn but would silently do nothing stay off the palette and cannot be
   * published (validation names them), so nothing offered is a promise the autopilot does not keep.
   */
  carriedOut: boolean;
};

export type TriggerEntry = RegistryEntry<TriggerKind, TriggerData>;
export type ConditionEntry = RegistryEntry<ConditionField, ConditionData>;
export type ActionEntry = RegistryEntry<ActionKind, ActionData> & {
  /**
   * The decision the evaluator turns this step into. The workflow's executor (workflows/carry-out-decisions)
   * switches exhaustively over decision types, so naming one here is naming the runtime handler.
   */
  decides: DecisionType;
};
export type AnyEntry = TriggerEntry | ConditionEntry | ActionEntry;

function triggerSchema(kind: TriggerKind): z.ZodType<TriggerData> {
  return TriggerDataSchema.options.find((o) => o.shape.kind.value === kind)! as z.ZodType<TriggerData>;
}
function actionSchema(kind: ActionKind): z.ZodType<ActionData> {
  return ActionDataSchema.options.find((o) => o.shape.kind.value === kind)! as z.ZodType<ActionData>;
}

// References start empty (`null`) so the admin is asked to choose rather than handed a guess; validation
// lists what is still to fill in. `start` builds a fresh object each time, so editing one dropped node
// never edits the next.
type TriggerSpec = Omit<TriggerEntry, 'group' | 'kind' | 'schema'>;
type ConditionSpec = Omit<ConditionEntry, 'group' | 'kind' | 'schema' | 'scopes'>;
type ActionSpec = Omit<ActionEntry, 'group' | 'kind' | 'schema'>;

const NO_FIELDS: readonly InspectorField[] = [];

const TRIGGERS = {
  personMatched: {
    start: () => ({ kind: 'personMatched' }),
    palette: {
      label: 'Person matched',
      description: 'A sourced or applying person has been scored against the job profile.',
    },
    scopes: [],
    fields: NO_FIELDS,
    carriedOut: true,
  },
  scoreCrossed: {
    start: () => ({ kind: 'scoreCrossed', threshold: DEFAULT_SCORE_THRESHOLD, direction: 'rises' }),
    palette: {
      label: 'Match score crossed',
      description:
        "A person's match score for the job moved past a threshold after a rescore (a retrained profile or a new resume).",
    },
    scopes: [],
    fields: [
      { key: 'threshold', label: 'Score threshold', help: 'From 0 to 100.' },
      {
        key: 'direction',
        label: 'When the score',
        help: 'Fires once per crossing, when the person is scored again, not on every cycle.',
      },
    ],
    carriedOut: true,
  },
  approvalDecided: {
    start: () => ({ kind: 'approvalDecided', outcome: 'approved' }),
    palette: {
      label: 'Approval decided',
      description: 'A recruiter approved or declined a person the rules sent for approval.',
    },
    scopes: [],
    fields: [{ key: 'outcome', label: 'When the recruiter', help: 'Which decision starts this rule.' }],
    carriedOut: true,
  },
  outreachEvent: {
    start: () => ({ kind: 'outreachEvent', events: ['repliedInterested'] }),
    palette: {
      label: 'Outreach reply',
      description: 'Your outreach tool reports that a person was added to a sequence or replied.',
    },
    scopes: [],
    fields: [{ key: 'events', label: 'Outreach events', help: 'Any of the ticked events starts this rule.' }],
    carriedOut: true,
  },
  stageChanged: {
    start: () => ({ kind: 'stageChanged', from: null, to: null }),
    palette: {
      label: 'Stage changed',
      description:
        "Someone moved a person's application between interview stages in Greenhouse (Pilothouse's own moves do not set it off).",
    },
    scopes: [],
    fields: [
      { key: 'from', label: 'From stage', help: 'Leave on "any stage" to react to every move.' },
      { key: 'to', label: 'To stage' },
    ],
    carriedOut: true,
  },
  applicationRejected: {
    start: () => ({ kind: 'applicationRejected' }),
    palette: {
      label: 'Rejected in Greenhouse',
      description:
        "Someone rejected the person's application for this job in Greenhouse (Pilothouse's own rejections do not set it off).",
    },
    scopes: [],
    fields: NO_FIELDS,
    carriedOut: true,
  },
  candidateHired: {
    start: () => ({ kind: 'candidateHired' }),
    palette: { label: 'Hired', description: 'The person was hired for this job in Greenhouse.' },
    scopes: [],
    fields: NO_FIELDS,
    carriedOut: true,
  },
  manualExportRequested: {
    start: () => ({ kind: 'manualExportRequested' }),
    palette: {
      label: 'Export pressed',
      description: 'A recruiter pressed "Export to Greenhouse" for a person on the job screen.',
    },
    scopes: [],
    fields: NO_FIELDS,
    carriedOut: true,
  },
  jobOpened: {
    start: () => ({ kind: 'jobOpened' }),
    palette: { label: 'Job opened', description: 'The job was opened (or reopened) in Greenhouse.' },
    scopes: [],
    fields: NO_FIELDS,
    carriedOut: true,
  },
  jobClosed: {
    start: () => ({ kind: 'jobClosed' }),
    palette: { label: 'Job closed', description: 'The job was closed in Greenhouse.' },
    scopes: [],
    fields: NO_FIELDS,
    carriedOut: true,
  },
} as const satisfies Record<TriggerKind, TriggerSpec>;

const LEAF_FIELDS: readonly InspectorField[] = [
  { key: 'field', label: 'Check' },
  { key: 'op', label: 'Compare' },
  { key: 'value', label: 'Value' },
];

const CONDITIONS = {
  score: {
    start: () => ({ when: { field: 'score', op: 'gte', value: DEFAULT_SCORE_THRESHOLD } }),
    palette: { label: 'Score at least', description: 'How well the person matches the job profile, 0–100.' },
    fields: LEAF_FIELDS,
    carriedOut: true,
  },
  requirement: {
    start: () => ({ when: { field: 'requirement', requirement: '', op: 'atLeast', value: 'partly' } }),
    palette: {
      label: 'Requirement met',
      description: 'Whether the person meets one must-have of the job profile, with evidence.',
    },
    fields: [
      { key: 'field', label: 'Check' },
      { key: 'requirement', label: 'Must-have', help: 'A must-have of the job profile.' },
      { key: 'op', label: 'Compare' },
      { key: 'value', label: 'Value' },
    ],
    carriedOut: true,
  },
  source: {
    start: () => ({ when: { field: 'source', op: 'in', value: [] } }),
    palette: {
      label: 'Source',
      description:
        'How the person came to the job: applied in Greenhouse, a prospect pool, an imported file or outreach.',
    },
    fields: LEAF_FIELDS,
    carriedOut: true,
  },
  greenhousePresence: {
    start: () => ({ when: { field: 'greenhousePresence', op: 'is', value: 'none' } }),
    palette: {
      label: 'Not in Greenhouse',
      description: 'Whether the person is already a prospect or applicant in Greenhouse, here or elsewhere.',
    },
    fields: LEAF_FIELDS,
    carriedOut: true,
  },
  hasEmail: {
    start: () => ({ when: { field: 'hasEmail', op: 'is', value: true } }),
    palette: { label: 'Has email', description: 'Whether Pilothouse knows an email address for the person.' },
    fields: LEAF_FIELDS,
    carriedOut: true,
  },
  hasLinkedIn: {
    start: () => ({ when: { field: 'hasLinkedIn', op: 'is', value: true } }),
    palette: {
      label: 'Has LinkedIn',
      description: 'Whether Pilothouse knows the person’s LinkedIn profile.',
    },
    fields: LEAF_FIELDS,
    carriedOut: true,
  },
  location: {
    start: () => ({ when: { field: 'location', op: 'in', value: [] } }),
    palette: { label: 'Location', description: 'Where the person is based, as their profile says.' },
    fields: [
      { key: 'field', label: 'Check' },
      { key: 'op', label: 'Compare' },
      { key: 'value', label: 'Places', help: 'Separate several places with commas.' },
    ],
    carriedOut: true,
  },
  stage: {
    start: () => ({ when: { field: 'stage', op: 'in', value: [] } }),
    palette: {
      label: 'In stage',
      description: "The Greenhouse interview stage the person's application is in.",
    },
    fields: LEAF_FIELDS,
    carriedOut: true,
  },
  timeSinceLastActivity: {
    start: () => ({
      when: { field: 'timeSinceLastActivity', op: 'gte', value: { amount: 14, unit: 'days' } },
    }),
    palette: {
      label: 'Inactive for',
      description: 'How long since anything happened on the person’s application.',
    },
    fields: LEAF_FIELDS,
    carriedOut: true,
  },
} as const satisfies Record<ConditionField, ConditionSpec>;

// Exports create the person, their application (v3 models prospects as prospect applications), upload the
// generated resume and add the match explanation as a note. Advancing and moving are the same v3 endpoint
// (`POST /v3/applications/{id}/move`).
// The person's work history (candidate employments) and education (candidate educations, named from custom
// field options) are not required: without their scopes the export goes on without them and says so in its audit.
const EXPORT_SCOPES = [
  'harvest:candidates:create',
  'harvest:applications:create',
  'harvest:attachments:create',
  'harvest:notes:create',
] as const;

const ACTIONS = {
  requestApproval: {
    decides: 'requestApproval',
    start: () => ({
      kind: 'requestApproval',
      approver: { kind: 'hiringTeam', role: 'recruiter' },
      timeout: { amount: 3, unit: 'days' },
      onTimeout: { then: 'escalate', to: { kind: 'hiringTeam', role: 'hiringManager' } },
    }),
    palette: {
      label: 'Request approval',
      description: 'Ask a recruiter or hiring manager to approve or decline the person before going on.',
    },
    scopes: [],
    fields: [
      { key: 'approver', label: 'Who decides' },
      { key: 'timeout', label: 'Wait at most' },
      { key: 'onTimeout', label: 'If nobody decides' },
      { key: 'onTimeout.to', label: 'Escalate to' },
    ],
    carriedOut: true,
  },
  exportAsCandidate: {
    decides: 'export',
    start: () => ({ kind: 'exportAsCandidate', stage: { kind: 'mapped', pipelineStage: 'exported' } }),
    palette: {
      label: 'Export to Greenhouse',
      description: 'Create the person in Greenhouse with an application for this job, resume and match note.',
    },
    scopes: EXPORT_SCOPES,
    fields: [{ key: 'stage', label: 'Start in stage' }],
    carriedOut: true,
  },
  exportAsProspect: {
    decides: 'export',
    start: () => ({ kind: 'exportAsProspect', poolId: null, poolStageId: null }),
    palette: {
      label: 'Export as prospect',
      description: 'Add the person to Greenhouse as a prospect, optionally in a prospect pool.',
    },
    scopes: EXPORT_SCOPES,
    fields: [
      { key: 'poolId', label: 'Prospect pool' },
      { key: 'poolStageId', label: 'Pool stage' },
    ],
    carriedOut: true,
  },
  convertToCandidate: {
    decides: 'convert',
    start: () => ({ kind: 'convertToCandidate', stage: null }),
    palette: {
      label: 'Make candidate',
      description:
        'Turn a prospect for this job into a candidate with an application, in the stage you choose.',
    },
    scopes: ['harvest:applications:convert_to_candidate'],
    fields: [
      {
        key: 'stage',
        label: 'Start in stage',
        help: "Left unchosen, Greenhouse starts at the job's first stage.",
      },
    ],
    carriedOut: true,
  },
  moveToStage: {
    decides: 'move',
    start: () => ({ kind: 'moveToStage', stage: null }),
    palette: {
      label: 'Move to stage',
      description: "Move the person's application to a chosen interview stage.",
    },
    scopes: ['harvest:applications:move'],
    fields: [{ key: 'stage', label: 'Move to' }],
    carriedOut: true,
  },
  advanceStage: {
    decides: 'advance',
    start: () => ({ kind: 'advanceStage' }),
    palette: { label: 'Advance stage', description: "Move the person's application on to the next stage." },
    scopes: ['harvest:applications:move'],
    fields: NO_FIELDS,
    carriedOut: true,
  },
  transferToJob: {
    decides: 'transfer',
    start: () => ({ kind: 'transferToJob', jobId: null, stageId: null }),
    palette: {
      label: 'Transfer to another job',
      description: "Move the person's application to another job, into the interview stage you choose there.",
    },
    scopes: ['harvest:applications:move'],
    fields: [
      { key: 'jobId', label: 'Transfer to job' },
      { key: 'stageId', label: 'Into stage', help: 'An interview stage of that job.' },
    ],
    carriedOut: true,
  },
  reject: {
    decides: 'reject',
    start: () => ({ kind: 'reject', rejectionReasonId: null, sendEmail: false }),
    palette: {
      label: 'Reject in Greenhouse',
      description: "Reject the person's application with a reason (and, if you choose, the rejection email).",
    },
    scopes: ['harvest:applications:reject'],
    fields: [
      { key: 'rejectionReasonId', label: 'Rejection reason', help: 'Keeps Greenhouse reports meaningful.' },
      { key: 'sendEmail', label: 'Send the rejection email' },
    ],
    carriedOut: true,
  },
  unreject: {
    decides: 'unreject',
    start: () => ({ kind: 'unreject' }),
    palette: {
      label: 'Unreject',
      description: 'Bring a rejected application back into the process, on the stage it was rejected from.',
    },
    scopes: ['harvest:applications:unreject'],
    fields: NO_FIELDS,
    carriedOut: true,
  },
  addNote: {
    decides: 'note',
    start: () => ({ kind: 'addNote', body: '{{reasons}}', visibility: 'private' }),
    palette: { label: 'Add note', description: "Write a note on the person's Greenhouse profile." },
    scopes: ['harvest:notes:create'],
    fields: [
      { key: 'body', label: 'Note', help: 'Placeholders: {{name}}, {{score}}, {{reasons}}.' },
      { key: 'visibility', label: 'Visible to' },
    ],
    carriedOut: true,
  },
  tag: {
    decides: 'tag',
    start: () => ({ kind: 'tag', tag: '', where: 'greenhouse' }),
    palette: { label: 'Tag', description: 'Tag the person, in Pilothouse or on their Greenhouse profile.' },
    // The tag is looked up (created when missing), then applied unless the candidate has it already.
    scopes: [
      'harvest:candidate_tags:list',
      'harvest:candidate_tags:create',
      'harvest:applied_candidate_tags:list',
      'harvest:applied_candidate_tags:create',
    ],
    fields: [
      { key: 'tag', label: 'Tag' },
      { key: 'where', label: 'Where' },
    ],
    carriedOut: true,
  },
  notify: {
    decides: 'notify',
    start: () => ({
      kind: 'notify',
      channel: { type: 'inApp', to: { kind: 'hiringTeam', role: 'recruiter' } },
      message: '{{name}}: {{reasons}}',
    }),
    palette: {
      label: 'Notify',
      description: 'Tell someone in Pilothouse, or post to a webhook (e.g. Slack).',
    },
    scopes: [],
    fields: [
      { key: 'channel', label: 'How' },
      { key: 'channel.target', label: 'To' },
      { key: 'message', label: 'Message', help: 'Placeholders: {{name}}, {{score}}, {{reasons}}.' },
    ],
    carriedOut: true,
  },
  wait: {
    decides: 'wait',
    start: () => ({ kind: 'wait', duration: { amount: 3, unit: 'days' } }),
    palette: {
      label: 'Wait',
      description: 'Pause this branch for a while, then carry on with the next step.',
    },
    scopes: [],
    fields: [{ key: 'duration', label: 'Wait for' }],
    carriedOut: true,
  },
  stop: {
    decides: 'stop',
    start: () => ({ kind: 'stop' }),
    palette: { label: 'Stop', description: 'End this branch here; nothing after it happens.' },
    scopes: [],
    fields: [{ key: 'reason', label: 'Why stop here', help: 'Shown in the decision trace.' }],
    carriedOut: true,
  },
} as const satisfies Record<ActionKind, ActionSpec>;

function byKind<K extends string, E>(kinds: readonly K[], make: (kind: K) => E): Record<K, E> {
  return Object.fromEntries(kinds.map((kind) => [kind, make(kind)])) as Record<K, E>;
}

export const TRIGGER_REGISTRY = byKind(TRIGGER_KINDS, (kind): TriggerEntry => ({
  group: 'trigger',
  kind,
  schema: triggerSchema(kind),
  ...TRIGGERS[kind],
}));

export const CONDITION_REGISTRY = byKind(CONDITION_FIELDS, (field): ConditionEntry => ({
  group: 'condition',
  kind: field,
  schema: ConditionDataSchema,
  scopes: [],
  ...CONDITIONS[field],
  // No default label: an unlabelled condition is named by what it checks ("Score at least 70").
  start: () => CONDITIONS[field].start(),
}));

export const ACTION_REGISTRY = byKind(ACTION_KINDS, (kind): ActionEntry => ({
  group: 'action',
  kind,
  schema: actionSchema(kind),
  ...ACTIONS[kind],
}));

/** Every entry, triggers first, in palette order. */
export const NODE_REGISTRY: readonly AnyEntry[] = [
  ...Object.values(TRIGGER_REGISTRY),
  ...Object.values(CONDITION_REGISTRY),
  ...Object.values(ACTION_REGISTRY),
];

/** What the canvas offers: only kinds the autopilot carries out. */
export const PALETTE_ENTRIES: readonly AnyEntry[] = NODE_REGISTRY.filter((entry) => entry.carriedOut);

/** The entry a drawn node belongs to (a condition group counts as its first leaf's field). */
export function registryEntryOf(
  node:
    | { type: 'trigger'; data: { kind: TriggerKind } }
    | { type: 'condition'; data: ConditionData }
    | { type: 'action'; data: { kind: ActionKind } },
): AnyEntry {
  if (node.type === 'trigger') return TRIGGER_REGISTRY[node.data.kind];
  if (node.type === 'action') return ACTION_REGISTRY[node.data.kind];
  let expr = node.data.when;
  while ('combinator' in expr && expr.conditions.length > 0) expr = expr.conditions[0]!;
  return CONDITION_REGISTRY['field' in expr ? expr.field : 'score'];
}

/** The condition field catalogue's label, for inspectors that list fields to choose from. */
export function conditionFieldLabel(field: ConditionField): string {
  return CONDITION_FIELD_CATALOGUE[field].label;
}
