import { describe, expect, it } from 'vitest';
import { crossesThreshold, crossingOf, dryRun, evaluate, validateFlow } from '../../../rules/index';
import { flowOf, score, stop, tag, trigger, when } from './fixtures/build-flow';
import { person, planFor } from './fixtures/plans';

describe('"Match score crossed": which score changes cross a threshold', () => {
  it.each([
    // threshold, from, to, crossing
    [70, 65, 70, 'rose'], // reaching the threshold is crossing it, as "Score at least 70" would now hold
    [70, 69, 90, 'rose'],
    [70, 70, 69, 'fell'],
    [70, 90, 12, 'fell'],
    [70, 40, 69, null], // moved, but stayed below
    [70, 70, 95, null], // moved, but stayed at or above
    [70, 80, 80, null],
    [0, 0, 100, null], // nothing is below 0: a score never crosses it
    [100, 99, 100, 'rose'],
  ] as const)('threshold %i, %i → %i: %s', (threshold, from, to, expected) => {
    expect(crossingOf(threshold, from, to)).toBe(expected);
  });

  it('the direction picks which crossings count', () => {
    expect(crossesThreshold(70, 'rises', 60, 75)).toBe(true);
    expect(crossesThreshold(70, 'rises', 75, 60)).toBe(false);
    expect(crossesThreshold(70, 'falls', 75, 60)).toBe(true);
    expect(crossesThreshold(70, 'falls', 60, 75)).toBe(false);
    expect(crossesThreshold(70, 'either', 60, 75)).toBe(true);
    expect(crossesThreshold(70, 'either', 75, 60)).toBe(true);
    expect(crossesThreshold(70, 'either', 75, 80)).toBe(false);
  });
});

describe('"Match score crossed" flows', () => {
  const rises = () => planFor(flowOf(trigger.scoreCrossed(70, 'rises'), [tag('now a fit', 'pilothouse')]));

  it('start when the change crosses their threshold their way, and say so in the trace', () => {
    const { decisions, trace } = evaluate(rises(), { type: 'scoreCrossed', from: 58, to: 74 }, person());
    expect(decisions.map((d) => d.type)).toEqual(['tag']);
    expect(trace.start).toBe('trigger');
    expect(trace.entries[0]!.text).toBe('Match score went from 58 to 74');
  });

  it('do not start for a change on one side of the threshold, the other way, or another event', () => {
    const plan = rises();
    for (const [from, to] of [
      [40, 60],
      [74, 90],
      [90, 40],
    ] as const) {
      const { decisions, trace } = evaluate(plan, { type: 'scoreCrossed', from, to }, person());
      expect(decisions).toEqual([]);
      expect(trace.start).toBe('none');
    }
    expect(evaluate(plan, { type: 'personMatched', score: 90 }, person()).trace.start).toBe('none');
  });

  it('a "falls below" flow hears a falling score, and its conditions see the new score', () => {
    const plan = planFor(
      flowOf(trigger.scoreCrossed(50, 'falls'), [
        when(score('lt', 30), [tag('far off', 'pilothouse')], [stop('Still close')]),
      ]),
    );
    const { score: _ignored, ...factsWithoutScore } = person();
    const farOff = evaluate(plan, { type: 'scoreCrossed', from: 60, to: 20 }, factsWithoutScore);
    expect(farOff.decisions.map((d) => d.type)).toEqual(['tag']);
    const close = evaluate(plan, { type: 'scoreCrossed', from: 60, to: 45 }, factsWithoutScore);
    expect(close.decisions.map((d) => d.type)).toEqual(['stop']);
  });

  it('the dry run counts only the recorded changes that cross', () => {
    const report = dryRun(rises(), [
      { personId: 'a', event: { type: 'scoreCrossed', from: 50, to: 80 }, facts: person({ score: 80 }) },
      { personId: 'b', event: { type: 'scoreCrossed', from: 50, to: 60 }, facts: person({ score: 60 }) },
    ]);
    expect(report.counts.other).toBe(1);
    expect(report.counts.noAction).toBe(1);
    expect(report.results.find((r) => r.personId === 'a')!.outcomes).toEqual(['other']);
  });

  it('a threshold outside 0–100 is refused with a sentence naming the trigger', () => {
    const issues = validateFlow(flowOf(trigger.scoreCrossed(120, 'either'), [tag('x', 'pilothouse')]));
    expect(issues).toMatchObject([{ code: 'trigger-score-threshold', path: 'data.threshold' }]);
    expect(issues[0]!.message).toContain('from 0 to 100');
    expect(validateFlow(flowOf(trigger.scoreCrossed(0, 'either'), [tag('x', 'pilothouse')]))).toEqual([]);
  });
});
