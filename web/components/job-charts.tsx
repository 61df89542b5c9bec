import type { FunnelCounts } from '../../db/queries/pipeline-counts';
import type { CycleTiming } from '../../workflows/cycle-timings';
import { funnelSteps } from '../charts/funnel-steps';
import { describeTimeline, finishedTimelines, formatDuration } from '../charts/phase-timeline';
import type { ScoreBin } from '../charts/score-bins';
import type { ScoreThreshold } from '../charts/score-thresholds';
import { CycleTimelineChart } from './charts/cycle-timeline-chart';
import { FunnelChart } from './charts/funnel-chart';
import { ScoreHistogram } from './charts/score-histogram';
import { useWhen } from './when';

// The job's "Charts" tab: its funnel, how its people scored against the rules' lines, and how the
// autopilot's last cycle spent its time. Each picture has its numbers in words beneath it.

export interface ScoreChartData {
  scored: number;
  bins: ScoreBin[];
  thresholds: (ScoreThreshold & { people: number })[];
  defaultRules: boolean;
}

export function JobCharts({
  funnel,
  scores,
  cycles,
  autopilotNote,
}: {
  funnel: FunnelCounts;
  scores: ScoreChartData;
  /** The autopilot's recent cycles; null when it is not running (nothing to ask). */
  cycles: CycleTiming[] | null;
  autopilotNote: string;
}) {
  const { when } = useWhen();
  const steps = funnelSteps(funnel);
  const timelines = cycles ? finishedTimelines(cycles) : [];
  const [latest, ...earlier] = timelines;
  return (
    <section className="job-charts" data-testid="job-charts" aria-label="Charts">
      <figure className="panel chart-panel" data-testid="funnel-figure">
        <h2>Funnel</h2>
        <FunnelChart steps={steps} />
        <figcaption className="small muted">
          People who reached each step, ever:{' '}
          {steps.map((s, i) => (
            <span key={s.key}>
              {i > 0 ? ' → ' : ''}
              {s.label.toLowerCase()} <strong>{s.people}</strong>
            </span>
          ))}
          .
        </figcaption>
      </figure>
      <figure className="panel chart-panel" data-testid="histogram-figure">
        <h2>Match scores</h2>
        <ScoreHistogram bins={scores.bins} thresholds={scores.thresholds} />
        <figcaption className="small muted">
          {scores.scored === 0
            ? 'Nobody is scored yet. '
            : `${scores.scored} people scored, in bands of ten. `}
          {scores.thresholds.length > 0
            ? scores.thresholds.map((t) => (
                <span key={`${t.op}${t.value}`} data-testid="threshold-caption">
                  {t.label}: <strong>{t.people}</strong> {t.people === 1 ? 'person' : 'people'} (
                  {t.flows.map((f) => `“${f}”`).join(', ')}
                  {scores.defaultRules ? ', the default rules' : ''}).{' '}
                </span>
              ))
            : 'The job’s rules test no score.'}
        </figcaption>
      </figure>
      <figure className="panel chart-panel wide" data-testid="timeline-figure">
        <h2>Last cycle{latest ? ` (cycle ${latest.cycle}, ${when(latest.startedAt)})` : ''}</h2>
        {latest ? (
          <>
            <CycleTimelineChart timeline={latest} />
            <figcaption className="small muted">
              <span data-testid="timeline-caption">{describeTimeline(latest)}.</span>
              {earlier.length > 0
                ? ` Earlier: ${earlier.map((t) => `cycle ${t.cycle} ${formatDuration(t.totalMs)}${t.failed ? ' (error)' : ''}`).join(', ')}.`
                : null}
            </figcaption>
          </>
        ) : (
          <p className="small muted" data-testid="timeline-empty">
            {cycles
              ? 'No cycle has finished since the autopilot last started: its timeline shows here after the first.'
              : autopilotNote}
          </p>
        )}
      </figure>
    </section>
  );
}
