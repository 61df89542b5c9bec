// "Why?" for one person on one job: every rule evaluation stored for them (the decision trace — the event,
// each condition with the value it saw, the decisions), who was asked to approve and what they decided, and
// what Greenhouse answered to each step the autopilot carried out (or why it failed).
import { approvalHistoryOf } from '../../db/queries/approvals';
import { ruleAnswersAbout } from '../../db/queries/audit';
import { decisionTracesAbout } from '../../db/queries/decision-traces';
import { educationRecord } from '../../db/queries/export-education';
import { workHistoryRecord, type WorkHistoryRecord } from '../../db/queries/export-work-history';
import { exportLedgerEntry } from '../../db/queries/exports';
import { standingOnJob } from '../../db/queries/pipeline';
import { ruleActionFailuresAbout } from '../../db/queries/rule-action-failures';
import type { ConditionCheck, Decision, EvaluationTrace } from '../../rules';
import { educationWords } from './education-words';
import type { PilothouseContext } from './load-context';

/** Greenhouse's answers, as the executor records them (`rule.<type>.done|moot` audit rows), in words. */
const OUTCOME_WORDS: Record<string, string> = {
  moved: 'Greenhouse moved the application',
  advanced: 'Greenhouse advanced the application to the next stage',
  already_in_stage: 'Already in that stage in Greenhouse: nothing to do',
  moved_since_decided: 'Not moved: someone moved the application after the rule decided',
  rejected: 'Greenhouse rejected the application (no email)',
  rejected_with_email: 'Greenhouse rejected the application and sent the rejection email',
  already_rejected: 'Already rejected in Greenhouse: nothing to do',
  unrejected: 'Greenhouse unrejected the application: it is back in the process',
  already_active: 'Not rejected in Greenhouse (any more): nothing to undo',
  application_hired: 'Not changed: the application is hired',
  application_converted: 'Not changed: the prospect application was made a candidate one',
  application_rejected: 'Not changed: the application is rejected',
  transferred: 'Greenhouse transferred the application to the other job',
  already_transferred: 'Already on the other job, in that stage: nothing to do',
  on_another_job: 'Not transferred: the application is on another job now',
  converted: 'Greenhouse made the prospect a candidate with an application for this job',
  already_candidate: 'Already a candidate on this job in Greenhouse: nothing to do',
  prospect_rejected: 'Not made a candidate: the prospect is rejected in Greenhouse',
  prospect_hired: 'Not made a candidate: the prospect is hired',
  prospect_converted: 'Not made a candidate: the prospect was converted already',
  noted: 'Greenhouse added the note',
  note_exists: 'The note was already there',
  tagged: 'Greenhouse tagged the candidate',
  already_tagged: 'The candidate already had this tag',
  tagged_in_pilothouse: 'Tagged in Pilothouse',
  posted: 'The webhook was delivered',
  in_app: 'Notified in Pilothouse',
};

function outcomeWords(outcome: string): string {
  return OUTCOME_WORDS[outcome] ?? outcome.replaceAll('_', ' ');
}

const jobs = (n: number) => `${n} job${n === 1 ? '' : 's'}`;

/** What became of the person's work history in Greenhouse, in a sentence or two; null when nothing is known. */
export function workHistoryWords({ planned, carried }: WorkHistoryRecord): string | null {
  if (!planned) return null;
  const sentences: string[] = [];
  const sent = carried ? carried.created + carried.alreadyThere : 0;
  if (sent > 0) sentences.push(`Their work history went with them (${jobs(sent)})`);
  const notSent = carried?.skipped ?? [];
  if (carried?.missingScope && notSent.length > 0)
    sentences.push(`${jobs(notSent.length)} not added: ${notSent[0]!.reason}`);
  else if (notSent.length > 0)
    sentences.push(
      `${jobs(notSent.length)} not added: Greenhouse refused ${notSent.length === 1 ? 'it' : 'them'}`,
    );
  // The current job alone needs no word: its title and company are on the candidate record anyway.
  const leftOut = planned.skipped.filter((s) => s.entry !== 'current job');
  if (leftOut.length > 0) {
    const reasons = [...new Set(leftOut.map((s) => s.reason))].join('; ');
    sentences.push(`${jobs(leftOut.length)} left out (${reasons})`);
  }
  return sentences.length > 0 ? sentences.join('. ') : null;
}

