// Deciding one compiled condition against the facts, and saying in plain words what was found.
// A fact the autopilot does not know never satisfies a condition, whichever way it is phrased: an unknown
// score is neither ≥ 70 nor < 70, so an "otherwise" branch is the safe place for people we know little about.
import type { ConditionCheck } from './decisions';
import { describeElapsed, describeMs, describePresence, describeSource, OPERATOR_SYMBOLS } from './describe';
import type { Facts } from './facts';
import type { PresenceValue, RequirementLevel } from './node-types';
import type { CompiledCondition, Comparison } from './plan';

export type ConditionInputs = {
  facts: Facts;
  /** The score from the facts, or from the `personMatched` event when the facts have none. */
  score: number | undefined;
  currentStageId: number | null | undefined;
  /** `facts.now` in milliseconds; null when it could not be read. */
  nowMs: number | null;
  stageName: (stageId: number) => string;
};

export type ConditionResult = { held: boolean; text: string; checks: ConditionCheck[] };

function compare(actual: number, op: Comparison, expected: number): boolean {
  switch (op) {
    case 'gte':
      return actual >= expected;
    case 'gt':
      return actual > expected;
    case 'lte':
      return actual <= expected;
    case 'lt':
      return actual < expected;
  }
}

const LEVEL_RANK: Record<RequirementLevel, number> = { notMet: 0, partly: 1, met: 2 };
const LEVEL_TEXT: Record<RequirementLevel, string> = { met: 'met', partly: 'partly met', notMet: 'not met' };

function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "Berlin, Germany" is within "Germany", "Berlin" and "Berlin, Germany"; not within "Berlin, USA". */
function locationWithin(location: string, place: string): boolean {
  const wanted = normalize(place);
  if (normalize(location) === wanted) return true;
  return location.split(',').some((part) => normalize(part) === wanted);
}

function presenceLabels(facts: Facts): PresenceValue[] | null {
  const greenhouse = facts.greenhouse;
  if (!greenhouse) return null;
  if (greenhouse.presence === 'none') return ['none'];
  const where = greenhouse.onThisJob ? 'OnThisJob' : 'OnAnotherJob';
  return [greenhouse.presence, `${greenhouse.presence}${where}`];
}

function single(
  field: string,
  actual: ConditionCheck['actual'],
  expected: string,
  held: boolean,
  text: string,
) {
  return { held, text, checks: [{ field, actual, expected, held, text }] };
}

function quoted(items: readonly string[]): string {
  return items.map((i) => `"${i}"`).join(', ');
}

