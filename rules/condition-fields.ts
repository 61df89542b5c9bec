// What each condition field can be compared with, and how. The canvas builds its pickers from this table
// and validation checks drawn conditions against it, so the two never disagree.
import type { ConditionField, ConditionOperator } from './node-types';

export type OperandKind =
  'score' | 'requirementLevel' | 'text' | 'source' | 'presence' | 'boolean' | 'stage' | 'duration';

export type ConditionFieldSpec = {
  label: string;
  operators: readonly ConditionOperator[];
  operand: OperandKind;
  /** How the expected operand is described in an error message. */
  expects: string;
};

export const CONDITION_FIELD_CATALOGUE: Record<ConditionField, ConditionFieldSpec> = {
  score: {
    label: 'Match score',
    operators: ['gte', 'gt', 'lte', 'lt'],
    operand: 'score',
    expects: 'a number from 0 to 100',
  },
  requirement: {
    label: 'Requirement from the job profile',
    operators: ['is', 'isNot', 'atLeast'],
    operand: 'requirementLevel',
    expects: 'one of "met", "partly" or "notMet"',
  },
  source: {
    label: 'Source',
    operators: ['is', 'isNot', 'in', 'notIn'],
    operand: 'source',
    expects:
      'one of inbound (applied in Greenhouse), prospect_pool, import or outreach (or a list of them for "in"/"notIn")',
  },
  greenhousePresence: {
    label: 'Already in Greenhouse',
    operators: ['is', 'isNot', 'in', 'notIn'],
    operand: 'presence',
    expects:
      'one of none, prospect, prospectOnThisJob, prospectOnAnotherJob, applicant, applicantOnThisJob, applicantOnAnotherJob',
  },
  hasEmail: {
    label: 'Has an email address',
    operators: ['is', 'isNot'],
    operand: 'boolean',
    expects: 'true or false',
  },
  hasLinkedIn: {
    label: 'Has a LinkedIn profile',
    operators: ['is', 'isNot'],
    operand: 'boolean',
    expects: 'true or false',
  },
  location: {
    label: 'Location',
    operators: ['is', 'isNot', 'in', 'notIn'],
    operand: 'text',
    expects: 'a place (or a list of places for "in"/"notIn")',
  },
  stage: {
    label: 'Greenhouse stage',
    operators: ['is', 'isNot', 'in', 'notIn'],
    operand: 'stage',
    expects: 'a stage (or a list of stages for "in"/"notIn")',
  },
  timeSinceLastActivity: {
    label: 'Time since last activity',
    operators: ['gte', 'gt', 'lte', 'lt'],
    operand: 'duration',
    expects: 'a duration such as { "amount": 14, "unit": "days" }',
  },
};

/** Operators that compare against a list rather than one value. */
export function takesList(op: ConditionOperator): boolean {
  return op === 'in' || op === 'notIn';
}
