import { sql } from 'kysely';
import type { Db } from '../../db/database';
import type { Person } from '../../db/tables/people';
import {
  blindCandidate,
  createMatcher,
  trainJobProfile,
  type JobProfile,
  type Outcome,
  type SourceProfile,
} from '../../matching';
import type { ActivityDeps } from '../deps';

export function sourceProfile(person: Person): SourceProfile {
  return {
    name: `${person.first_name} ${person.last_name}`,
    ...(person.title ? { title: person.title } : {}),
    ...(person.company ? { company: person.company } : {}),
    ...(person.location ? { location: person.location } : {}),
    pastJobs: person.past_jobs.map((job) => ({ title: job.title, company: job.company })),
    skills: person.skills,
    emails: person.emails,
    phones: person.phones,
    links: person.linkedin_url ? [person.linkedin_url] : [],
  };
}

async function latestProfile(
  db: Db,
  jobId: number,
): Promise<{ version: number; profile: JobProfile } | undefined> {
  const row = await db
    .selectFrom('job_profile')
    .select(['version', 'profile'])
    .where('job_id', '=', jobId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  return row ? { version: row.version, profile: row.profile as JobProfile } : undefined;
}

export function matchActivities(deps: ActivityDeps) {
  const { db } = deps;
  const matcher = deps.matcher ?? createMatcher();

  return {
    /**
     * Builds the job profile from the post and job data, learns from outcomes Greenhouse already knows
     * (who on this job was hired, advanced or rejected), and stores it as a new version when it changed.
     */
    async trainJobProfile(input: { jobId: number }): Promise<{ profileVersion: number; changed: boolean }> {
      const job = await db
        .selectFrom('job')
        .selectAll()
        .where('id', '=', input.jobId)
        .executeTakeFirstOrThrow();
      const post = await db
        .selectFrom('job_post')
        .select(['title', 'content'])
        .where('job_id', '=', input.jobId)
        .orderBy('live', 'desc')
        .orderBy('active', 'desc')
        .executeTakeFirst();
      const outcomeRows = await db
        .selectFrom('job_person as jp')
        .innerJoin('person as p', 'p.id', 'jp.person_id')
        .selectAll('p')
        .select(['jp.greenhouse', 'jp.job_id'])
        .where('jp.job_id', '=', input.jobId)
        .where(
          sql<boolean>`jp.greenhouse->>'status' in ('hired', 'rejected') or (jp.greenhouse->>'onThisJob' = 'true' and jp.greenhouse->>'stageId' is not null)`,
        )
        .limit(500)
        .execute();
      const outcomes: Outcome[] = outcomeRows.map((row) => ({
        personId: row.id,
        jobId: String(row.job_id),
        outcome:
          row.greenhouse.kind !== 'none' && row.greenhouse.status === 'hired'
            ? 'hired'
            : row.greenhouse.kind !== 'none' && row.greenhouse.status === 'rejected'
              ? 'rejected'
              : 'advanced',
        ...(row.resume_text ? { text: row.resume_text } : {}),
        profile: sourceProfile(row),
      }));
      const previous = await latestProfile(db, input.jobId);
      const profile = trainJobProfile({
        job: {
          jobId: String(job.id),
          title: job.name,
          ...(job.department_name ? { department: job.department_name } : {}),
          offices: job.office_names,
        },
        ...(post ? { post: { title: post.title || job.name, content: post.content } } : {}),
        ...(previous ? { previous: previous.profile } : {}),
        outcomes,
      });
      if (previous && previous.profile.contentHash === profile.contentHash) {
        return { profileVersion: previous.version, changed: false };
      }
      const version = (previous?.version ?? 0) + 1;
      await db
        .insertInto('job_profile')
        .values({
          job_id: input.jobId,
          version,
          hash: profile.contentHash,
          profile: JSON.stringify({ ...profile, version }),
        })
        .onConflict((oc) => oc.columns(['job_id', 'version']).doNothing())
        .execute();
      return { profileVersion: version, changed: true };
    },

    /**
     * Scores up to `limit` people of the job not yet scored against this profile version: the newly
     * sourced, and (after a retrain or a new resume) everyone scored before, wherever they are in the
     * pipeline, so the score shown and the "Match score crossed" flows follow the current profile. A
     * score that moved is kept as a score change for the autopilot's selection to put through those flows.
     */
    async scoreBatch(input: {
      jobId: number;
      profileVersion: number;
      limit: number;
    }): Promise<{ scored: number; unreadable: number }> {
      const stored = await db
        .selectFrom('job_profile')
        .select('profile')
        .where('job_id', '=', input.jobId)
        .where('version', '=', input.profileVersion)
        .executeTakeFirstOrThrow();
      const profile = stored.profile as JobProfile;
      const people = await db
        .selectFrom('job_person as jp')
        .innerJoin('person as p', 'p.id', 'jp.person_id')
        .selectAll('p')
        .select('jp.score as previous_score')
        .where('jp.job_id', '=', input.jobId)
        .where((eb) =>
          eb.or([eb('jp.profile_version', 'is', null), eb('jp.profile_version', '!=', input.profileVersion)]),
        )
        .limit(input.limit)
        .execute();
      if (people.length === 0) return { scored: 0, unreadable: 0 };

      const prepared = people.map((person) =>
        blindCandidate({
          personId: person.id,
          ...(person.resume_text ? { resumeText: person.resume_text } : {}),
          profile: sourceProfile(person),
          identity: {
            names: [`${person.first_name} ${person.last_name}`],
            emails: person.emails,
            phones: person.phones,
          },
        }),
      );
      const readable = prepared.flatMap((p) => (p.ok ? [p.candidate] : []));
      const unreadable = prepared.flatMap((p) => (p.ok ? [] : [p.personId]));
      const results = readable.length > 0 ? await matcher.scoreCandidates(profile, readable) : [];

      const previousScore = new Map(people.map((p) => [p.id, p.previous_score]));
      await db.transaction().execute(async (trx) => {
        for (const result of results) {
          const score = Math.round(result.score);
          const before = previousScore.get(result.personId);
          if (before !== null && before !== undefined && before !== score) {
            await trx
              .insertInto('score_change')
              .values({
                job_id: input.jobId,
                person_id: result.personId,
                from_score: before,
                to_score: score,
                profile_version: input.profileVersion,
              })
              .execute();
          }
          await trx
            .insertInto('match_score')
            .values({
              job_id: input.jobId,
              person_id: result.personId,
              profile_version: input.profileVersion,
              score,
              scorer: result.scorers.semantic.status === 'used' ? 'local+semantic' : 'local',
              explanation: JSON.stringify(result),
            })
            .onConflict((oc) => oc.columns(['job_id', 'person_id', 'profile_version']).doNothing())
            .execute();
          await trx
            .updateTable('job_person')
            .set({
              score,
              profile_version: input.profileVersion,
              // A re-score of someone already decided keeps their place in the pipeline.
              pipeline_stage: sql`case when pipeline_stage in ('sourced', 'unreadable') then 'matched' else pipeline_stage end`,
              updated_at: sql`now()`,
            })
            .where('job_id', '=', input.jobId)
            .where('person_id', '=', result.personId)
            .execute();
        }
        if (unreadable.length > 0) {
          // Reported, never scored as empty: the job page lists them for a recruiter to look at. Someone
          // already decided keeps their stage (and last score) when a rescore cannot read them.
          await trx
            .updateTable('job_person')
            .set({
              pipeline_stage: sql`case when pipeline_stage in ('sourced', 'matched') then 'unreadable' else pipeline_stage end`,
              profile_version: input.profileVersion,
              updated_at: sql`now()`,
            })
            .where('job_id', '=', input.jobId)
            .where('person_id', 'in', unreadable)
            .execute();
        }
      });
      return { scored: people.length, unreadable: unreadable.length };
    },
  };
}
