import { describe, expect, it } from 'vitest';
import { exportFlow, importFlow } from '../../../rules/flow-io';
import { createDefaultFlow } from '../../../rules/index';
import { JOB_ID, jobContext } from './fixtures/job';

const flow = createDefaultFlow({ jobId: JOB_ID, approver: { kind: 'user', userId: 7 } });

describe('rule flows as files', () => {
  it('a flow exported as YAML imports back exactly', () => {
    const yaml = exportFlow(flow, 'yaml');
    expect(yaml).toContain('kind: requestApproval');
    expect(importFlow(yaml)).toEqual({ ok: true, flow, upgradedFrom: null, problems: [] });
  });

  it('a flow exported as JSON imports back exactly, and the format is recognised on its own', () => {
    const json = exportFlow(flow, 'json');
    expect(JSON.parse(json)).toEqual(flow);
    expect(importFlow(json)).toEqual({ ok: true, flow, upgradedFrom: null, problems: [] });
  });

  it('a YAML file with a typo in an indent says which line', () => {
    // The stray indent makes line 3 continue the value of `id` on line 2, which is where YAML objects.
    const broken = 'schemaVersion: 2\nid: x\n  jobId: 4001\n';
    const result = importFlow(broken, { format: 'yaml' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ code: 'syntax', line: 2 });
  });

  it('broken JSON says where it broke', () => {
    const result = importFlow('{\n  "schemaVersion": 2,\n  "id": \n}', { format: 'json' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems[0]).toMatchObject({
        code: 'syntax',
        line: 4,
        message: expect.stringMatching(/^Not valid JSON/),
      });
  });

  it('a condition whose score is written as text is pointed out by path, node id and line', () => {
    const yaml = exportFlow(flow, 'yaml').replace('value: 70', 'value: { high: true }');
    const result = importFlow(yaml);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [problem] = result.problems;
    expect(problem).toMatchObject({
      code: 'schema',
      path: 'nodes[1].data.when.value',
      nodeId: 'score-check',
    });
    expect(problem!.message).toMatch(/^nodes\[1\]\.data\.when\.value \(node "score-check"\): /);
    expect(yaml.split('\n')[problem!.line! - 1]).toContain('value: { high: true }');
  });

  it('an unknown action kind says which kinds there are', () => {
    const yaml = exportFlow(flow, 'yaml').replace('kind: exportAsCandidate', 'kind: exportToLinkedIn');
    const result = importFlow(yaml);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toMatchObject({ path: 'nodes[3].data.kind', nodeId: 'export' });
      expect(result.problems[0]!.message).toContain("'exportAsCandidate'");
    }
  });

  it('a well-formed flow with a score threshold of 150 imports, with the problem located in the file', () => {
    const yaml = exportFlow(flow, 'yaml').replace('value: 70', 'value: 150');
    const result = importFlow(yaml, { context: jobContext() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.problems).toMatchObject([
      {
        severity: 'error',
        code: 'score-out-of-range',
        nodeId: 'score-check',
        path: 'nodes[1].data.when.value',
      },
    ]);
    expect(yaml.split('\n')[result.problems[0]!.line! - 1]).toContain('value: 150');
  });

  it('an edge to a missing node is located at the edge', () => {
    const json = JSON.stringify(
      { ...flow, edges: [...flow.edges, { id: 'ghost', source: 'approval', target: 'nowhere' }] },
      null,
      2,
    );
    const result = importFlow(json);
    expect(result.ok && result.problems).toMatchObject([
      { code: 'edge-dangling', edgeId: 'ghost', path: 'edges[5]' },
    ]);
  });

  it('an old version 1 file is upgraded on import', () => {
    const v1 = JSON.stringify({
      ...flow,
      schemaVersion: 1,
      acknowledgements: undefined,
      edges: flow.edges.map((e) => ({
        ...e,
        sourceHandle:
          e.sourceHandle === 'then' ? 'yes' : e.sourceHandle === 'otherwise' ? 'no' : e.sourceHandle,
      })),
    });
    expect(importFlow(v1)).toEqual({ ok: true, flow, upgradedFrom: 1, problems: [] });
  });
});
