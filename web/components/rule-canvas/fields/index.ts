// Which fields component each step kind shows in the inspector. Keyed by the registry's kinds, so a kind
// added to the registry without an entry here fails the type check; `null` means "no settings".
import type { ComponentType } from 'react';
import type { ActionData, ActionKind, TriggerData, TriggerKind } from '../../../../rules';
import { RequestApprovalFields } from './approval';
import { ExportAsCandidateFields, ExportAsProspectFields } from './export';
import { NotifyFields, StopFields, WaitFields } from './flow-control';
import {
  AddNoteFields,
  ConvertToCandidateFields,
  MoveToStageFields,
  RejectFields,
  TagFields,
  TransferToJobFields,
} from './greenhouse-writes';
import type { FieldsProps } from './pickers';
import {
  ApprovalDecidedFields,
  OutreachEventFields,
  ScoreCrossedFields,
  StageChangedFields,
} from './triggers';

type FieldsOf<Data, K extends string> = {
  [Kind in K]: ComponentType<FieldsProps<Extract<Data, { kind: Kind }>>> | null;
};

export const TRIGGER_FIELDS: FieldsOf<TriggerData, TriggerKind> = {
  personMatched: null,
  scoreCrossed: ScoreCrossedFields,
  approvalDecided: ApprovalDecidedFields,
  outreachEvent: OutreachEventFields,
  stageChanged: StageChangedFields,
  applicationRejected: null,
  candidateHired: null,
  jobOpened: null,
  jobClosed: null,
  manualExportRequested: null,
};

export const ACTION_FIELDS: FieldsOf<ActionData, ActionKind> = {
  requestApproval: RequestApprovalFields,
  exportAsCandidate: ExportAsCandidateFields,
  exportAsProspect: ExportAsProspectFields,
  convertToCandidate: ConvertToCandidateFields,
  moveToStage: MoveToStageFields,
  advanceStage: null,
  transferToJob: TransferToJobFields,
  reject: RejectFields,
  unreject: null,
  addNote: AddNoteFields,
  tag: TagFields,
  notify: NotifyFields,
  wait: WaitFields,
  stop: StopFields,
};

export { ConditionLeafFields } from './condition';
export type { FieldsProps, InspectorChoices } from './pickers';
