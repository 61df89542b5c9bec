import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type NodeChange,
} from '@xyflow/react';
import {
  canConnect,
  stepsNotCarriedOut,
  validateFlow,
  type FlowNode,
  type RuleFlow,
  type ValidationContext,
} from '../../../rules';
import {
  autoLayout,
  freshNodeId,
  PALETTE,
  toCanvas,
  toRuleFlow,
  type PaletteItem,
  type RuleCanvasNode,
} from './flow-model';
import { Inspector } from './inspector';
import { CanvasInfo, nodeTypes } from './nodes';

const DRAG_TYPE = 'application/x-pilothouse-step';
const HISTORY_LIMIT = 100;
/** The minimap sits in the bottom-right corner (React Flow's 15 px margin), over the flow. */
const MINIMAP = { width: 160, height: 100, margin: 15 };
/**
 * Fitting the view keeps a band along the bottom free for the minimap (and the zoom controls on the
 * left), so after "Zoom to fit" or auto-layout no step lies under them.
 */
const FIT_PADDING = {
  top: '24px',
  left: '24px',
  right: '24px',
  bottom: `${MINIMAP.height + MINIMAP.margin * 2}px`,
} as const;

type Snapshot = { nodes: RuleCanvasNode[]; edges: Edge[] };

export type RuleEditorProps = {
  flow: RuleFlow;
  context: ValidationContext;
  /** Called with the current document whenever it changes (the page saves and dry-runs it). */
  onFlowChange: (flow: RuleFlow) => void;
  readOnly?: boolean;
};

