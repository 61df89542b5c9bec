import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
  toCanvas,
  toRuleFlow,
  type PaletteItem,
  type RuleCanvasNode,
} from './flow-model';
import { HideButton, Inspector } from './inspector';
import { CanvasInfo, nodeTypes } from './nodes';
import { Palette, usePaletteDrop } from './palette';
import { useCanvasShortcuts } from './use-canvas-shortcuts';
import { useUndoHistory } from './use-undo-history';
import { ROOMY_WIDTH, useRememberedPanel } from './use-remembered-panel';
import { useNarrowWindow } from './use-narrow-window';

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

export type RuleEditorProps = {
  flow: RuleFlow;
  context: ValidationContext;
  /** Called with the current document whenever it changes (the page saves and dry-runs it). */
  onFlowChange: (flow: RuleFlow) => void;
  readOnly?: boolean;
  /**
   * Set while the admin is publishing: every step shows its problems in full, the ones just dropped
   * and not set up yet too.
   */
  revealAllIssues?: boolean;
};

const paletteOpenByDefault = (width: number) => width >= ROOMY_WIDTH;
const inspectorOpenByDefault = () => true;

function Editor({ flow, context, onFlowChange, readOnly, revealAllIssues }: RuleEditorProps) {
  const initial = useMemo(() => toCanvas(flow), [flow]);
  const [nodes, setNodes] = useState<RuleCanvasNode[]>(initial.nodes);
  const [edges, setEdges] = useState<Edge[]>(initial.edges);
  const [refusal, setRefusal] = useState<string | null>(null);
  // Steps dropped from the palette and not edited since: a fresh step has every problem a step can have,
  // and listing them all on the node made it grow over its neighbours and the minimap. It says "needs
  // setting up" until the admin edits it (the inspector lists the problems meanwhile) or publishes.
  const [notSetUp, setNotSetUp] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (revealAllIssues) setNotSetUp(new Set());
  }, [revealAllIssues]);
  const [paletteOpen, setPaletteOpen] = useRememberedPanel('palette', paletteOpenByDefault);
  const [inspectorOpen, setInspectorOpen] = useRememberedPanel('inspector', inspectorOpenByDefault);
  // Below ROOMY_WIDTH the inspector floats over the canvas while a step is selected, not beside it.
  const narrow = useNarrowWindow(ROOMY_WIDTH);
  // The window's width, and the panels' remembered choices, are known only once the browser runs this:
  // until then (the server's HTML) a narrow window shows the canvas alone (styles: .rule-editor.undecided).
  const [decided, setDecided] = useState(false);
  useEffect(() => setDecided(true), []);
  const [peekAtFlow, setPeekAtFlow] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const { fitView, getViewport } = useReactFlow();
  const meta = useMemo(() => {
    const { nodes: _n, edges: _e, ...rest } = flow;
    return rest;
  }, [flow]);

  const document = useMemo(() => toRuleFlow(meta, nodes, edges), [meta, nodes, edges]);
  // What validation and the connection rules read: the steps and edges, not where the steps sit. A drag
  // moves one step per frame; keeping this (and so the issues and the node boxes' context) as it was
  // spares 200 boxes re-rendering and the whole flow being re-validated on every frame.
  const steps = useSameSteps(nodes);
  const structure = useMemo(() => toRuleFlow(meta, steps, edges), [meta, steps, edges]);
  const issues = useMemo(
    () => [...validateFlow(structure, context), ...stepsNotCarriedOut(structure, context)],
    [structure, context],
  );
  const issuesByNode = useMemo(() => {
    const map = new Map<string, typeof issues>();
    for (const issue of issues)
      if (issue.nodeId) map.set(issue.nodeId, [...(map.get(issue.nodeId) ?? []), issue]);
    return map;
  }, [issues]);
  const info = useMemo(
    () => ({ issues: issuesByNode, names: context, notSetUp }),
    [issuesByNode, context, notSetUp],
  );

  useEffect(() => onFlowChange(document), [document, onFlowChange]);

  const history = useUndoHistory({ nodes, edges }, setNodes, setEdges);
  const { remember, undo, redo } = history;
  useCanvasShortcuts({ wrapper, readOnly, nodes, edges, setNodes, setEdges, history });

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
    (connection: Connection | Edge) => canConnect(structure, connection).ok,
    [structure],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const verdict = canConnect(structure, connection);
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
    [structure, remember],
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
      const verdict = canConnect(structure, {
        source: fromSource ? state.fromNode.id : targetId,
        sourceHandle: fromSource ? state.fromHandle.id : null,
        target: fromSource ? targetId : state.fromNode.id,
        targetHandle: fromSource ? targetHandle : 'in',
      });
      setRefusal(verdict.ok ? null : verdict.reason);
    },
    [structure],
  );

  const addStep = useCallback(
    (item: PaletteItem, position?: { x: number; y: number }) => {
      remember();
      setNodes((current) => {
        const taken = new Set(current.map((n) => n.id));
        const node = item.create();
        const id = freshNodeId(item.group === 'condition' ? `if-${item.key}` : item.key, taken);
        setNotSetUp((fresh) => new Set(fresh).add(id));
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

  const { onDrop, onDragOver } = usePaletteDrop(addStep, readOnly);

  const selected = nodes.filter((n) => n.selected);
  const selectedNode =
    selected.length === 1 ? document.nodes.find((n) => n.id === selected[0]!.id) : undefined;

  // A peek at the flow's own problems (narrow windows) ends when the admin picks a step or lets go of one.
  const selectedId = selectedNode?.id;
  useEffect(() => setPeekAtFlow(false), [selectedId]);
  const showInspector = inspectorOpen && (!narrow || !!selectedNode || peekAtFlow);
  // The canvas's width changes when a panel folds or unfolds beside it (and once in the browser, when the
  // remembered choices are applied after the server's first render): the flow is fitted to the new room,
  // or at 1024 px it stays drawn for the 200 px the canvas had before the palette folded away.
  // The fit waits for the canvas's new size (React Flow reads it from its own resize observer).
  const besideCanvas = `${paletteOpen}:${showInspector && !narrow}:${narrow}`;
  const refitOnResize = useRef(true);
  useEffect(() => {
    refitOnResize.current = true;
  }, [besideCanvas]);
  useEffect(() => {
    const canvas = wrapper.current;
    if (!canvas) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      if (!refitOnResize.current) return;
      refitOnResize.current = false;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView({ padding: FIT_PADDING }));
    });
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [fitView]);

  const updateNodeData = useCallback(
    (id: string, data: FlowNode['data']) => {
      remember();
      setNotSetUp((fresh) => {
        if (!fresh.has(id)) return fresh;
        const rest = new Set(fresh);
        rest.delete(id);
        return rest;
      });
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

  const errorCount = issues.filter((i) => i.severity === 'error').length;
  const warningCount = issues.length - errorCount;
  return (
    <CanvasInfo.Provider value={info}>
      <div
        className={`rule-editor${narrow ? ' narrow' : ''}${decided ? '' : ' undecided'}`}
        data-testid="rule-editor"
      >
        {!readOnly ? (
          <Palette onAdd={(item) => addStep(item)} open={paletteOpen} onOpenChange={setPaletteOpen} />
        ) : null}
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
            onDragOver={onDragOver}
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
        {/* Narrow, the rail stays in its place under the floating inspector: selecting a step does not
            resize the canvas under the admin's hand. */}
        {!showInspector || narrow ? (
          <aside className="panel-rail" aria-label="Selected step" data-testid="inspector-rail">
            <button
              type="button"
              className="rail-button"
              aria-expanded={false}
              onClick={() => {
                setInspectorOpen(true);
                setPeekAtFlow(!selectedNode);
              }}
              data-testid="show-inspector"
              title={selectedNode ? 'Show the selected step’s settings' : 'Show the problems of the flow'}
            >
              {selectedNode ? 'Step settings' : 'Flow problems'}
            </button>
          </aside>
        ) : null}
        {!showInspector ? null : selectedNode && !readOnly ? (
          <Inspector
            node={selectedNode}
            choices={context}
            issues={issuesByNode.get(selectedNode.id) ?? []}
            onChange={(data) => updateNodeData(selectedNode.id, data)}
            onDelete={deleteSelected}
            onHide={() => setInspectorOpen(false)}
          />
        ) : (
          <aside className="inspector empty-inspector" aria-label="Selected step" data-testid="inspector">
            <div className="panel-head">
              <p className="small muted">Select a step to edit its settings.</p>
              <HideButton
                onHide={() => {
                  if (narrow) setPeekAtFlow(false);
                  else setInspectorOpen(false);
                }}
              />
            </div>
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

/**
 * `nodes` itself while a step was added, removed, re-typed or edited (or the order changed); the array
 * seen before while only positions, sizes or selection changed.
 */
function useSameSteps(nodes: RuleCanvasNode[]): RuleCanvasNode[] {
  const [steps, setSteps] = useState(nodes);
  if (steps !== nodes && !sameSteps(steps, nodes)) {
    setSteps(nodes);
    return nodes;
  }
  return steps;
}

function sameSteps(a: RuleCanvasNode[], b: RuleCanvasNode[]): boolean {
  return (
    a.length === b.length &&
    a.every((node, i) => node.id === b[i]!.id && node.type === b[i]!.type && node.data === b[i]!.data)
  );
}

export function RuleEditor(props: RuleEditorProps) {
  return (
    <ReactFlowProvider>
      <Editor {...props} />
    </ReactFlowProvider>
  );
}
