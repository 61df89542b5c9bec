import { memo, useCallback, useMemo, useState } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
  type NodeTypes,
} from '@xyflow/react';
import type { GreenhouseInterviewStage, StageMapping } from '../../rules';

type StageNodeData = { label: string; unmapped: boolean; inactive?: boolean };
type StageNode = Node<StageNodeData, 'pipeline' | 'greenhouse'>;

const PipelineStageNode = memo(function PipelineStageNode({ data }: NodeProps<StageNode>) {
  return (
    <div className={`stage-node pipeline${data.unmapped ? ' unmapped' : ''}`} data-testid="pipeline-stage">
      <div className="small muted">Pilothouse</div>
      {data.label}
      {data.unmapped ? <div className="small text-bad">not mapped</div> : null}
      <Handle type="source" position={Position.Right} id="out" />
    </div>
  );
});

const GreenhouseStageNode = memo(function GreenhouseStageNode({ data }: NodeProps<StageNode>) {
  return (
    <div
      className={`stage-node greenhouse${data.unmapped ? ' unmapped' : ''}${data.inactive ? ' inactive' : ''}`}
      data-testid="greenhouse-stage"
    >
      <Handle type="target" position={Position.Left} id="in" />
      <div className="small muted">Greenhouse{data.inactive ? ' · inactive' : ''}</div>
      {data.label}
      {data.unmapped ? <div className="small text-warn">nothing maps here</div> : null}
    </div>
  );
});

const stageNodeTypes = { pipeline: PipelineStageNode, greenhouse: GreenhouseStageNode } satisfies NodeTypes;

export function linksToEdges(mapping: StageMapping): Edge[] {
  return mapping.links
    .filter((l) => l.greenhouseStageId !== null)
    .map((l) => ({
      id: `${l.pipelineStage}->${l.greenhouseStageId}`,
      source: `p:${l.pipelineStage}`,
      target: `g:${l.greenhouseStageId}`,
      sourceHandle: 'out',
      targetHandle: 'in',
    }));
}

export function edgesToMapping(mapping: StageMapping, edges: Edge[]): StageMapping {
  return {
    ...mapping,
    links: mapping.pipelineStages.map((p) => {
      const edge = edges.find((e) => e.source === `p:${p.key}`);
      return {
        pipelineStage: p.key,
        greenhouseStageId: edge ? Number(edge.target.slice(2)) : null,
        setBy: 'admin' as const,
      };
    }),
  };
}

function Canvas({
  mapping,
  stages,
  onChange,
}: {
  mapping: StageMapping;
  stages: GreenhouseInterviewStage[];
  onChange: (m: StageMapping) => void;
}) {
  const [edges, setEdges] = useState<Edge[]>(() => linksToEdges(mapping));
  const [positions, setPositions] = useState<StageNode[]>(() => [
    ...mapping.pipelineStages.map((p, i): StageNode => ({
      id: `p:${p.key}`,
      type: 'pipeline',
      position: { x: 0, y: i * 90 },
      data: { label: p.label, unmapped: false },
    })),
    ...stages.map((s, i): StageNode => ({
      id: `g:${s.id}`,
      type: 'greenhouse',
      position: { x: 420, y: i * 90 },
      data: { label: s.name, unmapped: false, inactive: !s.active },
    })),
  ]);
  const nodes = useMemo(
    () =>
      positions.map((n) => ({
        ...n,
        data: {
          ...n.data,
          unmapped:
            n.type === 'pipeline'
              ? !edges.some((e) => e.source === n.id)
              : !n.data.inactive && !edges.some((e) => e.target === n.id),
        },
      })),
    [positions, edges],
  );
  const update = useCallback(
    (next: Edge[]) => {
      setEdges(next);
      onChange(edgesToMapping(mapping, next));
    },
    [mapping, onChange],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      // One Greenhouse stage per Pilothouse stage: a new line replaces the old one.
      update([
        ...edges.filter((e) => e.source !== c.source),
        {
          id: `${c.source}->${c.target}`,
          source: c.source,
          target: c.target,
          sourceHandle: 'out',
          targetHandle: 'in',
        },
      ]);
    },
    [edges, update],
  );
  return (
    <div className="canvas mapping-canvas" data-testid="stage-mapping-canvas">
      <ReactFlow<StageNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={stageNodeTypes}
        onNodesChange={(changes: NodeChange<StageNode>[]) =>
          setPositions((current) => applyNodeChanges(changes, current))
        }
        onEdgesChange={(changes: EdgeChange[]) => update(applyEdgeChanges(changes, edges))}
        onConnect={onConnect}
        isValidConnection={(c) => c.source.startsWith('p:') && c.target.startsWith('g:')}
        deleteKeyCode={['Backspace', 'Delete']}
        fitView
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={16} />
      </ReactFlow>
    </div>
  );
}

export function StageMappingCanvas(props: {
  mapping: StageMapping;
  stages: GreenhouseInterviewStage[];
  onChange: (m: StageMapping) => void;
}) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