function Palette({ onAdd }: { onAdd: (item: PaletteItem) => void }) {
  const groups = [
    ['trigger', 'Triggers'],
    ['condition', 'Conditions'],
    ['action', 'Actions'],
  ] as const;
  return (
    <aside className="palette" aria-label="Steps to add" data-testid="palette">
      <p className="small muted">Drag a step onto the canvas, or press Enter on it.</p>
      {groups.map(([group, title]) => (
        <section key={group}>
          <h3>{title}</h3>
          {PALETTE.filter((item) => item.group === group).map((item) => (
            <button
              type="button"
              key={item.key}
              className={`palette-item palette-${group}`}
              draggable
              data-testid={`palette-${group}-${item.key}`}
              onDragStart={(event) => {
                event.dataTransfer.setData(DRAG_TYPE, `${group}:${item.key}`);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onClick={() => onAdd(item)}
              title={item.description}
            >
              {item.label}
            </button>
          ))}
        </section>
      ))}
    </aside>
  );
}

function Editor({ flow, context, onFlowChange, readOnly }: RuleEditorProps) {
  const initial = useMemo(() => toCanvas(flow), [flow]);
  const [nodes, setNodes] = useState<RuleCanvasNode[]>(initial.nodes);
  const [edges, setEdges] = useState<Edge[]>(initial.edges);
  const [refusal, setRefusal] = useState<string | null>(null);
  const past = useRef<Snapshot[]>([]);
  const future = useRef<Snapshot[]>([]);
  const clipboard = useRef<Snapshot | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const { screenToFlowPosition, fitView, getViewport } = useReactFlow();
  const meta = useMemo(() => {
    const { nodes: _n, edges: _e, ...rest } = flow;
    return rest;
  }, [flow]);

  const document = useMemo(() => toRuleFlow(meta, nodes, edges), [meta, nodes, edges]);
  const issues = useMemo(
    () => [...validateFlow(document, context), ...stepsNotCarriedOut(document, context)],
    [document, context],
  );
  const issuesByNode = useMemo(() => {
    const map = new Map<string, typeof issues>();
    for (const issue of issues)
      if (issue.nodeId) map.set(issue.nodeId, [...(map.get(issue.nodeId) ?? []), issue]);
    return map;
  }, [issues]);
  const info = useMemo(() => ({ issues: issuesByNode, names: context }), [issuesByNode, context]);

  useEffect(() => onFlowChange(document), [document, onFlowChange]);

  // Undo history: a snapshot before each change that means something (not every drag frame).
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
  }, [nodes, edges]);

  const redo = useCallback(() => {
    const next = future.current.pop();
    if (!next) return;
    past.current.push({ nodes, edges });
    setNodes(next.nodes);
    setEdges(next.edges);
  }, [nodes, edges]);

  const onNodesChange = useCallback(
    (changes: NodeChange<RuleCanvasNode>[]) => {
      if (readOnly)
        return setNodes((current) =>
          applyNodeChanges(
            changes.filter((c) => c.type === 'select' || c.type === 'dimensions'),
            current,
          ),
        );
      if (changes.some((c) => c.type === 'remove' || (c.type === 'position' && c.dragging === false)))
        remember();
      setNodes((current) => applyNodeChanges(changes, current));
    },
    [remember, readOnly],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      if (readOnly) return;
      if (changes.some((c) => c.type === 'remove')) remember();
      setEdges((current) => applyEdgeChanges(changes, current));
    },
    [remember, readOnly],
  );

  const isValidConnection = useCallback(
    (connection: Connection | Edge) => canConnect(document, connection).ok,
    [document],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const verdict = canConnect(document, connection);
      if (!verdict.ok) return setRefusal(verdict.reason);
      remember();
      setRefusal(null);
      setEdges((current) =>
        addEdge(
          {
            ...connection,
            id: `${connection.source}:${connection.sourceHandle ?? 'next'}->${connection.target}`,
            label:
              connection.sourceHandle && connection.sourceHandle !== 'next'
                ? connection.sourceHandle
                : undefined,
          },
          current,
        ),
      );
    },
    [document, remember],
  );

  // A refused drag says why, next to the canvas: dropped on a handle, or on a node's body.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || !state.fromHandle) return;
      let targetId = state.toNode?.id ?? null;
      let targetHandle = state.toHandle?.id ?? 'in';
      if (!targetId) {
        const point = 'changedTouches' in event ? event.changedTouches[0] : event;
        const element = point ? globalThis.document.elementFromPoint(point.clientX, point.clientY) : null;
        targetId = element?.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
        targetHandle = 'in';
      }
      if (!targetId || targetId === state.fromNode.id) return;
      const fromSource = state.fromHandle.type === 'source';
      const verdict = canConnect(document, {
        source: fromSource ? state.fromNode.id : targetId,
        sourceHandle: fromSource ? state.fromHandle.id : null,
        target: fromSource ? targetId : state.fromNode.id,
        targetHandle: fromSource ? targetHandle : 'in',
      });
      setRefusal(verdict.ok ? null : verdict.reason);
    },
    [document],
  );

  const addStep = useCallback(
    (item: PaletteItem, position?: { x: number; y: number }) => {
      remember();
      setNodes((current) => {
        const taken = new Set(current.map((n) => n.id));
        const node = item.create();
        const id = freshNodeId(item.group === 'condition' ? `if-${item.key}` : item.key, taken);
        const at =
          position ??
          (() => {
            const box = wrapper.current?.getBoundingClientRect();
            const view = getViewport();
            return box
              ? {
                  x: (box.width / 2 - view.x) / view.zoom - 120,
                  y: (box.height / 2 - view.y) / view.zoom - 40,
                }
              : { x: 0, y: 0 };
          })();
        return [
          ...current.map((n) => (n.selected ? { ...n, selected: false } : n)),
          {
            id,
            type: node.type,
            position: at,
            data: { rule: node.data },
            selected: true,
          },
        ];
      });
    },
    [remember, getViewport],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const ref = event.dataTransfer.getData(DRAG_TYPE);
      const item = PALETTE.find((p) => `${p.group}:${p.key}` === ref);
      if (!item || readOnly) return;
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addStep(item, { x: position.x - 120, y: position.y - 30 });
    },
    [screenToFlowPosition, addStep, readOnly],
  );

  const selected = nodes.filter((n) => n.selected);
  const selectedNode =
    selected.length === 1 ? document.nodes.find((n) => n.id === selected[0]!.id) : undefined;

  const updateNodeData = useCallback(
    (id: string, data: FlowNode['data']) => {
      remember();
      setNodes((current) => current.map((n) => (n.id === id ? { ...n, data: { rule: data } } : n)));
    },
    [remember],
  );

  const deleteSelected = useCallback(() => {
    const ids = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
    if (ids.size === 0) return;
    remember();
    setNodes((current) => current.filter((n) => !ids.has(n.id)));
    setEdges((current) => current.filter((e) => !ids.has(e.source) && !ids.has(e.target)));
  }, [nodes, remember]);

  const layout = useCallback(() => {
    remember();
    setNodes((current) => autoLayout(current, edges));
    requestAnimationFrame(() => void fitView({ padding: FIT_PADDING, duration: 200 }));
  }, [edges, fitView, remember]);

  // Keyboard: undo/redo, copy/paste; Delete/Backspace is React Flow's own deleteKeyCode.
  useEffect(() => {
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
      } else if (key === 'v' && clipboard.current) {
        const copied = clipboard.current;
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
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nodes, edges, undo, redo, remember, readOnly]);

  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const warningCount = issues.length - errorCount;
  return (
    <CanvasInfo.Provider value={info}>
      <div className="rule-editor">
        {!readOnly ? <Palette onAdd={(item) => addStep(item)} /> : null}
        <div className="canvas-column">
          <div className="canvas-toolbar" role="toolbar" aria-label="Canvas">
            <button
              type="button"
              className="button small"
              onClick={undo}
              title="Undo (Ctrl+Z)"
              data-testid="undo"
            >
              Undo
            </button>
            <button
              type="button"
              className="button small"
              onClick={redo}
              title="Redo (Ctrl+Shift+Z)"
              data-testid="redo"
            >
              Redo
            </button>
            <button type="button" className="button small" onClick={layout} data-testid="auto-layout">
              Auto-layout
            </button>
            <button
              type="button"
              className="button small"
              onClick={() => void fitView({ padding: FIT_PADDING, duration: 200 })}
            >
              Zoom to fit
            </button>
            <button
              type="button"
              className="button small"
              onClick={deleteSelected}
              disabled={selected.length === 0}
            >
              Delete selected
            </button>
            <span className="small" data-testid="validation-summary" data-errors={errorCount}>
              {errorCount === 0 && warningCount === 0
                ? '✓ No problems'
                : `${errorCount} error${errorCount === 1 ? '' : 's'}, ${warningCount} warning${warningCount === 1 ? '' : 's'}`}
            </span>
          </div>
          <div
            className="canvas"
            ref={wrapper}
            onDragOver={(e) => e.preventDefault()}
            onDrop={onDrop}
            data-testid="rule-canvas"
          >
            {/* Over the top of the canvas, not above it: a refusal must not move what the hand is on. */}
            {refusal ? (
              <p className="notice error connection-refused" role="alert" data-testid="connection-refused">
                Cannot connect: {refusal}{' '}
                <button type="button" className="button link" onClick={() => setRefusal(null)}>
                  Dismiss
                </button>
              </p>
            ) : null}
            <ReactFlow<RuleCanvasNode>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onConnectEnd={onConnectEnd}
              isValidConnection={isValidConnection}
              deleteKeyCode={readOnly ? null : ['Backspace', 'Delete']}
              fitView
              fitViewOptions={{ padding: FIT_PADDING }}
              minZoom={0.1}
              nodesConnectable={!readOnly}
              nodesDraggable={!readOnly}
              proOptions={{ hideAttribution: true }}
            >
              <Background gap={16} />
              <MiniMap
                pannable
                zoomable
                ariaLabel="Overview of the flow"
                style={{ width: MINIMAP.width, height: MINIMAP.height }}
              />
              <Controls showInteractive={false} />
            </ReactFlow>
          </div>
        </div>
        {selectedNode && !readOnly ? (
          <Inspector
            node={selectedNode}
            choices={context}
            issues={issuesByNode.get(selectedNode.id) ?? []}
            onChange={(data) => updateNodeData(selectedNode.id, data)}
            onDelete={deleteSelected}
          />
        ) : (
          <aside className="inspector empty-inspector" aria-label="Selected step">
            <p className="small muted">Select a step to edit its settings.</p>
            <ul className="issues" data-testid="flow-issues">
              {issues
                .filter((i) => !i.nodeId)
                .map((issue, index) => (
                  <li key={index} className={issue.severity}>
                    {issue.message}
                  </li>
                ))}
            </ul>
          </aside>
        )}
      </div>
    </CanvasInfo.Provider>
  );
}

export function RuleEditor(props: RuleEditorProps) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}
