// What a node holds the moment an admin drops it on the canvas. References start empty (`null`) so the
// admin is asked to choose rather than handed a guess; validation lists what is still to fill in.
import type {
  ActionData,
  ActionKind,
  ConditionData,
  ConditionField,
  TriggerData,
  TriggerKind,
} from './node-types';
import { CONDITION_FIELD_CATALOGUE } from './condition-fields';

export function newTriggerData(kind: TriggerKind): TriggerData {
  switch (kind) {
    case 'approvalDecided':
      return { kind, outcome: 'approved' };
    case 'outreachEvent':
      return { kind, events: ['repliedInterested'] };
    case 'stageChanged':
      return { kind, from: null, to: null };
    default:
      return { kind };
  }
}

const STARTING_VALUES: Record<ConditionField, ConditionData['when']> = {
  score: { field: 'score', op: 'gte', value: 70 },
  requirement: { field: 'requirement', requirement: '', op: 'atLeast', value: 'partly' },
  source: { field: 'source', op: 'in', value: [] },
  greenhousePresence: { field: 'greenhousePresence', op: 'is', value: 'none' },
  hasEmail: { field: 'hasEmail', op: 'is', value: true },
  hasLinkedIn: { field: 'hasLinkedIn', op: 'is', value: true },
  location: { field: 'location', op: 'in', value: [] },
  stage: { field: 'stage', op: 'in', value: [] },
  timeSinceLastActivity: { field: 'timeSinceLastActivity', op: 'gte', value: { amount: 14, unit: 'days' } },
};

export function newConditionData(field: ConditionField): ConditionData {
  // A copy, so editing one new node never edits the starting value of the next.
  return {
    when: JSON.parse(JSON.stringify(STARTING_VALUES[field])) as ConditionData['when'],
    label: CONDITION_FIELD_CATALOGUE[field].label,
  };
}

export function newActionData(kind: ActionKind): ActionData {
  switch (kind) {
    case 'exportAsCandidate':
      return { kind, stage: { kind: 'mapped', pipelineStage: 'exported' } };
    case 'exportAsProspect':
      return { kind, poolId: null, poolStageId: null };
    case 'requestApproval':
      return {
        kind,
        approver: { kind: 'hiringTeam', role: 'recruiter' },
        timeout: { amount: 3, unit: 'days' },
        onTimeout: { then: 'escalate', to: { kind: 'hiringTeam', role: 'hiringManager' } },
      };
    case 'moveToStage':
      return { kind, stage: null };
    case 'advanceStage':
      return { kind };
    case 'reject':
      return { kind, rejectionReasonId: null, sendEmail: false };
    case 'addNote':
      return { kind, body: '{{reasons}}', visibility: 'private' };
    case 'tag':
      return { kind, tag: '', where: 'greenhouse' };
    case 'notify':
      return {
        kind,
        channel: { type: 'inApp', to: { kind: 'hiringTeam', role: 'recruiter' } },
        message: '{{name}}: {{reasons}}',
      };
    case 'wait':
      return { kind, duration: { amount: 3, unit: 'days' } };
    case 'stop':
      return { kind };
  }
}
