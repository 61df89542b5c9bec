import { scoresOfJob } from '../../db/queries/pipeline-people';
import { publishedPlansOfJob } from '../../db/queries/rule-plans';
import { createDefaultFlow, DEFAULT_SCORE_THRESHOLD } from '../../rules/default-flow';
import { scoreBins } from '../charts/score-bins';
import {
  peopleThrough,
  scoreThresholds,
  thresholdLabel,
  type ScoreThreshold,
} from '../charts/score-thresholds';
import type { PilothouseContext } from './load-context';

/**
 * What the job's score histogram needs: everyone's current score, and the score lines of the rules the
 * autopilot runs for the job (its latest published versions, or the default rules when none is).
 */
export async function scoreChartData(context: PilothouseContext, jobId: number) {
  const [scores, plans] = await Promise.all([
    scoresOfJob(context.db, jobId),
    publishedPlansOfJob(context.db, jobId).then((loaded) => loaded.map((l) => l.plan)),
  ]);
  // A job nobody published rules for runs the default flow: one line, "score at least 40 → approval".
  const thresholds: ScoreThreshold[] =
    plans.length > 0
      ? scoreThresholds(plans)
      : [
          {
            value: DEFAULT_SCORE_THRESHOLD,
            op: 'gte',
            label: thresholdLabel('gte', DEFAULT_SCORE_THRESHOLD),
            flows: [createDefaultFlow({ jobId }).name],
          },
        ];
  return {
    scored: scores.length,
    bins: scoreBins(scores),
    thresholds: thresholds.map((t) => ({ ...t, people: peopleThrough(scores, t) })),
    /** Nobody published rules for the job: the line is the default rules'. */
    defaultRules: plans.length === 0,
  };
}
