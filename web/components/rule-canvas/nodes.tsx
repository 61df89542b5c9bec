import { createContext, memo, useContext } from 'react';
import { Handle, Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import {
  describeNode,
  sourceHandlesOf,
  TARGET_HANDLE,
  type FlowNode,
  type Names,
  type ValidationIssue,
} from '../../../rules';
import type { RuleCanvasNode } from './flow-model';

/** Validation issues and names for the node boxes, shared through context so nodes stay memoized. */
export const CanvasInfo = createContext<{
  issues: Map<string, ValidationIssue[]>;
  names: Names;
  /** Steps just dropped and not edited yet: one "needs setting up" line instead of their problems. */
  notSetUp: ReadonlySet<string>;
}>({
  issues: new Map(),
  names: {},
  notSetUp: new Set(),
});

const TYPE_WORD = { trigger: 'Trigger', condition: 'Condition', action: 'Action' } as const;

function RuleNodeBox({ id, type, data, selected }: NodeProps<RuleCanvasNode>) {
  const { issues, names, notSetUp } = useContext(CanvasInfo);
  const node = { id, type, position: { x: 0, y: 0 }, data: data.rule } as FlowNode;
  const own = issues.get(id) ?? [];
  const errors = own.filter((i) => i.severity === 'error');
  const exits = sourceHandlesOf(node);
  const kind = 'kind' in data.rule ? data.rule.kind : 'condition';
  const needsSettingUp = own.length > 0 && notSetUp.has(id);
  const state = needsSettingUp
    ? ' needs-setting-up'
    : errors.length
      ? ' has-error'
      : own.length
        ? ' has-warning'
        : '';
  return (
    <div
      className={`rule-node rule-node-${type}${selected ? ' selected' : ''}${state}`}
      data-testid={`node-${kind}`}
      data-node-kind={kind}
    >
      {type !== 'trigger' ? <Handle type="target" position={Position.Top} id={TARGET_HANDLE} /> : null}
      <div className="rule-node-type">{TYPE_WORD[type ?? 'action']}</div>
      <div className="rule-node-text">{data.rule.label || describeNode(node, names)}</div>
      {needsSettingUp ? (
        <p
          className="rule-node-setup"
          data-testid="node-needs-setting-up"
          title={own.map((issue) => issue.message).join('\n')}
        >
          Needs setting up
        </p>
      ) : own.length > 0 ? (
        <ul className="rule-node-issues" data-testid="node-issues">
          {own.slice(0, 2).map((issue, index) => (
            <li key={index} className={issue.severity}>
              {issue.message}
            </li>
          ))}
          {own.length > 2 ? <li className="more">and {own.length - 2} more</li> : null}
        </ul>
      ) : null}
      <div className="rule-node-exits">
        {exits.map((exit, index) => (
          <Handle
            key={exit.id}
            type="source"
            position={Position.Bottom}
            id={exit.id}
            style={{ left: `${((index + 1) / (exits.length + 1)) * 100}%` }}
            className={`exit-${exit.id}`}
            title={exit.label}
          >
            {exits.length > 1 ? <span className="handle-label">{exit.label}</span> : null}
          </Handle>
        ))}
      </div>
    </div>
  );
}

const RuleNode = memo(RuleNodeBox);

export const nodeTypes = {
  trigger: RuleNode,
  condition: RuleNode,
  action: RuleNode,
} satisfies NodeTypes;
