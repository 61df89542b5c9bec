import { describe, expect, it } from 'vitest';
import { CURRENT_FLOW_SCHEMA_VERSION, parseRuleFlow, upgradeFlow, validateFlow } from '../../../rules/index';

const v1Document = {
  schemaVersion: 1,
  id: 'flow-1',
  jobId: 4001,
  name: 'Old flow',
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'personMatched' } },
    {
      id: 'c',
      type: 'condition',
      position: { x: 0, y: 100 },
      data: { when: { field: 'score', op: 'gte', value: 70 } },
    },
    {
      id: 'yes-tag',
      type: 'action',
      position: { x: 0, y: 200 },
      data: { kind: 'tag', tag: 'strong', where: 'pilothouse' },
    },
    { id: 'no-stop', type: 'action', position: { x: 200, y: 200 }, data: { kind: 'stop' } },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'c' },
    { id: 'e2', source: 'c', target: 'yes-tag', sourceHandle: 'yes' },
    { id: 'e3', source: 'c', target: 'no-stop', sourceHandle: 'no' },
  ],
};

describe('the rule flow document', () => {
  it('a version 1 flow loads as the current version, its yes/no branches renamed then/otherwise', () => {
    const result = upgradeFlow(v1Document);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.upgradedFrom).toBe(1);
    expect(result.flow.schemaVersion).toBe(CURRENT_FLOW_SCHEMA_VERSION);
    expect(result.flow.edges.map((e) => e.sourceHandle)).toEqual([undefined, 'then', 'otherwise']);
    expect(result.flow.acknowledgements).toEqual([]);
    expect(validateFlow(result.flow)).toEqual([]);
  });

  it('a current flow loads unchanged and is not reported as upgraded', () => {
    const current = parseRuleFlow(v1Document);
    const again = upgradeFlow(JSON.parse(JSON.stringify(current)));
    expect(again).toEqual({ ok: true, flow: current, upgradedFrom: null });
  });

  it('what React Flow adds while drawing (size, selection, edge styling) is dropped on load', () => {
    const drawn = parseRuleFlow(v1Document);
    const withCanvasState = {
      ...drawn,
      nodes: drawn.nodes.map((n) => ({
        ...n,
        measured: { width: 180, height: 60 },
        selected: true,
        dragging: false,
      })),
      edges: drawn.edges.map((e) => ({ ...e, animated: true, type: 'smoothstep' })),
    };
    expect(parseRuleFlow(withCanvasState)).toEqual(drawn);
  });

  it('a document from a newer Pilothouse is refused with the version it claims', () => {
    const result = upgradeFlow({ ...v1Document, schemaVersion: 9 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({
        path: ['schemaVersion'],
        message: expect.stringContaining('schemaVersion 9 is not one'),
      });
    }
  });

  it('a node of an unknown kind is refused with its place in the document', () => {
    expect(() =>
      parseRuleFlow({
        ...v1Document,
        nodes: [{ id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'personBored' } }],
      }),
    ).toThrow(/nodes.*0.*data.*kind/s);
  });
});
