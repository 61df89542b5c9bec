// The selected step's settings. Which inputs it shows comes from the node-kind registry (field labels and
// help) and fields/ (one small component per kind); the step is named as people say it, never by its id.
import type { ComponentType } from 'react';
import {
  isConditionGroup,
  registryEntryOf,
  stepName,
  type FlowNode,
  type Names,
  type ValidationIssue,
} from '../../../rules';
import {
  ACTION_FIELDS,
  ConditionLeafFields,
  TRIGGER_FIELDS,
  type FieldsProps,
  type InspectorChoices,
} from './fields';

export type { InspectorChoices } from './fields';

type Props = {
  node: FlowNode;
  choices: InspectorChoices;
  issues: ValidationIssue[];
  onChange: (data: FlowNode['data']) => void;
  onDelete: () => void;
  /** Folds the inspector to its rail (the choice is remembered). */
  onHide: () => void;
};

const GROUP_WORD = { trigger: 'Trigger', condition: 'Condition', action: 'Action' } as const;

function KindFields({ node, choices, onChange }: Pick<Props, 'node' | 'choices' | 'onChange'>) {
  const entry = registryEntryOf(node);
  const common = { choices, fields: entry.fields };
  if (node.type === 'condition') {
    if (isConditionGroup(node.data.when))
      return <p className="small muted">A group of conditions: edit it by importing the flow as a file.</p>;
    return (
      <ConditionLeafFields
        {...common}
        data={node.data.when}
        onChange={(when) => onChange({ ...node.data, when })}
      />
    );
  }
  // The maps are keyed by kind, so the component matches the data's kind; the casts only restate that.
  const Fields = (
    node.type === 'trigger' ? TRIGGER_FIELDS[node.data.kind] : ACTION_FIELDS[node.data.kind]
  ) as ComponentType<FieldsProps<FlowNode['data']>> | null;
  if (!Fields) return <p className="small muted">This step has no settings.</p>;
  return <Fields {...common} data={node.data} onChange={onChange} />;
}

export function Inspector({ node, choices, issues, onChange, onDelete, onHide }: Props) {
  const entry = registryEntryOf(node);
  return (
    <aside className="inspector" aria-label="Selected step" data-testid="inspector">
      <div className="panel-head">
        <p className="small muted">
          {GROUP_WORD[node.type]} · {entry.palette.label}
        </p>
        <HideButton onHide={onHide} />
      </div>
      <h3 data-testid="inspector-step-name">{stepName(node, choices as Names)}</h3>
      <p className="small muted">{entry.palette.description}</p>
      <label className="inspector-row">
        <span>Name on the canvas (optional)</span>
        <input
          value={node.data.label ?? ''}
          onChange={(e) => onChange({ ...node.data, label: e.target.value || undefined } as FlowNode['data'])}
        />
      </label>
      <KindFields node={node} choices={choices} onChange={onChange} />
      {issues.length > 0 ? (
        <ul className="issues">
          {issues.map((issue, index) => (
            <li key={index} className={issue.severity}>
              {issue.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="small text-good">No problems with this step.</p>
      )}
      <button type="button" className="button danger small" onClick={onDelete}>
        Delete step
      </button>
    </aside>
  );
}

export function HideButton({ onHide }: { onHide: () => void }) {
  return (
    <button
      type="button"
      className="button link small"
      aria-expanded={true}
      onClick={onHide}
      data-testid="hide-inspector"
      title="Fold the settings away to give the canvas more room"
    >
      Hide
    </button>
  );
}
