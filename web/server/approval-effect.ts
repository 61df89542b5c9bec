// What pressing Approve on a request will do, in a recruiter's words. Pure: the decisions come from
// evaluating the plan the request was created under (see approval-effect.server.ts).
import { describeMs, skipReason, type Decision } from '../../rules';

export interface ApproveEffect {
  /** export: a new candidate or prospect in Greenhouse; reject: a rejection in Greenhouse; other: anything else. */
  kind: 'export' | 'reject' | 'other' | 'nothing' | 'unknown';
  /** "export to Greenhouse at “Application Review”", "reject in Greenhouse (reason Lacks skills, email off)". */
  text: string;
}

const rulesEndHere = 'the rules end here';

/**
 * Why approving does nothing, from an effect of kind "nothing" ("already an applicant on this job, so not
 * exported again"): the inverse of the text describeApproveEffect builds, kept beside it.
 */
export function whyNothing(effect: ApproveEffect): string | undefined {
  if (effect.kind !== 'nothing') return undefined;
  return effect.text.startsWith('nothing: ') ? effect.text.slice('nothing: '.length) : rulesEndHere;
}

function describeDecision(decision: Decision): string | null {
  switch (decision.type) {
    case 'export':
      return decision.as === 'candidate'
        ? `export to Greenhouse at “${decision.stageName}”`
        : `export to Greenhouse as a prospect${decision.poolName ? ` in “${decision.poolName}”` : ''}`;
    case 'reject':
      return `reject in Greenhouse (reason ${decision.rejectionReasonName}, email ${decision.sendEmail ? 'on' : 'off'})`;
    case 'move':
      return `move to “${decision.toStageName}” in Greenhouse`;
    case 'advance':
      return 'advance to the next stage in Greenhouse';
    case 'unreject':
      return 'unreject in Greenhouse';
    case 'transfer':
      return `transfer to “${decision.toJobName}” at “${decision.toStageName}” in Greenhouse`;
    case 'convert':
      return `make a candidate in Greenhouse${decision.toStageName ? ` at “${decision.toStageName}”` : ''}`;
    case 'note':
      return 'add a note in Greenhouse';
    case 'tag':
      return decision.where === 'greenhouse'
        ? `tag “${decision.tag}” in Greenhouse`
        : `tag “${decision.tag}” in Pilothouse`;
    case 'notify':
      return 'send a notification';
    case 'requestApproval':
      return `ask ${decision.approver.name} to approve too`;
    case 'wait':
      return `wait ${describeMs(decision.durationMs)}, then carry on`;
    case 'stop':
      return null;
  }
}

/**
 * One line for a card: the first consequential decision leads, the rest follow with "+". With none, why not:
 * a step the rules would take and skip says so ("already an applicant on this job, so not exported again"),
 * since "the rules end here" would be untrue of rules that do export after approval.
 */
export function describeApproveEffect(decisions: Decision[], skipped: readonly string[] = []): ApproveEffect {
  const parts = decisions.map(describeDecision).filter((text): text is string => text !== null);
  if (parts.length === 0) {
    const why = skipped.map(skipReason).join('; ');
    return { kind: 'nothing', text: why ? `nothing: ${why}` : `nothing more: ${rulesEndHere}` };
  }
  const kind = decisions.some((d) => d.type === 'export')
    ? 'export'
    : decisions.some((d) => d.type === 'reject')
      ? 'reject'
      : 'other';
  return { kind, text: parts.join(' + ') };
}
