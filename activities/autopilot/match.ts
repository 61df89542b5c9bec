import { createHash } from 'node:crypto';
import { jobTitles, jobWithPost } from '../../db/queries/jobs';
import { jobProfileAt, latestJobProfile, storeJobProfile } from '../../db/queries/job-profiles';
import {
  markUnreadable,
  peopleToScore,
  peopleWithOutcomes,
  recordMatchScore,
} from '../../db/queries/match-scores';
import type { Person } from '../../db/tables/people';
import {
  blindCandidate,
  createMatcher,
  similarJobIds,
  trainJobProfile,
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

/** At most this many outcomes of similar jobs, the most recent: enough to learn from, bounded like a job's own. */
const similarJobOutcomes = 250;

export function matchActivities(deps: ActivityDeps) {
  const { db } = deps;
  const matcher = deps.matcher ?? createMatcher();
  // Per job, what this worker's last training read (a fingerprint) and the content it made. Training
  // reads every outcome's resume (up to 500 people) and was most of the worker's CPU with 200
  // autopilots cycling at once, though a cycle rarely changes any of it (bench:scale, bench/README.md).
  // A profile's content is a function of these inputs alone (the previous profile only numbers the
  // version), so the same inputs over the same stored profile would train to that profile again.
  // In memory: a restarted or another worker trains once more, as before.
  const lastTraining = new Map<number, { inputs: string; contentHash: string }>();

  return {
    /**
     * Builds the job profile from the post and job data, learns from outcomes Greenhouse already knows
     * (who on this job, and at half weight on jobs with the same kind of title, was hired, advanced or
     * rejected), and stores it as a new version when it changed.
     */
    async trainJobProfile(input: { jobId: number }): Promise<{ profileVersion: number; changed: boolean }> {
      const { job, post } = await jobWithPost(db, input.jobId);
      // Outcomes of jobs with the same kind of title count half (matching/learn-from-outcomes.ts): a new
      // "Backend Developer" req learns from whom the team advanced for last year's "Senior Backend Engineer".
      const similar = similarJobIds({ id: job.id, title: job.name }, await jobTitles(db));

      const outcomeRows = [
        ...(await peopleWithOutcomes(db, [input.jobId])),
        ...(await peopleWithOutcomes(db, similar, similarJobOutcomes)),
      ];
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
      const previous = await latestJobProfile(db, input.jobId);
      const training = {
        job: {
          jobId: String(job.id),
          title: job.name,
          ...(job.department_name ? { department: job.department_name } : {}),
          offices: job.office_names,
        },
        ...(post ? { post: { title: post.title || job.name, content: post.content } } : {}),
        outcomes,
      };
      const inputs = createHash('sha256').update(JSON.stringify(training)).digest('base64');
      const last = lastTraining.get(input.jobId);
      if (previous && last?.inputs === inputs && last.contentHash === previous.profile.contentHash) {
        return { profileVersion: previous.version, changed: false };
      }
      const profile = trainJobProfile({
        ...training,
        ...(previous ? { previous: previous.profile } : {}),
      });
      lastTraining.set(input.jobId, { inputs, contentHash: profile.contentHash });
      if (previous && previous.profile.contentHash === profile.contentHash) {
        return { profileVersion: previous.version, changed: false };
      }
      const version = (previous?.version ?? 0) + 1;
      await storeJobProfile(db, { jobId: input.jobId, version, profile });
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
      const profile = await jobProfileAt(db, input.jobId, input.profileVersion);
      const people = await peopleToScore(db, input);
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
          await recordMatchScore(trx, {
            jobId: input.jobId,
            personId: result.personId,
            profileVersion: input.profileVersion,
            score: Math.round(result.score),
            before: previousScore.get(result.personId),
            scorer: result.scorers.semantic.status === 'used' ? 'local+semantic' : 'local',
            explanation: result,
          });
        }
        // Reported, never scored as empty: the job page lists them for a recruiter to look at.
        await markUnreadable(trx, {
          jobId: input.jobId,
          personIds: unreadable,
          profileVersion: input.profileVersion,
        });
      });
      return { scored: people.length, unreadable: unreadable.length };
    },
  };
}
