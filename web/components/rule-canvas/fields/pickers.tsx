// The inputs several step kinds share: a labelled row, and pickers for a stage, a duration and an approver.
import type { ReactNode } from 'react';
import {
  DURATION_UNITS,
  HIRING_TEAM_ROLES,
  type Approver,
  type Duration,
  type HiringTeamRole,
  type InspectorField,
  type StageMapping,
  type StageRef,
  type ValidationContext,
} from '../../../../rules';

export type InspectorChoices = Pick<
  ValidationContext,
  | 'greenhouseStages'
  | 'stageMapping'
  | 'stageSuggestions'
  | 'users'
  | 'rejectionReasons'
  | 'prospectPools'
  | 'requirementNames'
  | 'otherJobs'
>;

/** What every kind's fields component receives: its node data, a setter, the job's choices. */
export type FieldsProps<Data> = {
  data: Data;
  onChange: (data: Data) => void;
  choices: InspectorChoices;
  /** The registry's inspector fields of this kind, by key. */
  fields: readonly InspectorField[];
};

/** The registry's words for a field; the key itself only if the registry forgot one (a test guards that). */
export function fieldLabel(fields: readonly InspectorField[], key: string): string {
  return fields.find((f) => f.key === key)?.label ?? key;
}

export function Row({
  fields,
  field,
  children,
}: {
  fields: readonly InspectorField[];
  field: string;
  children: ReactNode;
}) {
  const spec = fields.find((f) => f.key === field);
  return (
    <label className="inspector-row">
      <span>{spec?.label ?? field}</span>
      {children}
      {spec?.help ? <small className="muted">{spec.help}</small> : null}
    </label>
  );
}

function stageValue(ref: StageRef | null): string {
  if (!ref) return '';
  return ref.kind === 'mapped' ? `mapped:${ref.pipelineStage}` : `greenhouse:${ref.stageId}`;
}

function parseStage(value: string): StageRef | null {
  if (value.startsWith('mapped:')) return { kind: 'mapped', pipelineStage: value.slice(7) };
  if (value.startsWith('greenhouse:')) return { kind: 'greenhouse', stageId: Number(value.slice(11)) };
  return null;
}

/**
 * A stage is either one of this job's Greenhouse interview stages, or a Pilothouse stage ("Exported")
 * that the job's saved stage mapping points at a Greenhouse one: two lists, never one mixed list. A
 * Pilothouse stage says where its saved link leads, or that it has none yet — naming the Stage mapping
 * page's suggestion, which does not count until an admin saves it.
 */
export function StagePicker({
  value,
  onChange,
  choices,
  allowAny,
}: {
  value: StageRef | null;
  onChange: (v: StageRef | null) => void;
  choices: InspectorChoices;
  allowAny?: string;
}) {
  const mapping = choices.stageMapping;
  const stageName = (from: StageMapping | null | undefined, key: string) => {
    const id = from?.links.find((l) => l.pipelineStage === key)?.greenhouseStageId ?? null;
    return id === null ? null : (choices.greenhouseStages.find((s) => s.id === id)?.name ?? null);
  };
  const describe = (p: { key: string; label: string }) => {
    const target = stageName(mapping, p.key);
    if (target) return `${p.label} → ${target}`;
    const suggested = stageName(choices.stageSuggestions, p.key);
    return suggested ? `${p.label}, not saved (suggests ${suggested})` : `${p.label} (not linked yet)`;
  };
  return (
    <select
      value={stageValue(value)}
      onChange={(e) => onChange(parseStage(e.target.value))}
      data-testid="stage-picker"
    >
      <option value="">{allowAny ?? 'Choose a stage…'}</option>
      <optgroup label="Greenhouse stages of this job">
        {choices.greenhouseStages.map((s) => (
          <option key={s.id} value={`greenhouse:${s.id}`}>
            {s.name}
            {s.active ? '' : ' (inactive)'}
          </option>
        ))}
      </optgroup>
      <optgroup label="Pilothouse stages, through the saved stage mapping">
        {(mapping?.pipelineStages ?? []).map((p) => (
          <option key={p.key} value={`mapped:${p.key}`}>
            {describe(p)}
          </option>
        ))}
      </optgroup>
    </select>
  );
}

export function DurationPicker({ value, onChange }: { value: Duration; onChange: (v: Duration) => void }) {
  return (
    <span className="inline-inputs">
      <input
        type="number"
        min={1}
        value={value.amount}
        onChange={(e) => onChange({ ...value, amount: Number(e.target.value) })}
        aria-label="Amount"
      />
      <select
        value={value.unit}
        onChange={(e) => onChange({ ...value, unit: e.target.value as Duration['unit'] })}
        aria-label="Unit"
      >
        {DURATION_UNITS.map((u) => (
          <option key={u}>{u}</option>
        ))}
      </select>
    </span>
  );
}

const ROLE_WORDS: Record<HiringTeamRole, string> = {
  recruiter: "the job's recruiter",
  coordinator: "the job's coordinator",
  hiringManager: "the job's hiring manager",
  sourcer: "the job's sourcer",
};

export function ApproverPicker({
  value,
  onChange,
  choices,
  empty,
}: {
  value: Approver | null;
  onChange: (v: Approver | null) => void;
  choices: InspectorChoices;
  empty?: string;
}) {
  const current = value === null ? '' : value.kind === 'user' ? `user:${value.userId}` : `role:${value.role}`;
  return (
    <select
      value={current}
      onChange={(e) => {
        const v = e.target.value;
        onChange(
          v.startsWith('user:')
            ? { kind: 'user', userId: Number(v.slice(5)) }
            : v.startsWith('role:')
              ? { kind: 'hiringTeam', role: v.slice(5) as HiringTeamRole }
              : null,
        );
      }}
    >
      <option value="">{empty ?? 'Choose who…'}</option>
      <optgroup label="The job's hiring team">
        {HIRING_TEAM_ROLES.map((role) => (
          <option key={role} value={`role:${role}`}>
            {ROLE_WORDS[role]}
          </option>
        ))}
      </optgroup>
      <optgroup label="Greenhouse users">
        {choices.users.map((u) => (
          <option key={u.id} value={`user:${u.id}`} disabled={u.disabled}>
            {u.name}
          </option>
        ))}
      </optgroup>
    </select>
  );
}
