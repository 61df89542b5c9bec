import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JobCharts } from '../../../web/components/job-charts';
import { scoreBins } from '../../../web/charts/score-bins';

const noFunnel = { sourced: 0, matched: 0, awaitingApproval: 0, exported: 0, advanced: 0, hired: 0 };

// The charts render on the server (the page is readable before any script runs), empty jobs included.
describe('the job’s charts drawn on the server', () => {
  it('draws an empty job with its rule line and says why there is no timeline', () => {
    const html = renderToStaticMarkup(
      <JobCharts
        funnel={noFunnel}
        scores={{
          scored: 0,
          bins: scoreBins([]),
          thresholds: [{ value: 70, op: 'gte', label: 'Score at least 70', flows: ['Default'], people: 0 }],
          defaultRules: true,
        }}
        cycles={null}
        autopilotNote="No cycle timeline: the autopilot is off for this job."
      />,
    );
    expect(html).toContain('aria-label="Funnel: Sourced 0, Matched 0');
    expect(html).toContain('Score at least 70</text>');
    expect(html).toContain('Nobody is scored yet.');
    expect(html).toContain('No cycle timeline: the autopilot is off for this job.');
    expect(html).not.toContain('NaN');
  });

  it('draws the newest finished cycle and lists the earlier ones, leaving out one still running', () => {
    const t = (s: number) => new Date(Date.UTC(2026, 11, 4, 6, 0, s)).toISOString();
    const html = renderToStaticMarkup(
      <JobCharts
        funnel={{ ...noFunnel, sourced: 3, matched: 2 }}
        scores={{ scored: 2, bins: scoreBins([72, 91]), thresholds: [], defaultRules: false }}
        cycles={[
          {
            cycle: 1,
            startedAt: t(0),
            finishedAt: t(20),
            failed: true,
            phases: [{ phase: 'training', startedAt: t(1) }],
          },
          {
            cycle: 2,
            startedAt: t(30),
            finishedAt: t(42),
            failed: false,
            phases: [
              { phase: 'training', startedAt: t(30) },
              { phase: 'tracking', startedAt: t(40) },
            ],
          },
          {
            cycle: 3,
            startedAt: t(50),
            finishedAt: null,
            failed: false,
            phases: [{ phase: 'training', startedAt: t(50) }],
          },
        ]}
        autopilotNote=""
      />,
    );
    expect(html).toContain('data-cycle="2"');
    expect(html).toContain('Cycle 2 took 12 s: Training 10 s, Tracking 2.0 s.');
    expect(html).toContain('Earlier: cycle 1 20 s (error).');
    expect(html).toContain('The job’s rules test no score.');
    expect(html).not.toContain('NaN');
  });
});