export type WhyStep = {
  type: Decision['type'];
  because: string;
  /** What happened when it was carried out; null while nothing is recorded (still running, or waiting). */
  result: { tone: 'good' | 'bad' | 'info'; text: string } | null;
};

export type WhyEvaluation = {
  id: number;
  at: string;
  version: number | null;
  summary: string;
  entries: { kind: string; outcome: string; text: string; checks: ConditionCheck[] }[];
  steps: WhyStep[];
};

export async function loadWhy(context: PilothouseContext, jobId: number, personId: string) {
  const { db } = context;
  const person = await standingOnJob(db, jobId, personId);
  if (!person) return null;

  const [traces, answers, failures, approvals, ledger, workHistory, education] = await Promise.all([
    decisionTracesAbout(db, { jobId, personId, limit: 50 }),
    ruleAnswersAbout(db, jobId, personId),
    ruleActionFailuresAbout(db, jobId, personId),
    approvalHistoryOf(db, jobId, personId),
    exportLedgerEntry(db, jobId, personId),
    workHistoryRecord(db, jobId, personId),
    educationRecord(db, jobId, personId),
  ]);

  const answerOf = new Map<string, { action: string; outcome: string }>();
  for (const row of answers) {
    const details = row.details as { traceId?: number; index?: number; outcome?: string };
    if (details.traceId === undefined || details.index === undefined) continue;
    answerOf.set(`${details.traceId}:${details.index}`, {
      action: row.action,
      outcome: details.outcome ?? '',
    });
  }
  const failureOf = new Map(failures.map((f) => [`${f.trace_id}:${f.decision_index}`, f]));

  const exportResult = (): WhyStep['result'] => {
    if (!ledger) return null;
    if (ledger.status === 'exported')
      return {
        tone: 'good',
        text: ledger.reused_existing_candidate
          ? 'Greenhouse already had this candidate; an application for this job was added to their profile'
          : [
              'Greenhouse created the candidate, with an application for this job',
              workHistoryWords(workHistory),
              educationWords(education),
            ]
              .filter(Boolean)
              .join('. '),
      };
    if (ledger.status === 'failed')
      return {
        tone: 'bad',
        text: `Greenhouse refused: ${ledger.failure_message ?? ledger.failure_type ?? 'failed'}`,
      };
    return { tone: 'info', text: 'Exporting now' };
  };

  const evaluations: WhyEvaluation[] = traces.map((row) => {
    const trace = row.trace as EvaluationTrace;
    const decisions = (row.decisions as Decision[]) ?? [];
    return {
      id: Number(row.id),
      at: new Date(row.created_at).toISOString(),
      version: row.rule_version,
      summary: trace.summary,
      entries: (trace.entries ?? []).map((e) => ({
        kind: e.kind,
        outcome: e.outcome,
        text: e.text,
        checks: e.checks ?? [],
      })),
      steps: decisions.map((decision, index): WhyStep => {
        const key = `${row.id}:${index}`;
        const failure = failureOf.get(key);
        const answer = answerOf.get(key);
        let result: WhyStep['result'] = null;
        if (failure && failure.status !== 'done')
          result = {
            tone: 'bad',
            text: `Failed: ${failure.failure_message} (${failure.failure_type}) — see Ops to retry`,
          };
        else if (answer)
          result = {
            tone: answer.action.endsWith('.moot') ? 'info' : 'good',
            text: outcomeWords(answer.outcome),
          };
        else if (decision.type === 'export') result = exportResult();
        else if (decision.type === 'requestApproval')
          result = { tone: 'info', text: 'Sent for approval (see Approvals above)' };
        else if (decision.type === 'stop') result = { tone: 'info', text: 'The branch ended here' };
        return { type: decision.type, because: decision.because, result };
      }),
    };
  });

  return {
    name: `${person.first_name} ${person.last_name}`.trim(),
    stage: person.pipeline_stage,
    score: person.score,
    evaluations,
    // The export itself, however it was started (a rule, an approval, or Export to Greenhouse pressed).
    export: ledger
      ? {
          requestedBy: ledger.requested_by,
          at: new Date(ledger.updated_at).toISOString(),
          result: exportResult()!,
        }
      : null,
    approvals: approvals.map((a) => ({
      id: a.id,
      requestedFrom: a.requested_from,
      status: a.status,
      decidedBy: a.decided_by,
      decidedAt: a.decided_at ? new Date(a.decided_at).toISOString() : null,
      reason: a.reason,
      askedAt: new Date(a.created_at).toISOString(),
    })),
  };
}
