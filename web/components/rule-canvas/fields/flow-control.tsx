// Steps that tell someone or shape the flow itself: notify, wait, stop.
import type { ActionOf } from '../../../../rules';
import { ApproverPicker, DurationPicker, Row, type FieldsProps } from './pickers';

export function NotifyFields({ data, onChange, choices, fields }: FieldsProps<ActionOf<'notify'>>) {
  return (
    <>
      <Row fields={fields} field="channel">
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
          <option value="webhook">Webhook (e.g. Slack)</option>
        </select>
      </Row>
      <Row fields={fields} field="channel.target">
        {data.channel.type === 'webhook' ? (
          <input
            value={data.channel.url}
            placeholder="https://…"
            onChange={(e) => onChange({ ...data, channel: { type: 'webhook', url: e.target.value } })}
          />
        ) : (
          <ApproverPicker
            value={data.channel.to}
            onChange={(to) => onChange({ ...data, channel: { type: 'inApp', to } })}
            choices={choices}
          />
        )}
      </Row>
      <Row fields={fields} field="message">
        <textarea
          rows={2}
          value={data.message}
          onChange={(e) => onChange({ ...data, message: e.target.value })}
        />
      </Row>
    </>
  );
}

export function WaitFields({ data, onChange, fields }: FieldsProps<ActionOf<'wait'>>) {
  return (
    <Row fields={fields} field="duration">
      <DurationPicker value={data.duration} onChange={(duration) => onChange({ ...data, duration })} />
    </Row>
  );
}

export function StopFields({ data, onChange, fields }: FieldsProps<ActionOf<'stop'>>) {
  return (
    <Row fields={fields} field="reason">
      <input
        value={data.reason ?? ''}
        onChange={(e) => onChange({ ...data, reason: e.target.value || undefined })}
      />
    </Row>
  );
}
