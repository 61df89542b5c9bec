import type { DecisionType } from '../../rules';

/** A failed step in the words of the canvas palette; a decision kind without words fails the type check. */
export const STEP_WORDS: Record<DecisionType, string> = {
  export: 'Export to Greenhouse',
  requestApproval: 'Request approval',
  move: 'Move to stage',
  advance: 'Advance stage',
  reject: 'Reject in Greenhouse',
  unreject: 'Unreject',
  transfer: 'Transfer to another job',
  convert: 'Make candidate',
  note: 'Add note',
  tag: 'Tag',
  notify: 'Notify',
  wait: 'Wait',
  stop: 'Stop',
};
