import { describe, expect, it } from 'vitest';
import type { ConditionField } from '../../../rules/index';
import {
  ACTION_KINDS,
  ActionDataSchema,
  CONDITION_FIELDS,
  ConditionDataSchema,
  newActionData,
  newConditionData,
  newTriggerData,
  TRIGGER_KINDS,
  TriggerDataSchema,
  validateFlow,
} from '../../../rules/index';
import { flowOf, trigger, when, stop, tag } from './fixtures/build-flow';

describe('dropping a new node on the canvas', () => {
  it('every trigger, condition and action starts as a document the schema accepts', () => {
    for (const kind of TRIGGER_KINDS)
      expect(TriggerDataSchema.parse(newTriggerData(kind))).toEqual(newTriggerData(kind));
    for (const field of CONDITION_FIELDS)
      expect(ConditionDataSchema.parse(newConditionData(field))).toEqual(newConditionData(field));
    for (const kind of ACTION_KINDS)
      expect(ActionDataSchema.parse(newActionData(kind))).toEqual(newActionData(kind));
    expect(TRIGGER_KINDS).toHaveLength(10);
    expect(ACTION_KINDS).toHaveLength(14);
  });

  it('a freshly dropped reject step asks for its reason instead of guessing one', () => {
    const flow = flowOf(trigger.approvalDecided('rejected'), []);
    flow.nodes.push({ id: 'new', type: 'action', position: { x: 0, y: 0 }, data: newActionData('reject') });
    flow.edges.push({ id: 'e', source: 'trigger', target: 'new' });
    expect(validateFlow(flow).map((i) => i.code)).toEqual(['rejection-reason-missing']);
  });

  it('editing one new condition does not change the next one dropped', () => {
    const first = newConditionData('source');
    (first.when as { value: string[] }).value.push('referral');
    expect(newConditionData('source').when).toMatchObject({ value: [] });
  });

  it('a freshly dropped condition that needs a choice says so', () => {
    const needsChoice: ConditionField[] = ['requirement', 'source', 'location', 'stage'];
    for (const field of needsChoice) {
      const flow = flowOf(trigger.personMatched(), [
        when(newConditionData(field).when, [tag('a')], [stop()], 'new'),
      ]);
      expect(validateFlow(flow).filter((i) => i.nodeId === 'new').length, field).toBeGreaterThan(0);
    }
  });
});
