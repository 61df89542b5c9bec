// Settings of the two exports: the stage a new candidate starts in, or the pool a prospect joins.
import type { ActionOf } from '../../../../rules';
import { Row, StagePicker, type FieldsProps } from './pickers';

export function ExportAsCandidateFields({
  data,
  onChange,
  choices,
  fields,
}: FieldsProps<ActionOf<'exportAsCandidate'>>) {
  return (
    <Row fields={fields} field="stage">
      <StagePicker value={data.stage} onChange={(stage) => onChange({ ...data, stage })} choices={choices} />
    </Row>
  );
}

export function ExportAsProspectFields({
  data,
  onChange,
  choices,
  fields,
}: FieldsProps<ActionOf<'exportAsProspect'>>) {
  const pool = choices.prospectPools.find((p) => p.id === data.poolId);
  return (
    <>
      <Row fields={fields} field="poolId">
        <select
          value={data.poolId ?? ''}
          onChange={(e) =>
            onChange({ ...data, poolId: e.target.value ? Number(e.target.value) : null, poolStageId: null })
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
        <Row fields={fields} field="poolStageId">
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
