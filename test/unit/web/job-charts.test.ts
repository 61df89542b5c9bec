import { describe, expect, it } from 'vitest';
import { describeFunnel, funnelSteps } from '../../../web/charts/funnel-steps';
import { cycleTimeline, describeTimeline, formatDuration } from '../../../web/charts/phase-timeline';
import { scoreBins } from '../../../web/charts/score-bins';
import { peopleThrough, scoreThresholds } from '../../../web/charts/score-thresholds';
import type { RulePlan } from '../../../rules/plan';

describe('the job’s funnel', () => {
  it('lists the six steps in order with the share of the step before', () => {
    const steps = funnelSteps({
      sourced: 40,
      matched: 30,
      awaitingApproval: 12,
      exported: 3,
      advanced: 0,
      hired: 0,
    });
    expect(steps.map((s) => [s.label, s.people, s.percentOfPrevious])).toEqual([
      ['Sourced', 40, null],
      ['Matched', 30, 75],
      ['Awaiting approval', 12, 40],
      ['Exported', 3, 25],
      ['Advanced', 0, 0],
      ['Hired', 0, null],
    ]);
    expect(describeFunnel(steps)).toBe(
      'Sourced 40, Matched 30, Awaiting approval 12, Exported 3, Advanced 0, Hired 0',
    );
  });
});

describe('the score histogram', () => {
  it('counts scores in bands of ten, 100 in the top band', () => {
    const bins = scoreBins([0, 9, 10, 74.5, 75, 89, 90, 100]);
    expect(bins).toHaveLength(10);
    expect(bins.map((b) => b.people)).toEqual([2, 1, 0, 0, 0, 0, 0, 2, 1, 2]);
    expect(bins.at(-1)).toMatchObject({ from: 90, to: 100 });
  });

  it('reads the score lines from the rules’ conditions, nested ones too, in words', () => {
    const plan = (flowName: string, conditions: RulePlan['steps'][number][]) =>
      ({ flowName, steps: [{ kind: 'trigger' }, ...conditions] }) as unknown as RulePlan;
    const condition = (c: unknown) => ({ kind: 'condition', condition: c }) as RulePlan['steps'][number];
    const thresholds = scoreThresholds([
      plan('Approve good matches', [condition({ test: 'score', op: 'gte', threshold: 75 })]),
      plan('Reject poor matches', [
        condition({
          test: 'all',
          conditions: [
            { test: 'score', op: 'lt', threshold: 30 },
            { test: 'hasEmail', expected: true },
          ],
        }),
        condition({ test: 'score', op: 'gte', threshold: 75 }),
      ]),
    ]);
    expect(thresholds).toEqual([
      { value: 30, op: 'lt', label: 'Score below 30', flows: ['Reject poor matches'] },
      {
        value: 75,
        op: 'gte',
        label: 'Score at least 75',
        flows: ['Approve good matches', 'Reject poor matches'],
      },
    ]);
  });
});

describe('a cycle’s timeline', () => {
  const t = (ms: number) => new Date(Date.UTC(2026, 11, 4, 6) + ms).toISOString();
  it('gives each phase its start and duration, the last ending when the cycle finished', () => {
    const timeline = cycleTimeline({
      cycle: 3,
      startedAt: t(0),
      finishedAt: t(95_000),
      failed: false,
      phases: [
        { phase: 'training', startedAt: t(200) },
        { phase: 'sourcing', startedAt: t(1_400) },
        { phase: 'matching', startedAt: t(65_400) },
      ],
    })!;
    expect(timeline.spans.map((s) => [s.label, s.startMs, s.durationMs])).toEqual([
      ['Training', 200, 1_200],
      ['Sourcing', 1_400, 64_000],
      ['Matching', 65_400, 29_600],
    ]);
    expect(describeTimeline(timeline)).toBe(
      'Cycle 3 took 1 min 35 s: Training 1.2 s, Sourcing 1 min 4 s, Matching 30 s',
    );
  });

  it('draws no cycle that is still running', () => {
    expect(
      cycleTimeline({
        cycle: 1,
        startedAt: t(0),
        finishedAt: null,
        failed: false,
        phases: [{ phase: 'training', startedAt: t(0) }],
      }),
    ).toBeNull();
  });

  it('says durations to a sensible precision', () => {
    expect([400, 12_300, 185_000, 7_800_000].map(formatDuration)).toEqual([
      '0.4 s',
      '12 s',
      '3 min 5 s',
      '2 h 10 min',
    ]);
  });
});

describe('how many people a score line lets through', () => {
  it('counts the scores on the rule’s side of the line, the line itself included only for at least / at most', () => {
    const scores = [30, 74, 75, 80];
    expect(peopleThrough(scores, { op: 'gte', value: 75 })).toBe(2);
    expect(peopleThrough(scores, { op: 'gt', value: 75 })).toBe(1);
    expect(peopleThrough(scores, { op: 'lt', value: 30 })).toBe(0);
    expect(peopleThrough(scores, { op: 'lte', value: 30 })).toBe(1);
  });
});
