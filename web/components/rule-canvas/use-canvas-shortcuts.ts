import { useEffect, useRef, type Dispatch, type RefObject, type SetStateAction } from 'react';
import type { Edge } from '@xyflow/react';
import { freshNodeId, type RuleCanvasNode } from './flow-model';
import type { CanvasSnapshot } from './use-undo-history';

/**
 * Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl/⌘+Y redo, Ctrl/⌘+C / V copy and paste the selected steps
 * (with the connections between them, under fresh ids, offset so the copy is seen). Keys typed into
 * a field, or outside the canvas, are left alone. Delete/Backspace is React Flow's own deleteKeyCode.
 */
export function useCanvasShortcuts(input: {
  wrapper: RefObject<HTMLDivElement | null>;
  readOnly: boolean | undefined;
  nodes: RuleCanvasNode[];
  edges: Edge[];
  setNodes: Dispatch<SetStateAction<RuleCanvasNode[]>>;
  setEdges: Dispatch<SetStateAction<Edge[]>>;
  history: { remember: () => void; undo: () => void; redo: () => void };
}) {
  const clipboard = useRef<CanvasSnapshot | null>(null);
  const { wrapper, readOnly, nodes, edges, setNodes, setEdges, history } = input;
  const { remember, undo, redo } = history;

  useEffect(() => {
    function paste(copied: CanvasSnapshot) {
      remember();
      const taken = new Set(nodes.map((n) => n.id));
      const renamed = new Map<string, string>();
      for (const node of copied.nodes) {
        const id = freshNodeId(node.id.replace(/-\d+$/, ''), taken);
        taken.add(id);
        renamed.set(node.id, id);
      }
      setNodes((current) => [
        ...current.map((n) => ({ ...n, selected: false })),
        ...copied.nodes.map((n) => ({
          ...n,
          id: renamed.get(n.id)!,
          position: { x: n.position.x + 40, y: n.position.y + 40 },
          data: { rule: structuredClone(n.data.rule) },
          selected: true,
        })),
      ]);
      setEdges((current) => [
        ...current,
        ...copied.edges.map((e) => ({
          ...e,
          id: `${renamed.get(e.source)}:${e.sourceHandle ?? 'next'}->${renamed.get(e.target)}`,
          source: renamed.get(e.source)!,
          target: renamed.get(e.target)!,
        })),
      ]);
    }

    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (target && (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.isContentEditable))
        return;
      if (!wrapper.current?.contains(target) && target !== globalThis.document.body) return;
      const mod = event.metaKey || event.ctrlKey;
      if (!mod || readOnly) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else if (key === 'c') {
        const ids = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
        clipboard.current = {
          nodes: nodes.filter((n) => ids.has(n.id)),
          edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
        };
      } else if (key === 'v' && clipboard.current) paste(clipboard.current);
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wrapper, nodes, edges, setNodes, setEdges, undo, redo, remember, readOnly]);
}