export function checkCondition(condition: CompiledCondition, inputs: ConditionInputs): ConditionResult {
  const { facts } = inputs;
  switch (condition.test) {
    case 'all':
    case 'any': {
      // Every part is decided, not just up to the first that settles it, so the trace shows all of them.
      const parts = condition.conditions.map((c) => {
        const result = checkCondition(c, inputs);
        return { ...result, text: c.test === 'all' || c.test === 'any' ? `(${result.text})` : result.text };
      });
      const held = condition.test === 'all' ? parts.every((p) => p.held) : parts.some((p) => p.held);
      return {
        held,
        text: parts.map((p) => p.text).join(condition.test === 'all' ? ' and ' : ' or '),
        checks: parts.flatMap((p) => p.checks),
      };
    }
    case 'score': {
      const symbol = OPERATOR_SYMBOLS[condition.op]!;
      const expected = `${symbol} ${condition.threshold}`;
      if (inputs.score === undefined)
        return single('score', null, expected, false, `Score unknown, so not ${expected}`);
      const held = compare(inputs.score, condition.op, condition.threshold);
      const text = held ? `Score ${inputs.score} ${expected}` : `Score ${inputs.score} is not ${expected}`;
      return single('score', inputs.score, expected, held, text);
    }
    case 'requirement': {
      const wanted = LEVEL_TEXT[condition.level];
      const expected =
        condition.op === 'atLeast'
          ? `at least ${wanted}`
          : condition.op === 'isNot'
            ? `anything but ${wanted}`
            : wanted;
      const field = `requirement:${condition.requirement}`;
      const level = requirementLevel(facts, condition.requirement);
      if (level === undefined) {
        return single(
          field,
          null,
          expected,
          false,
          `"${condition.requirement}" has not been assessed (needs ${expected})`,
        );
      }
      const held =
        condition.op === 'atLeast'
          ? LEVEL_RANK[level] >= LEVEL_RANK[condition.level]
          : (level === condition.level) === (condition.op === 'is');
      const text = `"${condition.requirement}" is ${LEVEL_TEXT[level]}${held ? '' : `, not ${expected}`}`;
      return single(field, level, expected, held, text);
    }
    case 'source': {
      const wanted = condition.sources.map(describeSource).join(' or ');
      const expected = `${condition.negate ? 'anything but ' : ''}${wanted}`;
      if (facts.source === undefined) return single('source', null, expected, false, 'Source unknown');
      const within = condition.sources.some((s) => normalize(s) === normalize(facts.source!));
      const held = within !== condition.negate;
      const text = `${capitalize(describeSource(facts.source))}${held ? '' : ` (the rule needs: ${expected})`}`;
      return single('source', facts.source, expected, held, text);
    }
    case 'greenhousePresence': {
      const expected = `${condition.negate ? 'anything but ' : ''}${condition.presences.map(describePresence).join(' or ')}`;
      const labels = presenceLabels(facts);
      if (labels === null) {
        return single('greenhousePresence', null, expected, false, 'Not yet looked up in Greenhouse');
      }
      const within = condition.presences.some((p) => labels.includes(p));
      const held = within !== condition.negate;
      const actual = labels[labels.length - 1]!;
      const text = `${capitalize(describePresenceAsFact(actual))}${held ? '' : ` (the rule needs: ${expected})`}`;
      return single('greenhousePresence', actual, expected, held, text);
    }
    case 'hasEmail':
    case 'hasLinkedIn': {
      const [some, none] =
        condition.test === 'hasEmail'
          ? ['an email address', 'no email address']
          : ['a LinkedIn profile', 'no LinkedIn profile'];
      const expected = condition.expected ? `has ${some}` : `has ${none}`;
      const actual = condition.test === 'hasEmail' ? facts.hasEmail : facts.hasLinkedIn;
      if (actual === undefined) {
        return single(condition.test, null, expected, false, `Unknown whether there is ${some}`);
      }
      return single(
        condition.test,
        actual,
        expected,
        actual === condition.expected,
        `Has ${actual ? some : none}`,
      );
    }
    case 'location': {
      const expected = `${condition.negate ? 'outside' : 'within'} ${condition.places.join(', ')}`;
      if (facts.location === undefined || facts.location.trim() === '') {
        return single('location', null, expected, false, 'Location unknown');
      }
      const within = condition.places.some((p) => locationWithin(facts.location!, p));
      const held = within !== condition.negate;
      const text = `Location "${facts.location}" is ${within ? 'within' : 'outside'} ${condition.places.join(', ')}`;
      return single('location', facts.location, expected, held, text);
    }
    case 'stage': {
      const names = condition.stages.map((s) => s.name);
      const expected = `${condition.negate ? 'not ' : ''}${quoted(names)}`;
      const current = inputs.currentStageId;
      if (current === undefined || current === null) {
        return single('stage', null, expected, false, 'Not in a Greenhouse stage on this job');
      }
      const within = condition.stages.some((s) => s.stageId === current);
      const held = within !== condition.negate;
      const text = `Stage "${inputs.stageName(current)}" is ${within ? '' : 'not '}${names.length > 1 ? 'one of ' : ''}${quoted(names)}`;
      return single('stage', inputs.stageName(current), expected, held, text);
    }
    case 'timeSinceLastActivity': {
      const expected = `${OPERATOR_SYMBOLS[condition.op]} ${describeMs(condition.ms)}`;
      const last = facts.lastActivityAt ? Date.parse(facts.lastActivityAt) : NaN;
      if (inputs.nowMs === null || Number.isNaN(last)) {
        return single(
          'timeSinceLastActivity',
          null,
          expected,
          false,
          `No activity recorded, so not ${expected}`,
        );
      }
      const elapsed = Math.max(0, inputs.nowMs - last);
      const held = compare(elapsed, condition.op, condition.ms);
      const text = `Last activity ${describeElapsed(elapsed)} ago${held ? ` (${expected})` : `, not ${expected}`}`;
      return single('timeSinceLastActivity', facts.lastActivityAt!, expected, held, text);
    }
  }
}

function requirementLevel(facts: Facts, requirement: string): RequirementLevel | undefined {
  const results = facts.requirements;
  if (!results) return undefined;
  if (Object.hasOwn(results, requirement)) return results[requirement];
  // Profiles get re-trained; a requirement whose capitalisation changed is still the same requirement.
  const wanted = normalize(requirement);
  const key = Object.keys(results)
    .sort()
    .find((name) => normalize(name) === wanted);
  return key === undefined ? undefined : results[key];
}

function describePresenceAsFact(label: string): string {
  return label === 'none' ? 'not in Greenhouse' : `already ${describePresence(label)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
