import type { Edge, Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { createDefaultFlow, parseRuleFlow } from '../../../rules/index';

describe('the canvas holds rule flows as React Flow stores them', () => {
  it('flow nodes and edges are React Flow nodes and edges, and what React Flow saves loads back', () => {
    const flow = createDefaultFlow({ jobId: 4001 });
    // Compile-time half: these assignments fail `tsc` if the document stops fitting React Flow's types.
    const nodes: Node[] = flow.nodes;
    const edges: Edge[] = flow.edges;
    const saved = {
      ...flow,
      nodes: nodes.map((n) => ({ ...n, selected: false, measured: { width: 200, height: 80 } })),
      edges,
    };
    expect(parseRuleFlow(JSON.parse(JSON.stringify(saved)))).toEqual(flow);
  });
});
