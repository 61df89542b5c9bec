// Settings of the triggers that have any; the others ("Person matched", "Hired", …) have none.
import { OUTREACH_EVENTS, type TriggerData } from '../../../../rules';
import { Row, StagePicker, type FieldsProps } from './pickers';

type Of<K extends TriggerData['kind']> = Extract<TriggerData, { kind: K }>;

export function ScoreCrossedFields({ data, onChange, fields }: FieldsProps<Of<'scoreCrossed'>>) {
  return (
    <>
      <Row fields={fields} field="threshold">
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          value={data.threshold}
          // A cleared box keeps the last number: a draft always holds one (validation judges its range).
          onChange={(e) =>
            Number.isFinite(e.target.valueAsNumber) &&
            onChange({ ...data, threshold: e.target.valueAsNumber })
          }
        />
      </Row>
      <Row fields={fields} field="direction">
        <select
          value={data.direction}
          onChange={(e) => onChange({ ...data, direction: e.target.value as typeof data.direction })}
        >
          <option value="rises">rises to it or above</option>
          <option value="falls">falls below it</option>
          <option value="either">crosses it either way</option>
        </select>
      </Row>
    </>
  );
}

export function ApprovalDecidedFields({ data, onChange, fields }: FieldsProps<Of<'approvalDecided'>>) {
  return (
    <Row fields={fields} field="outcome">
      <select
        value={data.outcome}
        onChange={(e) => onChange({ ...data, outcome: e.target.value as typeof data.outcome })}
      >
        <option value="either">approves or declines</option>
        <option value="approved">approves</option>
        <option value="rejected">declines</option>
      </select>
    </Row>
  );
}

const OUTREACH_WORDS: Record<(typeof OUTREACH_EVENTS)[number], string> = {
  addedToSequence: 'Added to a sequence',
  replied: 'Replied',
  repliedInterested: 'Replied and interested',
};

export function OutreachEventFields({ data, onChange, fields }: FieldsProps<Of<'outreachEvent'>>) {
  const spec = fields.find((f) => f.key === 'events');
  return (
    <fieldset className="inspector-row">
      <legend>{spec?.label ?? 'Outreach events'}</legend>
      {OUTREACH_EVENTS.map((event) => (
        <label key={event} className="check">
          <input
            type="checkbox"
            checked={data.events.includes(event)}
            onChange={(e) =>
              onChange({
                ...data,
                events: e.target.checked ? [...data.events, event] : data.events.filter((x) => x !== event),
              })
            }
          />{' '}
          {OUTREACH_WORDS[event]}
        </label>
      ))}
      {spec?.help ? <small className="muted">{spec.help}</small> : null}
    </fieldset>
  );
}

export function StageChangedFields({ data, onChange, choices, fields }: FieldsProps<Of<'stageChanged'>>) {
  return (
    <>
      <Row fields={fields} field="from">
        <StagePicker
          value={data.from}
          onChange={(from) => onChange({ ...data, from })}
          choices={choices}
          allowAny="any stage"
        />
      </Row>
      <Row fields={fields} field="to">
        <StagePicker
          value={data.to}
          onChange={(to) => onChange({ ...data, to })}
          choices={choices}
          allowAny="any stage"
        />
      </Row>
    </>
  );
}
