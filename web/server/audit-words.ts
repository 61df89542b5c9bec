import type { DecisionType } from '../../rules';
import { STEP_WORDS } from './step-words';

// The audit log in words: what ops reads in Ops, instead of the codes the product records
// (`approval.approved`, `rule.move.done`). Every code recorded anywhere has its words here —
// test/unit/web/audit-words.test.ts finds the codes in the source and fails on one without them.

/** Codes recorded as they are, with their words. */
export const AUDIT_WORDS: Record<string, string> = {
  'adverse_impact.viewed': 'Looked at the adverse-impact report',
  'approval.approved': 'Approved',
  'approval.rejected': 'Declined',
  'autopilot.cadence_changed': 'Changed how often the autopilot runs',
  'autopilot.cycle_failed': 'An autopilot cycle failed',
  'autopilot.enabled': 'Turned the autopilot on',
  'autopilot.paused': 'Paused the autopilot',
  'backtest.started': 'Started a backtest',
  'export.failed': 'Export to Greenhouse failed',
  'export.requested': 'Pressed Export to Greenhouse',
  'export.retried': 'Retried an export to Greenhouse',
  'greenhouse.application.created_for_existing_candidate':
    'Added an application to a candidate Greenhouse already had',
  'greenhouse.application.rejected': 'Rejected the application in Greenhouse',
  'greenhouse.candidate.created': 'Created the candidate in Greenhouse',
  'greenhouse.connection.removed': 'Removed the Greenhouse connection',
  'greenhouse.connection.saved': 'Saved the Greenhouse connection',
  'greenhouse.education.exported': 'Sent the education to Greenhouse',
  'greenhouse.note.created': 'Added a note in Greenhouse',
  'greenhouse.webhook_secret.rotated': 'Replaced the webhook secret',
  'greenhouse.work_history.exported': 'Sent the work history to Greenhouse',
  'people.imported': 'Imported people',
  'person.erased.anonymized_in_greenhouse': 'Erased a person anonymized in Greenhouse',
  'person.erased.deleted_in_greenhouse': 'Erased a person deleted in Greenhouse',
  'person.erasure_repeated': 'Erased a person again (they came back after an erasure)',
  'person.merged_in_greenhouse': 'Followed a merge of two candidates in Greenhouse',
  'person.resume.opened': 'Opened a resume',
  'resume.unreadable': 'Could not read a resume',
  'rule_action.retried': 'Retried a failed rule step',
  'rules.published': 'Published a version of the rules',
  'settings.greenhouse_look_up_schedule': 'Changed how often people are looked up in Greenhouse',
  'settings.new_jobs_autopilot_off': 'New jobs start with the autopilot off',
  'settings.new_jobs_autopilot_on': 'New jobs start with the autopilot on',
  'sources.prospect_pools_chosen': 'Chose the prospect pools a job sources from',
  'stage_mapping.saved': 'Saved the stage mapping',
  'user.access_changed': 'Changed a teammate’s access',
  'user.created': 'Added a teammate',
  'user.disabled': 'Disabled a teammate’s account',
  'user.enabled': 'Enabled a teammate’s account',
  'user.password_changed': 'Changed their password',
  'user.password_reset': 'Reset a teammate’s password',
};

const isStep = (type: string): type is DecisionType => Object.hasOwn(STEP_WORDS, type);
const RULE_STEP = /^rule\.([a-zA-Z]+)(?:\.(done|moot))?$/;

/** Whether this version has words for the code (else auditWords makes do with the code itself). */
export function hasAuditWords(action: string): boolean {
  const rule = RULE_STEP.exec(action);
  return Object.hasOwn(AUDIT_WORDS, action) || (rule !== null && isStep(rule[1]!));
}

/**
 * The sentence for one audit line. Rule steps are recorded per step kind (`rule.<step>` for the ones
 * carried out in Pilothouse, `rule.<step>.done|moot` for Greenhouse's answer): they are named as the canvas
 * names them. A code this version does not know (a newer worker's, say) is still shown, readably.
 */
export function auditWords(action: string): string {
  const known = AUDIT_WORDS[action];
  if (known) return known;
  const rule = RULE_STEP.exec(action);
  if (rule && isStep(rule[1]!)) {
    const step = `Rule step “${STEP_WORDS[rule[1]!]}”`;
    return rule[2] === 'done'
      ? `${step}: done in Greenhouse`
      : rule[2] === 'moot'
        ? `${step}: nothing to do in Greenhouse`
        : step;
  }
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
