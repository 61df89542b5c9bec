// The people in a job's Pilothouse pipeline as the job page lists and charts them.
import type { Db } from '../database';
import { sql } from 'kysely';
import { stagesOfTab } from './pipeline-tabs';

/** `%`, `_` and `\` typed by a user match themselves, not any text. */
const escapeLike = (text: string) => text.replace(/[%_\\]/g, (c) => `\\${c}`);

/** People listed on one page of a job screen. */
export const PIPELINE_PAGE_SIZE = 100;

export type PipelineFilter = { stage: string | null; q: string; from?: string | null };

/**
 * One page of the job's people, best score first, with their latest explanation and export, and how many
 * the filter finds in all. `stage` is a pipeline tab; `from` an uploaded list's file name (source_ref is
 * "<file>#row-<n>"), whatever stage its people are in now; `q` searches names, titles and companies.
 */
export async function pipelinePeople(db: Db, jobId: number, filter: PipelineFilter, page = 1) {
  const found = filtered(db, jobId, filter);
  const [rows, counted] = await Promise.all([
    found
      .leftJoin('match_score as m', (join) =>
        join
          .onRef('m.job_id', '=', 'jp.job_id')
          .onRef('m.person_id', '=', 'jp.person_id')
          .onRef('m.profile_version', '=', 'jp.profile_version'),
      )
      .leftJoin('export_ledger as x', (join) =>
        join.onRef('x.job_id', '=', 'jp.job_id').onRef('x.person_id', '=', 'jp.person_id'),
      )
      .select([
        'jp.person_id',
        'p.first_name',
        'p.last_name',
        'p.title',
        'p.company',
        'p.location',
        'p.greenhouse_candidate_id',
        'jp.source_kind',
        'jp.source_ref',
        'jp.pipeline_stage',
        'jp.greenhouse',
        'jp.score',
        'jp.last_activity_at',
        'm.explanation',
        'x.status as export_status',
        'x.failure_message',
        'x.greenhouse_candidate_id as exported_candidate_id',
      ])
      .orderBy(sql`jp.score desc nulls last`)
      .orderBy('p.last_name')
      // Equal scores and names still have one order, so a person is on exactly one page.
      .orderBy('jp.person_id')
      .limit(PIPELINE_PAGE_SIZE)
      .offset((page - 1) * PIPELINE_PAGE_SIZE)
      .execute(),
    found.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(counted.total) };
}

function filtered(db: Db, jobId: number, filter: PipelineFilter) {
  let query = db
    .selectFrom('job_person as jp')
    .innerJoin('person as p', 'p.id', 'jp.person_id')
    .where('jp.job_id', '=', jobId);
  if (filter.stage) query = query.where('jp.pipeline_stage', 'in', stagesOfTab(filter.stage));
  if (filter.from) {
    const prefix = `${escapeLike(filter.from)}#row-%`;
    query = query.where('jp.source_kind', '=', 'import').where('jp.source_ref', 'like', prefix);
  }
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('p.first_name', 'ilike', like),
        eb('p.last_name', 'ilike', like),
        eb('p.title', 'ilike', like),
        eb('p.company', 'ilike', like),
      ]),
    );
  }
  return query;
}

/** The current score of everyone scored for the job. */
export async function scoresOfJob(db: Db, jobId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('job_person')
    .select('score')
    .where('job_id', '=', jobId)
    .where('score', 'is not', null)
    .execute();
  return rows.map((row) => Number(row.score));
}

/**
 * A stamp that changes when the job's pipeline does: a person added or removed, or their stage, score or
 * Greenhouse record changed (those writes set job_person.updated_at). What the job screen polls to know
 * it should re-read.
 */
export async function pipelineStamp(db: Db, jobId: number): Promise<string> {
  const row = await db
    .selectFrom('job_person')
    .select([
      sql<number>`count(*)::int`.as('people'),
      sql<string | null>`(extract(epoch from max(updated_at)) * 1000000)::bigint::text`.as('changedAt'),
    ])
    .where('job_id', '=', jobId)
    .executeTakeFirstOrThrow();
  return `${row.people}:${row.changedAt ?? 0}`;
}
