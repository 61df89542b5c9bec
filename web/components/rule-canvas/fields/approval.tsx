// "Request approval": who decides, how long they have, and what happens when nobody does.
import type { ActionOf } from '../../../../rules';
import { ApproverPicker, DurationPicker, Row, type FieldsProps } from './pickers';

export function RequestApprovalFields({
  data,
  onChange,
  choices,
  fields,
}: FieldsProps<ActionOf<'requestApproval'>>) {
  return (
    <>
      <Row fields={fields} field="approver">
        <ApproverPicker
          value={data.approver}
          onChange={(approver) => onChange({ ...data, approver })}
          choices={choices}
          empty="Choose who decides…"
        />
      </Row>
      <Row fields={fields} field="timeout">
        <DurationPicker value={data.timeout} onChange={(timeout) => onChange({ ...data, timeout })} />
      </Row>
      <Row fields={fields} field="onTimeout">
        <select
          value={data.onTimeout.then}
          onChange={(e) => {
            const then = e.target.value as 'approve' | 'reject' | 'escalate';
            onChange({
              ...data,
              onTimeout:
                then === 'escalate' ? { then, to: { kind: 'hiringTeam', role: 'hiringManager' } } : { then },
            });
          }}
        >
          <option value="escalate">ask someone else</option>
          <option value="approve">approve automatically</option>
          <option value="reject">decline automatically</option>
        </select>
      </Row>
      {data.onTimeout.then === 'escalate' ? (
        <Row fields={fields} field="onTimeout.to">
          <ApproverPicker
            value={data.onTimeout.to}
            onChange={(to) => onChange({ ...data, onTimeout: { then: 'escalate', to } })}
            choices={choices}
          />
        </Row>
      ) : null}
    </>
  );
}
