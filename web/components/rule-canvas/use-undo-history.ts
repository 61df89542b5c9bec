import { useCallback, useRef, type Dispatch, type SetStateAction } from 'react';
import type { Edge } from '@xyflow/react';
import type { RuleCanvasNode } from './flow-model';

const HISTORY_LIMIT = 100;

export type CanvasSnapshot = { nodes: RuleCanvasNode[]; edges: Edge[] };

/**
 * Undo and redo over the canvas's nodes and edges. The editor calls `remember()` before each change
 * that means something (a drop, a connection, a finished drag), not on every drag frame.
 */
export function useUndoHistory(
  { nodes, edges }: CanvasSnapshot,
  setNodes: Dispatch<SetStateAction<RuleCanvasNode[]>>,
  setEdges: Dispatch<SetStateAction<Edge[]>>,
) {
  const past = useRef<CanvasSnapshot[]>([]);
  const future = useRef<CanvasSnapshot[]>([]);

  const remember = useCallback(() => {
    past.current = [...past.current.slice(-HISTORY_LIMIT + 1), { nodes, edges }];
    future.current = [];
  }, [nodes, edges]);

  const undo = useCallback(() => {
    const previous = past.current.pop();
    if (!previous) return;
    future.current.push({ nodes, edges });
    setNodes(previous.nodes);
    setEdges(previous.edges);
  }, [nodes, edges, setNodes, setEdges]);

  const redo = useCallback(() => {
    const next = future.current.pop();
    if (!next) return;
    past.current.push({ nodes, edges });
    setNodes(next.nodes);
    setEdges(next.edges);
  }, [nodes, edges, setNodes, setEdges]);

  return { remember, undo, redo };
}
