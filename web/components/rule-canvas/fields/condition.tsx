// A condition's settings: which fact, how to compare, and the value — the value input follows the fact's
// operand (a score, a stage, a duration…) as the condition field catalogue says.
import type { ReactNode } from 'react';
import {
  CONDITION_FIELD_CATALOGUE,
  CONDITION_FIELDS,
  describePresence,
  describeSource,
  PRESENCE_VALUES,
  SOURCE_VALUES,
  REQUIREMENT_LEVELS,
  type ConditionField,
  type ConditionLeaf,
  type Duration,
  type StageRef,
} from '../../../../rules';
import { DurationPicker, Row, StagePicker, type FieldsProps } from './pickers';

const OPERATOR_WORDS: Record<string, string> = {
  gte: 'at least',
  gt: 'above',
  lte: 'at most',
  lt: 'below',
  is: 'is',
  isNot: 'is not',
  atLeast: 'at least',
  in: 'is one of',
  notIn: 'is none of',
};

const LEVEL_WORDS: Record<string, string> = { met: 'met', partly: 'partly met', notMet: 'not met' };

function ValueInput({ data: leaf, onChange, choices }: FieldsProps<ConditionLeaf>): ReactNode {
  const spec = CONDITION_FIELD_CATALOGUE[leaf.field];
  const list = leaf.op === 'in' || leaf.op === 'notIn';
  switch (spec.operand) {
    case 'score':
      return (
        <input
          type="number"
          min={0}
          max={100}
          value={typeof leaf.value === 'number' ? leaf.value : ''}
          onChange={(e) =>
            onChange({ ...leaf, value: e.target.value === '' ? null : Number(e.target.value) })
          }
          data-testid="condition-value"
        />
      );
    case 'requirementLevel':
      return (
        <select
          value={String(leaf.value ?? '')}
          onChange={(e) => onChange({ ...leaf, value: e.target.value })}
        >
          {REQUIREMENT_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_WORDS[l]}
            </option>
          ))}
        </select>
      );
    case 'source':
    case 'presence': {
      const values = spec.operand === 'source' ? SOURCE_VALUES : PRESENCE_VALUES;
      const describe = spec.operand === 'source' ? describeSource : describePresence;
      return (
        <select
          multiple={list}
          value={
            list ? (Array.isArray(leaf.value) ? (leaf.value as string[]) : []) : String(leaf.value ?? '')
          }
          onChange={(e) =>
            onChange({
              ...leaf,
              value: list ? [...e.target.selectedOptions].map((o) => o.value) : e.target.value,
            })
          }
        >
          {/* A single choice not made yet (or a value typed before the choices existed) shows as not chosen,
              not as the first choice the browser would display. */}
          {!list && !(values as readonly string[]).includes(String(leaf.value)) ? (
            <option value="" disabled>
              (not chosen yet)
            </option>
          ) : null}
          {values.map((p) => (
            <option key={p} value={p}>
              {describe(p)}
            </option>
          ))}
        </select>
      );
    }
    case 'boolean':
      return (
        <select
          value={String(leaf.value)}
          onChange={(e) => onChange({ ...leaf, value: e.target.value === 'true' })}
        >
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      );
    case 'stage': {
      const first = Array.isArray(leaf.value) ? leaf.value[0] : leaf.value;
      const ref = first && typeof first === 'object' && 'kind' in first ? (first as StageRef) : null;
      return (
        <StagePicker
          value={ref}
          onChange={(value) => onChange({ ...leaf, value: list ? (value ? [value] : []) : value })}
          choices={choices}
        />
      );
    }
    case 'duration':
      return (
        <DurationPicker
          value={
            leaf.value && typeof leaf.value === 'object' && 'amount' in leaf.value
              ? (leaf.value as Duration)
              : { amount: 14, unit: 'days' }
          }
          onChange={(value) => onChange({ ...leaf, value })}
        />
      );
    case 'text':
      return (
        <input
          value={
            Array.isArray(leaf.value)
              ? leaf.value.join(', ')
              : typeof leaf.value === 'string'
                ? leaf.value
                : ''
          }
          placeholder={list ? 'comma-separated' : ''}
          onChange={(e) =>
            onChange({
              ...leaf,
              value: list
                ? e.target.value
                    .split(',')
                    .map((s) => s.trim())
                    .filter(Boolean)
                : e.target.value,
            })
          }
        />
      );
  }
}

export function ConditionLeafFields(props: FieldsProps<ConditionLeaf>) {
  const { data: leaf, onChange, choices, fields } = props;
  const spec = CONDITION_FIELD_CATALOGUE[leaf.field];
  return (
    <>
      <Row fields={fields} field="field">
        <select
          value={leaf.field}
          onChange={(e) => {
            const field = e.target.value as ConditionField;
            onChange({
              field,
              op: CONDITION_FIELD_CATALOGUE[field].operators[0]!,
              value: null,
              ...(field === 'requirement' ? { requirement: choices.requirementNames[0] ?? '' } : {}),
            });
          }}
        >
          {CONDITION_FIELDS.map((f) => (
            <option key={f} value={f}>
              {CONDITION_FIELD_CATALOGUE[f].label}
            </option>
          ))}
        </select>
      </Row>
      {leaf.field === 'requirement' ? (
        <Row fields={fields} field="requirement">
          <select
            value={leaf.requirement ?? ''}
            onChange={(e) => onChange({ ...leaf, requirement: e.target.value })}
          >
            <option value="">Choose a must-have…</option>
            {choices.requirementNames.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </Row>
      ) : null}
      <Row fields={fields} field="op">
        <select
          value={leaf.op}
          onChange={(e) => onChange({ ...leaf, op: e.target.value as ConditionLeaf['op'] })}
        >
          {spec.operators.map((op) => (
            <option key={op} value={op}>
              {OPERATOR_WORDS[op] ?? op}
            </option>
          ))}
        </select>
      </Row>
      <Row fields={fields} field="value">
        <ValueInput {...props} />
      </Row>
    </>
  );
}
