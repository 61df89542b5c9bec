// Steps that write to the person's Greenhouse record: move, transfer, make candidate, reject, note, tag.
import { NOTE_VISIBILITIES, type ActionOf } from '../../../../rules';
import { Row, StagePicker, type FieldsProps } from './pickers';

export function MoveToStageFields({ data, onChange, choices, fields }: FieldsProps<ActionOf<'moveToStage'>>) {
  return (
    <Row fields={fields} field="stage">
      <StagePicker value={data.stage} onChange={(stage) => onChange({ ...data, stage })} choices={choices} />
    </Row>
  );
}

/** A job, then a stage of that job: the stage list follows the job chosen, and a new job clears the stage. */
export function TransferToJobFields({
  data,
  onChange,
  choices,
  fields,
}: FieldsProps<ActionOf<'transferToJob'>>) {
  const jobs = choices.otherJobs ?? [];
  const job = jobs.find((j) => j.id === data.jobId);
  return (
    <>
      <Row fields={fields} field="jobId">
        <select
          value={data.jobId ?? ''}
          data-testid="transfer-job-picker"
          onChange={(e) =>
            onChange({ ...data, jobId: e.target.value ? Number(e.target.value) : null, stageId: null })
          }
        >
          <option value="">{jobs.length === 0 ? 'No other job is synced yet' : 'Choose a job…'}</option>
          {jobs.map((j) => (
            <option key={j.id} value={j.id}>
              {j.name}
              {j.status === 'open' ? '' : ` (${j.status})`}
            </option>
          ))}
        </select>
      </Row>
      <Row fields={fields} field="stageId">
        <select
          value={data.stageId ?? ''}
          data-testid="transfer-stage-picker"
          disabled={!job}
          onChange={(e) => onChange({ ...data, stageId: e.target.value ? Number(e.target.value) : null })}
        >
          <option value="">{job ? 'Choose a stage…' : 'Choose the job first'}</option>
          {(job?.stages ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.active ? '' : ' (inactive)'}
            </option>
          ))}
        </select>
      </Row>
    </>
  );
}

export function ConvertToCandidateFields({
  data,
  onChange,
  choices,
  fields,
}: FieldsProps<ActionOf<'convertToCandidate'>>) {
  return (
    <Row fields={fields} field="stage">
      <StagePicker
        value={data.stage}
        onChange={(stage) => onChange({ ...data, stage })}
        choices={choices}
        allowAny="The job's first stage"
      />
    </Row>
  );
}

export function RejectFields({ data, onChange, choices, fields }: FieldsProps<ActionOf<'reject'>>) {
  return (
    <>
      <Row fields={fields} field="rejectionReasonId">
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
        {fields.find((f) => f.key === 'sendEmail')?.label ?? 'Send the rejection email'}
      </label>
    </>
  );
}

const VISIBILITY_WORDS: Record<(typeof NOTE_VISIBILITIES)[number], string> = {
  admin_only: 'Admins only',
  private: 'Hiring team (private)',
  public: 'Everyone',
};

export function AddNoteFields({ data, onChange, fields }: FieldsProps<ActionOf<'addNote'>>) {
  return (
    <>
      <Row fields={fields} field="body">
        <textarea rows={3} value={data.body} onChange={(e) => onChange({ ...data, body: e.target.value })} />
      </Row>
      <Row fields={fields} field="visibility">
        <select
          value={data.visibility}
          onChange={(e) => onChange({ ...data, visibility: e.target.value as typeof data.visibility })}
        >
          {NOTE_VISIBILITIES.map((v) => (
            <option key={v} value={v}>
              {VISIBILITY_WORDS[v]}
            </option>
          ))}
        </select>
      </Row>
    </>
  );
}

export function TagFields({ data, onChange, fields }: FieldsProps<ActionOf<'tag'>>) {
  return (
    <>
      <Row fields={fields} field="tag">
        <input value={data.tag} onChange={(e) => onChange({ ...data, tag: e.target.value })} />
      </Row>
      <Row fields={fields} field="where">
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
}
