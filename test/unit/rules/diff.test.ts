import { describe, expect, it } from 'vitest';
import type { RuleFlow } from '../../../rules/index';
import { createDefaultFlow, diffFlows } from '../../../rules/index';
import { JOB_ID, jobContext } from './fixtures/job';

const base = () => createDefaultFlow({ jobId: JOB_ID, approver: { kind: 'user', userId: 7 } });

describe('what changed between two versions', () => {
  it('raising the threshold and adding a note reads as two lines a recruiter understands', () => {
    const previous = base();
    const next: RuleFlow = structuredClone(previous);
    next.nodes = next.nodes.map((n) =>
      n.id === 'score-check' && n.type === 'condition'
        ? { ...n, data: { when: { field: 'score', op: 'gte', value: 80 } } }
        : n,
    );
    next.nodes.push({
      id: 'explain',
      type: 'action',
      position: { x: -300, y: 600 },
      data: { kind: 'addNote', body: 'Matched at {{score}}', visibility: 'private' },
    });
    next.edges.push({ id: 'export->explain', source: 'export', target: 'explain', sourceHandle: 'next' });

    const diff = diffFlows(previous, next, jobContext());
    expect(diff.lines).toEqual([
      'Changed condition “Score at least 40”: Score ≥ 40 → Score ≥ 80',
      'Added step: add a private note: "Matched at {{score}}"',
      'Connected “Export to Greenhouse as a candidate at "Application Review"” to “Add a private note”',
    ]);
    expect(diff.nodesChanged).toEqual([
      { nodeId: 'score-check', before: 'Score ≥ 40', after: 'Score ≥ 80', fields: ['when'] },
    ]);
    expect(diff.changesBehaviour).toBe(true);
  });

  it('a changed approval timeout shows up even though the short description is the same', () => {
    const previous = base();
    const next = structuredClone(previous);
    const ask = next.nodes.find((n) => n.id === 'approval')!;
    if (ask.type === 'action' && ask.data.kind === 'requestApproval')
      ask.data.timeout = { amount: 5, unit: 'days' };
    expect(diffFlows(previous, next, jobContext()).lines).toEqual([
      "Changed step “Request approval from Riley”: request approval from Riley; if nobody decides within 3 days, escalate to the job's hiring manager → request approval from Riley; if nobody decides within 5 days, escalate to the job's hiring manager",
    ]);
  });

  it('rearranging the canvas and redrawing an edge under a new id is not a change in behaviour', () => {
    const previous = base();
    const next = structuredClone(previous);
    next.nodes[0]!.position = { x: 500, y: 500 };
    next.edges[0] = { ...next.edges[0]!, id: 'redrawn' };
    const diff = diffFlows(previous, next);
    expect(diff.changesBehaviour).toBe(false);
    expect(diff.nodesMoved).toEqual(['matched']);
    expect(diff.lines).toEqual(['Moved 1 node on the canvas']);
  });

  it('removing the export step lists the removed step and its edge', () => {
    const previous = base();
    const next = structuredClone(previous);
    next.nodes = next.nodes.filter((n) => n.id !== 'export');
    next.edges = next.edges.filter((e) => e.target !== 'export');
    const diff = diffFlows(previous, next, jobContext());
    expect(diff.lines).toEqual([
      'Removed step: export to Greenhouse as a candidate at "Application Review"',
      'Disconnected “Request approval from Riley” (approved) from “Export to Greenhouse as a candidate at "Application Review"”',
    ]);
  });

  it('the first publication lists everything as added', () => {
    const diff = diffFlows(null, base());
    expect(diff.nodesAdded).toHaveLength(8);
    expect(diff.edgesAdded).toHaveLength(7);
    expect(diff.changesBehaviour).toBe(true);
  });

  it('an acknowledgement is recorded in the change list', () => {
    const previous = base();
    const next = structuredClone(previous);
    next.acknowledgements.push({
      nodeId: 'export',
      code: 'reject-without-approval',
      acknowledgedBy: 'Riley',
      acknowledgedAt: '2025-03-10T09:00:00Z',
    });
    expect(diffFlows(previous, next).lines).toEqual([
      'Riley accepted rejecting without a person approving first for “Export to Greenhouse as a candidate at the stage mapped to "exported"”',
    ]);
  });
});
