// The recruiters' inbox (approval_request with its person, their standing and score on the job, and the
// export that followed): what the Approvals screen lists and decides. The autopilot's own reads and writes
// of requests are in approvals.ts.
import { sql } from 'kysely';
import type { Db } from '../database';

/** null: every job. An empty set: none (a user who may see no job). */
type JobScope = ReadonlySet<number> | null;
const scopeIds = (jobs: ReadonlySet<number>) => (jobs.size > 0 ? [...jobs] : [-1]);

/** The jobs with pending requests, by name, with how many each has. */
export async function jobsWithPendingApprovals(db: Db, jobs: JobScope) {
  let query = db
    .selectFrom('approval_request as a')
    .innerJoin('job as j', 'j.id', 'a.job_id')
    .select(['a.job_id', 'j.name', sql<number>`count(*)::int`.as('pending')])
    .where('a.status', '=', 'pending')
    .groupBy(['a.job_id', 'j.name'])
    .orderBy('j.name');
  if (jobs) query = query.where('a.job_id', 'in', scopeIds(jobs));
  return query.execute();
}

/**
 * One page of pending requests with the person, their score and match explanation under the job's
 * current profile. Without a job, ordered job by job (so each job's requests sit together).
 */
export async function pendingApprovalPage(
  db: Db,
  input: { jobs: JobScope; jobId: number | null; sort: 'score' | 'due'; limit: number; offset: number },
) {
  let query = db
    .selectFrom('approval_request as a')
    .innerJoin('job as j', 'j.id', 'a.job_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('job_person as jp', (join) =>
      join.onRef('jp.job_id', '=', 'a.job_id').onRef('jp.person_id', '=', 'a.person_id'),
    )
    .leftJoin('match_score as m', (join) =>
      join
        .onRef('m.job_id', '=', 'a.job_id')
        .onRef('m.person_id', '=', 'a.person_id')
        .onRef('m.profile_version', '=', 'jp.profile_version'),
    )
    .select([
      'a.id',
      'a.job_id',
      'a.person_id',
      'a.requested_from',
      'a.due_at',
      'a.created_at',
      'a.trace',
      'j.name as job_name',
      'p.first_name',
      'p.last_name',
      'p.title',
      'p.company',
      'p.location',
      'p.emails',
      'p.linkedin_url',
      'p.greenhouse_candidate_id',
      'jp.score',
      'jp.source_kind',
      'jp.greenhouse',
      'jp.last_activity_at',
      'm.explanation',
    ])
    .where('a.status', '=', 'pending');
  if (input.jobs) query = query.where('a.job_id', 'in', scopeIds(input.jobs));
  if (input.jobId !== null) query = query.where('a.job_id', '=', input.jobId);
  else query = query.orderBy('j.name').orderBy('a.job_id');
  query =
    input.sort === 'score'
      ? query.orderBy(sql`jp.score desc nulls last`).orderBy(sql`a.due_at asc nulls last`)
      : query.orderBy(sql`a.due_at asc nulls last`).orderBy(sql`jp.score desc nulls last`);
  return query.orderBy('a.created_at').orderBy('a.id').limit(input.limit).offset(input.offset).execute();
}

/** The user's own decisions of the last day (at most 10, newest first), with the export that followed. */
export async function recentDecisionsBy(db: Db, decidedBy: string) {
  return db
    .selectFrom('approval_request as a')
    .innerJoin('job as j', 'j.id', 'a.job_id')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('export_ledger as x', (join) =>
      join.onRef('x.job_id', '=', 'a.job_id').onRef('x.person_id', '=', 'a.person_id'),
    )
    .select([
      'a.id',
      'a.job_id',
      'a.person_id',
      'a.status',
      'a.reason',
      'a.decided_at',
      'j.name as job_name',
      'p.first_name',
      'p.last_name',
      'x.status as export_status',
      'x.failure_message',
      'x.greenhouse_candidate_id',
    ])
    .where('a.decided_by', '=', decidedBy)
    .where('a.status', 'in', ['approved', 'rejected'])
    .where('a.decided_at', '>', sql<Date>`now() - interval '1 day'`)
    .orderBy('a.decided_at', 'desc')
    .limit(10)
    .execute();
}

/**
 * The requests a recruiter asked to decide, with whose they are, the person's name, and the facts the request's
 * rules read (to say what approving does, as the card did).
 */
export async function approvalsToDecide(db: Db, approvalIds: string[]) {
  if (approvalIds.length === 0) return [];
  return db
    .selectFrom('approval_request as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .leftJoin('job_person as jp', (join) =>
      join.onRef('jp.job_id', '=', 'a.job_id').onRef('jp.person_id', '=', 'a.person_id'),
    )
    .select([
      'a.id',
      'a.job_id',
      'a.person_id',
      'a.workflow_id',
      'a.status',
      'a.approver',
      'a.trace',
      'p.first_name',
      'p.last_name',
      'p.emails',
      'p.linkedin_url',
      'p.location',
      'jp.score',
      'jp.source_kind',
      'jp.greenhouse',
      'jp.last_activity_at',
    ])
    .where('a.id', 'in', approvalIds)
    .execute();
}

/**
 * Keeps the reason a recruiter gave beside their decisions (one per request and recruiter; a second
 * decision's reason replaces the first). The reason can name the person, so it stays here, not in Temporal.
 */
export async function giveApprovalReasons(
  db: Db,
  input: { approvalIds: string[]; givenBy: string; reason: string },
): Promise<void> {
  if (input.approvalIds.length === 0) return;
  await db
    .insertInto('approval_reason')
    .values(
      input.approvalIds.map((id) => ({ approval_id: id, given_by: input.givenBy, reason: input.reason })),
    )
    .onConflict((oc) =>
      oc.columns(['approval_id', 'given_by']).doUpdateSet((eb) => ({ reason: eb.ref('excluded.reason') })),
    )
    .execute();
}
