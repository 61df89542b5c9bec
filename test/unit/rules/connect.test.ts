import { describe, expect, it } from 'vitest';
import { canConnect } from '../../../rules/index';
import {
  approval,
  exportAsCandidate,
  flowOf,
  fromUser,
  requestApproval,
  score,
  stop,
  tag,
  trigger,
  when,
} from './fixtures/build-flow';

// trigger → gate(score ≥ 70) → then: n1 (tag) → n2 (tag); otherwise: n3 (stop)
const drawn = () =>
  flowOf(trigger.personMatched(), [when(score('gte', 70), [tag('a'), tag('b')], [stop()], 'gate')]);

describe('drawing an edge on the canvas', () => {
  it('an admin may chain a new step after an action', () => {
    const flow = drawn();
    flow.nodes.push({
      id: 'fresh',
      type: 'action',
      position: { x: 0, y: 0 },
      data: { kind: 'tag', tag: 'c', where: 'pilothouse' },
    });
    expect(
      canConnect(flow, { source: 'n2', target: 'fresh', sourceHandle: null, targetHandle: null }),
    ).toEqual({ ok: true });
  });

  it('a step cannot lead into itself', () => {
    expect(canConnect(drawn(), { source: 'n1', target: 'n1' })).toEqual({
      ok: false,
      reason: 'A step cannot lead into itself.',
    });
  });

  it('nothing can lead back into the trigger', () => {
    expect(canConnect(drawn(), { source: 'n2', target: 'trigger' })).toEqual({
      ok: false,
      reason: 'Nothing can lead into a trigger: a trigger only starts the flow.',
    });
  });

  it('an edge back to an earlier step is refused because it would loop, naming the steps as people do', () => {
    expect(canConnect(drawn(), { source: 'n2', target: 'gate' })).toEqual({
      ok: false,
      reason:
        '“Score at least 70” already leads to “Tag "b" in Greenhouse”, so this would make a loop: a rule must always move forward.',
    });
  });

  it('a condition branch that already leads somewhere cannot lead somewhere else too', () => {
    const verdict = canConnect(drawn(), { source: 'gate', target: 'n2', sourceHandle: 'then' });
    expect(verdict).toEqual({
      ok: false,
      reason:
        '"then" already leads to “Tag "a" in Greenhouse”: remove that connection first, or chain the steps one after another.',
    });
  });

  it('a condition needs to know which branch the edge leaves by', () => {
    expect(canConnect(drawn(), { source: 'gate', target: 'n2', sourceHandle: null })).toEqual({
      ok: false,
      reason: 'Connect from "then" or "otherwise".',
    });
  });

  it('nothing follows a stop', () => {
    expect(canConnect(drawn(), { source: 'n3', target: 'n2' })).toEqual({
      ok: false,
      reason: 'Nothing follows a Stop.',
    });
  });

  it('the trigger may fan out into a second, parallel step', () => {
    const flow = drawn();
    flow.nodes.push({
      id: 'parallel',
      type: 'action',
      position: { x: 0, y: 0 },
      data: { kind: 'tag', tag: 'p', where: 'pilothouse' },
    });
    expect(canConnect(flow, { source: 'trigger', target: 'parallel' })).toEqual({ ok: true });
  });

  it('the same connection cannot be drawn twice', () => {
    expect(canConnect(drawn(), { source: 'n1', target: 'n2' })).toEqual({
      ok: false,
      reason: 'These steps are already connected.',
    });
  });

  it('an approval\'s "rejected" exit is free until something is connected to it', () => {
    const flow = flowOf(trigger.personMatched(), [
      approval(requestApproval(fromUser(7)), [exportAsCandidate()], [], 'ask'),
    ]);
    flow.nodes.push({ id: 'stop-here', type: 'action', position: { x: 0, y: 0 }, data: { kind: 'stop' } });
    expect(canConnect(flow, { source: 'ask', target: 'stop-here', sourceHandle: 'rejected' })).toEqual({
      ok: true,
    });
    expect(canConnect(flow, { source: 'ask', target: 'stop-here', sourceHandle: 'approved' })).toMatchObject({
      ok: false,
    });
  });

  it('an edge from or to a step that is not on the canvas is refused', () => {
    expect(canConnect(drawn(), { source: 'nope', target: 'n1' })).toEqual({
      ok: false,
      reason: 'The step to connect from no longer exists.',
    });
    expect(canConnect(drawn(), { source: 'n1', target: 'nope' })).toEqual({
      ok: false,
      reason: 'The step to connect to no longer exists.',
    });
  });

  it('a step has one entry, "in"', () => {
    expect(canConnect(drawn(), { source: 'n2', target: 'n3', targetHandle: 'side' })).toEqual({
      ok: false,
      reason: 'Connect into the top of the step.',
    });
  });
});
