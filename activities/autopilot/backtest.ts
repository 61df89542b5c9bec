import { firstStageId, jobWithPost } from '../../db/queries/jobs';
import { storeBacktest } from '../../db/queries/backtests';
import { applicantsOf } from '../../db/queries/match-scores';
import type { GreenhousePresence } from '../../db/tables/people';
import { blindCandidate, createMatcher, trainJobProfile } from '../../matching';
import { backtestReport, type BacktestOutcome } from '../../matching/backtest';
import type { ActivityDeps } from '../deps';
import { sourceProfile } from './match';

/** At most this many applications are ranked in one backtest (the most recently active first). */
export const BACKTEST_LIMIT = 300;

/**
 * What Greenhouse did with an application on this job: hired; moved past the first stage (advanced, whether
 * later rejected or not); rejected at the first stage; or still waiting there (undecided).
 */
export function backtestOutcome(presence: GreenhousePresence, firstStageId: number | null): BacktestOutcome {
  if (presence.kind === 'none') return 'undecided';
  if (presence.status === 'hired') return 'hired';
  const pastFirst = presence.stageId != null && firstStageId !== null && presence.stageId !== firstStageId;
  if (pastFirst) return 'advanced';
  return presence.status === 'rejected' ? 'not-advanced' : 'undecided';
}

export function backtestActivities(deps: ActivityDeps) {
  const { db } = deps;
  const matcher = deps.matcher ?? createMatcher();

  return {
    /**
     * Ranks the job's Greenhouse applications with a profile trained from the post alone — none of this
     * job's outcomes, so the ranking cannot have learnt who was hired — and stores where the people
     * Greenhouse advanced or hired landed. Scored with the worker's matcher, as the autopilot scores.
     */
    async backtestJob(input: {
      jobId: number;
    }): Promise<{ ranked: number; hires: number; hiresInTop10: number }> {
      const { job, post } = await jobWithPost(db, input.jobId);
      const firstStage = await firstStageId(db, input.jobId);
      const rows = await applicantsOf(db, input.jobId, BACKTEST_LIMIT);

      const profile = trainJobProfile({
        job: {
          jobId: String(job.id),
          title: job.name,
          ...(job.department_name ? { department: job.department_name } : {}),
          offices: job.office_names,
        },
        ...(post ? { post: { title: post.title || job.name, content: post.content } } : {}),
        outcomes: [],
      });
      const readable = rows.flatMap((person) => {
        const prepared = blindCandidate({
          personId: person.id,
          ...(person.resume_text ? { resumeText: person.resume_text } : {}),
          profile: sourceProfile(person),
          identity: {
            names: [`${person.first_name} ${person.last_name}`],
            emails: person.emails,
            phones: person.phones,
          },
        });
        return prepared.ok ? [prepared.candidate] : [];
      });
      const results = readable.length > 0 ? await matcher.scoreCandidates(profile, readable) : [];
      const outcomeOf = new Map(rows.map((r) => [r.id, backtestOutcome(r.greenhouse, firstStage)]));
      const report = backtestReport(
        results.map((r) => ({
          personId: r.personId,
          score: Math.round(r.score),
          outcome: outcomeOf.get(r.personId) ?? 'undecided',
        })),
      );
      const scorer = results.some((r) => r.scorers.semantic.status === 'used') ? 'local+semantic' : 'local';
      await storeBacktest(db, { jobId: input.jobId, scorer, report });
      return { ranked: report.ranked, hires: report.hires.count, hiresInTop10: report.hires.inTopK };
    },
  };
}
