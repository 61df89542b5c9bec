import { describe, expect, it } from 'vitest';
import type { ConditionExpr, Facts } from '../../../rules/index';
import { evaluate } from '../../../rules/index';
import {
  all,
  any,
  flowOf,
  ghStage,
  leaf,
  mappedStage,
  requirement,
  score,
  tag,
  trigger,
  when,
  stop,
} from './fixtures/build-flow';
import { STAGES } from './fixtures/job';
import { applicant, NOW, person, planFor } from './fixtures/plans';

/** Runs "person matched → <condition> → then: tag 'yes' / otherwise: stop" and says which way it went. */
function branchTaken(condition: ConditionExpr, facts: Facts, matchScore = 50) {
  const plan = planFor(
    flowOf(trigger.personMatched(), [when(condition, [tag('yes', 'pilothouse')], [stop()], 'check')]),
  );
  const { trace } = evaluate(plan, { type: 'personMatched', score: matchScore }, facts);
  const entry = trace.entries.find((e) => e.nodeId === 'check')!;
  return { branch: entry.branch, text: entry.text, checks: entry.checks };
}

describe('conditions: what a rule can ask about a person', () => {
  it('a candidate scoring 82 passes "score ≥ 70" and the trace says so', () => {
    const result = branchTaken(score('gte', 70), person({ score: 82 }));
    expect(result.branch).toBe('then');
    expect(result.text).toBe('Score 82 ≥ 70');
    expect(result.checks).toEqual([
      { field: 'score', actual: 82, expected: '≥ 70', held: true, text: 'Score 82 ≥ 70' },
    ]);
  });

  it('a candidate scoring 55 takes the "otherwise" branch of "score ≥ 70"', () => {
    const result = branchTaken(score('gte', 70), person({ score: 55 }));
    expect(result).toMatchObject({ branch: 'otherwise', text: 'Score 55 is not ≥ 70' });
  });

  it('"score < 40" holds for a weak match of 35 but not for exactly 40', () => {
    expect(branchTaken(score('lt', 40), person({ score: 35 })).branch).toBe('then');
    expect(branchTaken(score('lt', 40), person({ score: 40 })).branch).toBe('otherwise');
  });

  it('without a score in the facts, the score from the match event is used', () => {
    expect(branchTaken(score('gte', 70), person(), 91).text).toBe('Score 91 ≥ 70');
  });

  it('a person with TypeScript only partly met passes "at least partly met" but not "is met"', () => {
    const facts = person({ requirements: { TypeScript: 'partly' } });
    expect(branchTaken(requirement('TypeScript', 'atLeast', 'partly'), facts).branch).toBe('then');
    const strict = branchTaken(requirement('TypeScript', 'is', 'met'), facts);
    expect(strict).toMatchObject({ branch: 'otherwise', text: '"TypeScript" is partly met, not met' });
  });

  it('a requirement nobody assessed does not count as met, nor as "not met"', () => {
    expect(branchTaken(requirement('PostgreSQL', 'is', 'met'), person()).branch).toBe('otherwise');
    expect(branchTaken(requirement('PostgreSQL', 'isNot', 'met'), person()).branch).toBe('otherwise');
  });

  it('an imported person passes "source is imported or outreach"; an applicant does not, and the trace says why in words', () => {
    const condition = leaf('source', 'in', ['import', 'outreach']);
    expect(branchTaken(condition, person({ source: 'import' }))).toMatchObject({
      branch: 'then',
      text: 'Imported from a file',
    });
    expect(branchTaken(condition, person({ source: 'inbound' }))).toMatchObject({
      branch: 'otherwise',
      text: 'Applied in Greenhouse (the rule needs: imported from a file or replied to outreach)',
    });
  });

  it('someone already applying to another job is caught by "is an applicant on another job"', () => {
    const elsewhere = person({ greenhouse: { presence: 'applicant', onThisJob: false, applicationId: 77 } });
    const result = branchTaken(leaf('greenhousePresence', 'is', 'applicantOnAnotherJob'), elsewhere);
    expect(result).toMatchObject({ branch: 'then', text: 'Already an applicant on another job' });
    expect(branchTaken(leaf('greenhousePresence', 'is', 'applicant'), elsewhere).branch).toBe('then');
    expect(branchTaken(leaf('greenhousePresence', 'is', 'none'), elsewhere).branch).toBe('otherwise');
  });

  it('"is not in Greenhouse" lets a new person through and stops a prospect', () => {
    const condition = leaf('greenhousePresence', 'is', 'none');
    expect(branchTaken(condition, person()).branch).toBe('then');
    const prospect = person({ greenhouse: { presence: 'prospect', onThisJob: true } });
    expect(branchTaken(condition, prospect)).toMatchObject({
      branch: 'otherwise',
      text: 'Already a prospect on this job (the rule needs: not in Greenhouse)',
    });
  });

  it('a person without an email address fails "has an email address"', () => {
    expect(branchTaken(leaf('hasEmail', 'is', true), person({ hasEmail: false }))).toMatchObject({
      branch: 'otherwise',
      text: 'Has no email address',
    });
    expect(branchTaken(leaf('hasEmail', 'is', true), person({ hasEmail: true })).branch).toBe('then');
  });

  it('a person with a LinkedIn profile passes "has a LinkedIn profile"', () => {
    expect(branchTaken(leaf('hasLinkedIn', 'is', true), person({ hasLinkedIn: true })).text).toBe(
      'Has a LinkedIn profile',
    );
    expect(branchTaken(leaf('hasLinkedIn', 'isNot', true), person({ hasLinkedIn: true })).branch).toBe(
      'otherwise',
    );
  });

  it('someone in Berlin, Germany is within "Germany, Austria"; someone in Paris is not', () => {
    const condition = leaf('location', 'in', ['Germany', 'Austria']);
    expect(branchTaken(condition, person({ location: 'Berlin, Germany' }))).toMatchObject({
      branch: 'then',
      text: 'Location "Berlin, Germany" is within Germany, Austria',
    });
    expect(branchTaken(condition, person({ location: 'Paris, France' })).branch).toBe('otherwise');
    expect(
      branchTaken(leaf('location', 'notIn', ['Germany']), person({ location: 'Paris, France' })).branch,
    ).toBe('then');
  });

  it('an applicant at Phone Screen passes "stage is the phone screen" however the stage was named', () => {
    const facts = applicant(STAGES.phoneScreen.id);
    expect(branchTaken(leaf('stage', 'is', mappedStage('phoneScreen')), facts)).toMatchObject({
      branch: 'then',
      text: 'Stage "Phone Screen" is "Phone Screen"',
    });
    expect(
      branchTaken(leaf('stage', 'in', [ghStage(STAGES.onsite.id), ghStage(STAGES.offer.id)]), facts).branch,
    ).toBe('otherwise');
  });

  it('a candidate silent for 16 days passes "14 days or more since last activity"', () => {
    const condition = leaf('timeSinceLastActivity', 'gte', { amount: 14, unit: 'days' });
    const quiet = person({ lastActivityAt: '2025-02-22T09:00:00.000Z' });
    expect(branchTaken(condition, quiet)).toMatchObject({
      branch: 'then',
      text: 'Last activity 16 days ago (≥ 14 days)',
    });
    const recent = person({ lastActivityAt: '2025-03-09T09:00:00.000Z' });
    expect(branchTaken(condition, recent)).toMatchObject({
      branch: 'otherwise',
      text: 'Last activity 1 day ago, not ≥ 14 days',
    });
    expect(branchTaken(condition, person({ lastActivityAt: null })).text).toBe(
      'No activity recorded, so not ≥ 14 days',
    );
  });

  it('an AND group needs every part: score 82 with no email is not enough', () => {
    const condition = all(score('gte', 70), leaf('hasEmail', 'is', true));
    const result = branchTaken(condition, person({ score: 82, hasEmail: false }));
    expect(result.branch).toBe('otherwise');
    expect(result.text).toBe('Score 82 ≥ 70 and Has no email address');
    expect(result.checks.map((c) => c.held)).toEqual([true, false]);
  });

  it('an OR group needs one part: an imported person scoring 60 gets through "score ≥ 70 or imported and ≥ 50"', () => {
    const condition = any(score('gte', 70), all(leaf('source', 'is', 'import'), score('gte', 50)));
    const result = branchTaken(condition, person({ score: 60, source: 'import' }));
    expect(result.branch).toBe('then');
    expect(result.text).toBe('Score 60 is not ≥ 70 or (Imported from a file and Score 60 ≥ 50)');
  });

  it('the otherwise branch runs its own steps: a low score is tagged for later instead of stopping', () => {
    const plan = planFor(
      flowOf(trigger.personMatched(), [
        when(score('gte', 70), [tag('strong')], [tag('revisit-later', 'pilothouse')]),
      ]),
    );
    const { decisions } = evaluate(plan, { type: 'personMatched', score: 40 }, person({ now: NOW }));
    expect(decisions).toMatchObject([
      { type: 'tag', tag: 'revisit-later', because: 'Score 40 is not ≥ 70 → tag "revisit-later"' },
    ]);
  });

  it('after eight checks in a row, the sentence keeps the first and the last four and the trace keeps all', () => {
    const thresholds = [10, 20, 30, 40, 50, 60, 70, 80];
    const nested = thresholds.reduceRight<ReturnType<typeof when>[]>(
      (then, threshold) => [when(score('gte', threshold), then, [stop()])],
      [tag('very-strong', 'pilothouse')],
    );
    const plan = planFor(flowOf(trigger.personMatched(), nested));
    const { decisions, trace } = evaluate(plan, { type: 'personMatched', score: 95 }, person());
    expect(decisions[0]!.because).toBe(
      'Score 95 ≥ 10; … 3 more …; Score 95 ≥ 50; Score 95 ≥ 60; Score 95 ≥ 70; Score 95 ≥ 80 → tag "very-strong"',
    );
    expect(trace.entries.filter((e) => e.kind === 'condition')).toHaveLength(8);
  });
});
