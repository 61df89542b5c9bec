import { sql } from 'kysely';
import type { Db } from '../database';
import type { Application } from '../../greenhouse/schemas/applications';
import type { GreenhousePresence, GreenhouseStanding } from '../tables/people';

/** What presence is read from: an application as Harvest lists it, or as a webhook describes it. */
type PresenceApplication = Pick<
  Application,
  | 'id'
  | 'job_id'
  | 'prospective_job_ids'
  | 'status'
  | 'prospect'
  | 'job_interview_stage_id'
  | 'stage_name'
  | 'last_activity_at'
  | 'recruiter_id'
>;

/** What a person's Greenhouse applications say about them, from the point of view of one job. */
export function presenceFromApplications(
  jobId: number,
  candidateId: number,
  applications: readonly PresenceApplication[],
): GreenhousePresence {
  if (applications.length === 0) return { kind: 'none' };
  const onJob = (a: PresenceApplication) =>
    a.job_id === jobId || (a.prospective_job_ids ?? []).includes(jobId);
  // The application on this job says most; an active one anywhere says more than an old rejection.
  const ranked = [...applications].sort(
    (a, b) =>
      Number(onJob(b)) - Number(onJob(a)) ||
      Number(b.status === 'in_process') - Number(a.status === 'in_process') ||
      Number(!b.prospect) - Number(!a.prospect),
  );
  const best = ranked[0]!;
  return {
    kind: best.prospect ? 'prospect' : 'applicant',
    candidateId,
    applicationId: best.id,
    onThisJob: onJob(best),
    stageId: best.job_interview_stage_id ?? null,
    stageName: best.stage_name ?? null,
    status: best.status,
    lastActivityAt: best.last_activity_at ?? null,
    recruiterId: best.recruiter_id ?? null,
  };
}

/**
 * The stage and status a presence record says the person stands at (and since when, as Greenhouse dates the
 * application's last activity), or null when not in Greenhouse.
 */
export function standingOf(presence: GreenhousePresence): GreenhouseStanding | null {
  if (presence.kind === 'none') return null;
  return {
    stageId: presence.stageId ?? null,
    status: presence.status ?? null,
    changedAt: presence.lastActivityAt ?? null,
  };
}

export function sameStanding(a: GreenhouseStanding | null, b: GreenhouseStanding | null): boolean {
  return (a?.stageId ?? null) === (b?.stageId ?? null) && (a?.status ?? null) === (b?.status ?? null);
}

/**
 * Writes what Greenhouse says about a person on a job. `standing` says whether this is Pilothouse acting on
 * where they stand (`'acted-on'`: their Greenhouse-change flows ran, or Pilothouse made the change — the
 * record's stage and status, or the change's own, become the standing the re-read compares with) or only a
 * refresh of what is shown (`'refresh'`: the standing is set only for someone it was never set for, so a
 * change seen first by a refresh is still found by the tracking step).
 */
export async function recordGreenhousePresence(
  db: Db,
  input: {
    jobId: number;
    personId: string;
    /** `checkedAt`: when uploaded or outreach people were last looked up in Greenhouse. */
    presence: GreenhousePresence & { checkedAt?: string };
    standing: 'refresh' | { actedOn: GreenhouseStanding | null };
    lastActivityAt?: string | null;
  },
): Promise<void> {
  const standing =
    input.standing === 'refresh' ? standingOf(input.presence) : (input.standing.actedOn ?? null);
  const standingJson = standing === null ? null : JSON.stringify(standing);
  await db
    .updateTable('job_person')
    .set({
      greenhouse: JSON.stringify(input.presence),
      greenhouse_standing:
        input.standing === 'refresh'
          ? sql`coalesce(greenhouse_standing, ${standingJson}::jsonb)`
          : standingJson,
      ...(input.lastActivityAt !== undefined ? { last_activity_at: input.lastActivityAt } : {}),
      updated_at: sql`now()`,
    })
    .where('job_id', '=', input.jobId)
    .where('person_id', '=', input.personId)
    .execute();
}

/** Where the person stood in Greenhouse when Pilothouse last acted on it. */
export async function greenhouseStandingOf(
  db: Db,
  jobId: number,
  personId: string,
): Promise<GreenhouseStanding | null> {
  const row = await db
    .selectFrom('job_person')
    .select('greenhouse_standing')
    .where('job_id', '=', jobId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.greenhouse_standing ?? null;
}

/**
 * Shows a change Greenhouse told by webhook at once, before the job's autopilot applies it (which re-reads
 * the person's applications and runs their flows): the shown record only — never the standing, which is
 * what the flows compare with — and only when the change is not older than what is shown (webhooks can
 * arrive out of order). Returns how many of the job's people it updated (0: not someone Pilothouse holds).
 */
export async function showGreenhouseChange(
  db: Db,
  input: { jobId: number; candidateId: number; presence: GreenhousePresence },
): Promise<number> {
  const changedAt = input.presence.kind === 'none' ? null : (input.presence.lastActivityAt ?? null);
  const result = await db
    .updateTable('job_person')
    .set({ greenhouse: JSON.stringify(input.presence), updated_at: sql`now()` })
    .where('job_id', '=', input.jobId)
    .where('person_id', 'in', (eb) =>
      eb.selectFrom('person').select('id').where('greenhouse_candidate_id', '=', input.candidateId),
    )
    .where((eb) =>
      changedAt === null
        ? eb.val(true)
        : eb.or([
            eb(sql`greenhouse->>'lastActivityAt'`, 'is', null),
            eb(sql`(greenhouse->>'lastActivityAt')::timestamptz`, '<=', sql`${changedAt}::timestamptz`),
          ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
