import type { ReactNode } from 'react';
import {
  CONDITION_FIELD_CATALOGUE,
  CONDITION_FIELDS,
  DURATION_UNITS,
  HIRING_TEAM_ROLES,
  isConditionGroup,
  NOTE_VISIBILITIES,
  OUTREACH_EVENTS,
  PRESENCE_VALUES,
  REQUIREMENT_LEVELS,
  type ActionData,
  type Approver,
  type ConditionField,
  type ConditionLeaf,
  type Duration,
  type FlowNode,
  type StageRef,
  type TriggerData,
  type ValidationContext,
  type ValidationIssue,
} from '../../../rules';

export type InspectorChoices = Pick<
  ValidationContext,
  'greenhouseStages' | 'stageMapping' | 'users' | 'rejectionReasons' | 'prospectPools' | 'requirementNames'
>;

type Props = {
  node: FlowNode;
  choices: InspectorChoices;
  issues: ValidationIssue[];
  onChange: (data: FlowNode['data']) => void;
  onDelete: () => void;
};

const OPERATOR_WORDS: Record<string, string> = {
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  is: 'is',
  isNot: 'is not',
  atLeast: 'at least',
  in: 'is one of',
  notIn: 'is none of',
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="inspector-row">
      <span>{label}</span>
      {children}
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

function StagePicker({
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
  return (
    <select
      value={stageValue(value)}
      onChange={(e) => onChange(parseStage(e.target.value))}
      data-testid="stage-picker"
    >
      <option value="">{allowAny ?? 'Choose a stage…'}</option>
      <optgroup label="Pilothouse stages (through the mapping)">
        {(choices.stageMapping?.pipelineStages ?? []).map((p) => (
          <option key={p.key} value={`mapped:${p.key}`}>
            {p.label}
          </option>
        ))}
      </optgroup>
      <optgroup label="Greenhouse stages">
        {choices.greenhouseStages.map((s) => (
          <option key={s.id} value={`greenhouse:${s.id}`}>
            {s.name}
            {s.active ? '' : ' (inactive)'}
          </option>
        ))}
      </optgroup>
    </select>
  );
}

function DurationPicker({ value, onChange }: { value: Duration; onChange: (v: Duration) => void }) {
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

function ApproverPicker({
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
              ? { kind: 'hiringTeam', role: v.slice(5) as Approver extends { role: infer R } ? R : never }
              : null,
        );
      }}
    >
      <option value="">{empty ?? 'Choose who decides…'}</option>
      <optgroup label="The job's hiring team">
        {HIRING_TEAM_ROLES.map((role) => (
          <option key={role} value={`role:${role}`}>
            {role.replace(/([A-Z])/g, ' $1').toLowerCase()}
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

function TriggerFields({
  data,
  onChange,
  choices,
}: {
  data: TriggerData;
  onChange: (d: TriggerData) => void;
  choices: InspectorChoices;
}) {
  switch (data.kind) {
    case 'approvalDecided':
      return (
        <Row label="Outcome">
          <select
            value={data.outcome}
            onChange={(e) => onChange({ ...data, outcome: e.target.value as typeof data.outcome })}
          >
            <option value="either">approved or rejected</option>
            <option value="approved">approved</option>
            <option value="rejected">rejected</option>
          </select>
        </Row>
      );
    case 'outreachEvent':
      return (
        <fieldset className="inspector-row">
          <legend>Events</legend>
          {OUTREACH_EVENTS.map((event) => (
            <label key={event} className="check">
              <input
                type="checkbox"
                checked={data.events.includes(event)}
                onChange={(e) =>
                  onChange({
                    ...data,
                    events: e.target.checked
                      ? [...data.events, event]
                      : data.events.filter((x) => x !== event),
                  })
                }
              />{' '}
              {event}
            </label>
          ))}
        </fieldset>
      );
    case 'stageChanged':
      return (
        <>
          <Row label="From">
            <StagePicker
              value={data.from}
              onChange={(from) => onChange({ ...data, from })}
              choices={choices}
              allowAny="any stage"
            />
          </Row>
          <Row label="To">
            <StagePicker
              value={data.to}
              onChange={(to) => onChange({ ...data, to })}
              choices={choices}
              allowAny="any stage"
            />
          </Row>
        </>
      );
    default:
      return <p className="small muted">This trigger has no settings.</p>;
  }
}

function ConditionFields({
  leaf,
  onChange,
  choices,
}: {
  leaf: ConditionLeaf;
  onChange: (l: ConditionLeaf) => void;
  choices: InspectorChoices;
}) {
  const spec = CONDITION_FIELD_CATALOGUE[leaf.field];
  const list = leaf.op === 'in' || leaf.op === 'notIn';
  let valueInput: ReactNode;
  switch (spec.operand) {
    case 'score':
      valueInput = (
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
      break;
    case 'requirementLevel':
      valueInput = (
        <select
          value={String(leaf.value ?? '')}
          onChange={(e) => onChange({ ...leaf, value: e.target.value })}
        >
          {REQUIREMENT_LEVELS.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      );
      break;
    case 'presence':
      valueInput = list ? (
        <select
          multiple
          value={Array.isArray(leaf.value) ? (leaf.value as string[]) : []}
          onChange={(e) => onChange({ ...leaf, value: [...e.target.selectedOptions].map((o) => o.value) })}
        >
          {PRESENCE_VALUES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      ) : (
        <select
          value={String(leaf.value ?? '')}
          onChange={(e) => onChange({ ...leaf, value: e.target.value })}
        >
          {PRESENCE_VALUES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      valueInput = (
        <select
          value={String(leaf.value)}
          onChange={(e) => onChange({ ...leaf, value: e.target.value === 'true' })}
        >
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      );
      break;
    case 'stage':
      valueInput = (
        <StagePicker
          value={
            !Array.isArray(leaf.value) && leaf.value && typeof leaf.value === 'object' && 'kind' in leaf.value
              ? (leaf.value as StageRef)
              : null
          }
          onChange={(value) => onChange({ ...leaf, value })}
          choices={choices}
        />
      );
      break;
    case 'duration':
      valueInput = (
        <DurationPicker
          value={
            leaf.value && typeof leaf.value === 'object' && 'amount' in leaf.value
              ? (leaf.value as Duration)
              : { amount: 14, unit: 'days' }
          }
          onChange={(value) => onChange({ ...leaf, value })}
        />
      );
      break;
    default:
      valueInput = (
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
  return (
    <>
      <Row label="Field">
        <select
          value={leaf.field}
          onChange={(e) => {
            const field = e.target.value as ConditionField;
            const next = CONDITION_FIELD_CATALOGUE[field];
            onChange({
              field,
              op: next.operators[0]!,
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
        <Row label="Requirement">
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
      <Row label="Compare">
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
      <Row label="Value">{valueInput}</Row>
    </>
  );
}

function ActionFields({
  data,
  onChange,
  choices,
}: {
  data: ActionData;
  onChange: (d: ActionData) => void;
  choices: InspectorChoices;
}) {
  switch (data.kind) {
    case 'exportAsCandidate':
    case 'moveToStage':
      return (
        <Row label="Stage">
          <StagePicker
            value={data.stage}
            onChange={(stage) => onChange({ ...data, stage })}
            choices={choices}
          />
        </Row>
      );
    case 'exportAsProspect': {
      const pool = choices.prospectPools.find((p) => p.id === data.poolId);
      return (
        <>
          <Row label="Prospect pool">
            <select
              value={data.poolId ?? ''}
              onChange={(e) =>
                onChange({
                  ...data,
                  poolId: e.target.value ? Number(e.target.value) : null,
                  poolStageId: null,
                })
              }
            >
              <option value="">No pool (general prospect)</option>
              {choices.prospectPools.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Row>
          {pool ? (
            <Row label="Pool stage">
              <select
                value={data.poolStageId ?? ''}
                onChange={(e) =>
                  onChange({ ...data, poolStageId: e.target.value ? Number(e.target.value) : null })
                }
              >
                <option value="">First stage</option>
                {pool.stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Row>
          ) : null}
        </>
      );
    }
    case 'requestApproval':
      return (
        <>
          <Row label="Who decides">
            <ApproverPicker
              value={data.approver}
              onChange={(approver) => onChange({ ...data, approver })}
              choices={choices}
            />
          </Row>
          <Row label="Wait at most">
            <DurationPicker value={data.timeout} onChange={(timeout) => onChange({ ...data, timeout })} />
          </Row>
          <Row label="Then">
            <select
              value={data.onTimeout.then}
              onChange={(e) => {
                const then = e.target.value as 'approve' | 'reject' | 'escalate';
                onChange({
                  ...data,
                  onTimeout:
                    then === 'escalate'
                      ? { then, to: { kind: 'hiringTeam', role: 'hiringManager' } }
                      : { then },
                });
              }}
            >
              <option value="escalate">escalate</option>
              <option value="approve">approve</option>
              <option value="reject">reject</option>
            </select>
          </Row>
          {data.onTimeout.then === 'escalate' ? (
            <Row label="Escalate to">
              <ApproverPicker
                value={data.onTimeout.to}
                onChange={(to) => onChange({ ...data, onTimeout: { then: 'escalate', to } })}
                choices={choices}
              />
            </Row>
          ) : null}
        </>
      );
    case 'reject':
      return (
        <>
          <Row label="Rejection reason">
            <select
              value={data.rejectionReasonId ?? ''}
              onChange={(e) =>
                onChange({ ...data, rejectionReasonId: e.target.value ? Number(e.target.value) : null })
              }
            >
              <option value="">Choose a reason…</option>
              {choices.rejectionReasons.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </Row>
          <label className="check">
            <input
              type="checkbox"
              checked={data.sendEmail}
              onChange={(e) => onChange({ ...data, sendEmail: e.target.checked })}
            />{' '}
            Send the rejection email
          </label>
        </>
      );
    case 'addNote':
      return (
        <>
          <Row label="Note">
            <textarea
              rows={3}
              value={data.body}
              onChange={(e) => onChange({ ...data, body: e.target.value })}
            />
          </Row>
          <Row label="Visible to">
            <select
              value={data.visibility}
              onChange={(e) => onChange({ ...data, visibility: e.target.value as typeof data.visibility })}
            >
              {NOTE_VISIBILITIES.map((v) => (
                <option key={v}>{v}</option>
              ))}
            </select>
          </Row>
        </>
      );
    case 'tag':
      return (
        <>
          <Row label="Tag">
            <input value={data.tag} onChange={(e) => onChange({ ...data, tag: e.target.value })} />
          </Row>
          <Row label="Where">
            <select
              value={data.where}
              onChange={(e) => onChange({ ...data, where: e.target.value as typeof data.where })}
            >
              <option value="pilothouse">Pilothouse only</option>
              <option value="greenhouse">Greenhouse candidate</option>
            </select>
          </Row>
        </>
      );
    case 'notify':
      return (
        <>
          <Row label="Channel">
            <select
              value={data.channel.type}
              onChange={(e) =>
                onChange({
                  ...data,
                  channel:
                    e.target.value === 'webhook' ? { type: 'webhook', url: '' } : { type: 'inApp', to: null },
                })
              }
            >
              <option value="inApp">In Pilothouse</option>
              <option value="webhook">Webhook</option>
            </select>
          </Row>
          {data.channel.type === 'webhook' ? (
            <Row label="URL">
              <input
                value={data.channel.url}
                onChange={(e) => onChange({ ...data, channel: { type: 'webhook', url: e.target.value } })}
              />
            </Row>
          ) : (
            <Row label="To">
              <ApproverPicker
                value={data.channel.to}
                onChange={(to) => onChange({ ...data, channel: { type: 'inApp', to } })}
                choices={choices}
              />
            </Row>
          )}
          <Row label="Message">
            <textarea
              rows={2}
              value={data.message}
              onChange={(e) => onChange({ ...data, message: e.target.value })}
            />
          </Row>
        </>
      );
    case 'wait':
      return (
        <Row label="Wait for">
          <DurationPicker value={data.duration} onChange={(duration) => onChange({ ...data, duration })} />
        </Row>
      );
    case 'stop':
      return (
        <Row label="Reason">
          <input value={data.reason ?? ''} onChange={(e) => onChange({ ...data, reason: e.target.value })} />
        </Row>
      );
    default:
      return <p className="small muted">This step has no settings.</p>;
  }
}

export function Inspector({ node, choices, issues, onChange, onDelete }: Props) {
  return (
    <aside className="inspector" aria-label="Selected step" data-testid="inspector">
      <h3>{node.type === 'trigger' ? 'Trigger' : node.type === 'condition' ? 'Condition' : 'Action'}</h3>
      <p className="small muted">
        <code>{node.id}</code>
      </p>
      <Row label="Label (optional)">
        <input
          value={node.data.label ?? ''}
          onChange={(e) => onChange({ ...node.data, label: e.target.value || undefined } as FlowNode['data'])}
        />
      </Row>
      {node.type === 'trigger' ? (
        <TriggerFields data={node.data} onChange={onChange} choices={choices} />
      ) : node.type === 'condition' ? (
        isConditionGroup(node.data.when) ? (
          <p className="small muted">A group of conditions: edit it by importing the flow as JSON or YAML.</p>
        ) : (
          <ConditionFields
            leaf={node.data.when}
            onChange={(when) => onChange({ ...node.data, when })}
            choices={choices}
          />
        )
      ) : (
        <ActionFields data={node.data} onChange={onChange} choices={choices} />
      )}
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
