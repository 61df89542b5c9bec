// What a node holds the moment an admin drops it on the canvas, as the node-kind registry says.
import type {
  ActionData,
  ActionKind,
  ConditionData,
  ConditionField,
  TriggerData,
  TriggerKind,
} from './node-types';
import { ACTION_REGISTRY, CONDITION_REGISTRY, TRIGGER_REGISTRY } from './registry';

export function newTriggerData(kind: TriggerKind): TriggerData {
  return TRIGGER_REGISTRY[kind].start();
}

export function newConditionData(field: ConditionField): ConditionData {
  return CONDITION_REGISTRY[field].start();
}

export function newActionData(kind: ActionKind): ActionData {
  return ACTION_REGISTRY[kind].start();
}
