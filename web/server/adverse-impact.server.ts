import { flowsThatDecided, ruleDecisionsAboutPeople } from '../../db/queries/decision-traces';
import {
  adverseImpactReport,
  type AdverseImpactReport,
  type SelectionDecision,
} from '../../matching/adverse-impact';
import type { EeocAnswerIndex } from '../../matching/eeoc-csv';
import { impactEvidence, type GroupEvidence } from '../../matching/impact-evidence';
import type { PilothouseContext } from './load-context';

/** Decisions that move a person forward: what the four-fifths rule calls "selected". */
const forward = ['export', 'advance', 'move', 'requestApproval'];
/** Rule evaluations read for one report, newest first. */
const TRACE_LIMIT = 20_000;

export type RuleChoice = { id: string; name: string; people: number };

/** The job's rules that decided about people, with how many people each decided about. */
export async function rulesWithDecisions(context: PilothouseContext, jobId: number): Promise<RuleChoice[]> {
  const rows = await flowsThatDecided(context.db, jobId);
  return rows.map((r) => ({ id: r.id, name: r.name, people: r.people }));
}

export type DimensionView = AdverseImpactReport['dimensions'][number] & { evidence: GroupEvidence[] };

/**
 * Selection rates by self-reported group for the job's rule decisions (one rule, or every rule with a
 * person counted once, selected when any rule moved them forward), with the answers given.
 */
export async function adverseImpactForJob(
  context: PilothouseContext,
  input: { jobId: number; ruleId: string | null; answers: EeocAnswerIndex },
) {
  const rows = await ruleDecisionsAboutPeople(context.db, {
    jobId: input.jobId,
    flowId: input.ruleId,
    limit: TRACE_LIMIT,
  });
  const byPerson = new Map<string, SelectionDecision & { answered: boolean }>();
  for (const row of rows) {
    const decisions = Array.isArray(row.decisions) ? (row.decisions as { type?: string }[]) : [];
    const selected = decisions.some((d) => forward.includes(d.type ?? ''));
    const known = byPerson.get(row.person_id!);
    if (known) {
      known.selected ||= selected;
      continue;
    }
    const answers =
      (row.greenhouse_candidate_id
        ? input.answers.byCandidateId.get(Number(row.greenhouse_candidate_id))
        : undefined) ??
      row.emails.map((e) => input.answers.byEmail.get(e.toLowerCase())).find((a) => a !== undefined);
    byPerson.set(row.person_id!, {
      personId: row.person_id!,
      jobId: String(input.jobId),
      ...(input.ruleId ? { ruleId: input.ruleId } : {}),
      selected,
      eeoc: answers ?? null,
      answered: answers !== undefined,
    });
  }
  const decisions = [...byPerson.values()];
  const report = adverseImpactReport(decisions, { jobId: String(input.jobId), ruleId: input.ruleId });
  return {
    considered: report.considered,
    selected: report.selected,
    answered: decisions.filter((d) => d.answered).length,
    dimensions: report.dimensions
      .filter((d) => d.groups.length > 0)
      .map((d): DimensionView => ({ ...d, evidence: impactEvidence(d) })),
  };
}
