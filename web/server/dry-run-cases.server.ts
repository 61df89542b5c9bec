// What a dry run replays, per trigger kind: the job's real people and the real events of the last 30 days
// that would have set the flow off — stored Greenhouse webhooks for stage changes, rejections and hires,
// recorded match score changes, stored outreach events, decided approvals, "Export to Greenhouse" presses — each with the person's facts.
// Nothing here writes anything; the pure evaluator (rules/dry-run) decides what each case would have done.
import { personFacts } from '../../rules/person-facts';
import type { Db } from '../../db/database';
import { approvalDecisionsSince } from '../../db/queries/approvals';
import { exportPressesSince } from '../../db/queries/audit';
import { jobNameAndStatus } from '../../db/queries/jobs';
import { personIdsByCandidate } from '../../db/queries/people';
import { personFactsOnJob } from '../../db/queries/person-facts';
import { scoreChangesSince } from '../../db/queries/score-changes';
import { outreachEventsSince } from '../../db/queries/sourcing';
import { acceptedWebhooksSince } from '../../db/queries/webhooks';
import { translateWebhook } from '../../greenhouse';
import type { DryRunCase, Facts, FlowEvent, TriggerData } from '../../rules';
import { RULE_OUTREACH_EVENT } from '../../sourcing/outreach-event';

export const DRY_RUN_DAYS = 30;
const MAX_CASES = 1000;

export type DryRunCases = {
  /** What the cases are, completing "Run over …": "the 12 stage changes in Greenhouse of the last 30 days". */
  over: string;
  cases: DryRunCase[];
  /** Person id → name, for the examples; job-level cases are named after the job. */
  names: Map<string, string>;
};

const WEBHOOK_ACTION = {
  stageChanged: 'candidate_stage_change',
  applicationRejected: 'reject_candidate',
  candidateHired: 'hire_candidate',
} as const;

const EVENT_WORDS = {
  stageChanged: ['stage change', 'stage changes'],
  applicationRejected: ['rejection', 'rejections'],
  candidateHired: ['hire', 'hires'],
} as const;

function plural(count: number, [one, many]: readonly [string, string]): string {
  return `${count} ${count === 1 ? one : many}`;
}

async function factsOf(db: Db, jobId: number, personIds: readonly string[] | null) {
  const rows = await personFactsOnJob(db, jobId, personIds ?? 'scored', MAX_CASES);
  return new Map(rows.map((row) => [row.person_id, row]));
}

const nameOf = (row: { first_name: string; last_name: string }) =>
  `${row.first_name} ${row.last_name}`.trim();

/** The cases for the flow's trigger. `now` is passed in so the window is the caller's (and tests') choice. */
export async function dryRunCases(
  db: Db,
  jobId: number,
  trigger: TriggerData,
  now: Date,
): Promise<DryRunCases> {
  const since = new Date(now.getTime() - DRY_RUN_DAYS * 86_400_000);
  const window = `of the last ${DRY_RUN_DAYS} days`;
  const names = new Map<string, string>();

  /** Cases for (person, event, when) triples, with the person's facts as stored now. */
  const personCases = async (
    events: { personId: string; event: FlowEvent; at: Date | string; adjust?: (facts: Facts) => Facts }[],
  ): Promise<DryRunCase[]> => {
    const rows = await factsOf(db, jobId, [...new Set(events.map((e) => e.personId))]);
    const cases: DryRunCase[] = [];
    for (const { personId, event, at, adjust } of events) {
      const row = rows.get(personId);
      if (!row) continue; // no longer in this job's pipeline (erased, or never sourced for it)
      names.set(personId, nameOf(row));
      const facts = personFacts(row, new Date(at).toISOString());
      cases.push({ personId, event, facts: adjust ? adjust(facts) : facts });
    }
    return cases;
  };

  switch (trigger.kind) {
    case 'personMatched': {
      const rows = await factsOf(db, jobId, null);
      const cases = [...rows.values()].map((row) => {
        names.set(row.person_id, nameOf(row));
        return {
          personId: row.person_id,
          event: { type: 'personMatched', score: row.score ?? 0 } as FlowEvent,
          facts: personFacts(row, now.toISOString()),
        };
      });
      return { over: `the ${cases.length} scored people of this job as they are now`, cases, names };
    }

    case 'scoreCrossed': {
      // Every recorded change of score, crossing or not: the flow's own threshold decides which start it.
      const rows = await scoreChangesSince(db, { jobId, since, limit: MAX_CASES });
      const cases = await personCases(
        rows.map((row) => ({
          personId: row.person_id,
          event: { type: 'scoreCrossed', from: row.from_score, to: row.to_score } as FlowEvent,
          at: row.changed_at,
          // The score the change arrived at, not whatever later scorings made of it.
          adjust: (facts: Facts): Facts => ({ ...facts, score: row.to_score }),
        })),
      );
      return {
        over: `the ${plural(cases.length, ['match score change', 'match score changes'])} ${window}`,
        cases,
        names,
      };
    }

    case 'stageChanged':
    case 'applicationRejected':
    case 'candidateHired': {
      const stored = await acceptedWebhooksSince(db, {
        jobId,
        action: WEBHOOK_ACTION[trigger.kind],
        since,
        limit: MAX_CASES,
      });
      const changes = stored.flatMap((row) => {
        try {
          const event = translateWebhook(row.payload);
          return event.kind === 'application_changed'
            ? [{ application: event.application, at: row.received_at }]
            : [];
        } catch {
          return []; // a payload an erasure cleared or Greenhouse changed: nothing to replay
        }
      });
      const personByCandidate = await personIdsByCandidate(db, [
        ...new Set(changes.map((c) => c.application.candidate_id)),
      ]);
      const cases = await personCases(
        changes.flatMap(({ application, at }) => {
          const personId = personByCandidate.get(application.candidate_id);
          if (!personId) return [];
          const event: FlowEvent =
            trigger.kind === 'stageChanged'
              ? {
                  type: 'stageChanged',
                  fromStageId: null,
                  toStageId: application.job_interview_stage_id ?? 0,
                }
              : trigger.kind === 'applicationRejected'
                ? { type: 'applicationRejected', rejectionReasonId: application.rejection_reason_id ?? null }
                : { type: 'candidateHired' };
          if (event.type === 'stageChanged' && !event.toStageId) return [];
          // The person as Greenhouse had them right after the event: that application, in that stage.
          const adjust = (facts: Facts): Facts => ({
            ...facts,
            greenhouse: {
              presence: 'applicant',
              onThisJob: true,
              applicationId: application.id,
              currentStageId: application.job_interview_stage_id ?? null,
              status: application.status ?? facts.greenhouse?.status ?? null,
            },
          });
          return [{ personId, event, at, adjust }];
        }),
      );
      return {
        over: `the ${plural(cases.length, EVENT_WORDS[trigger.kind])} in Greenhouse ${window}`,
        cases,
        names,
      };
    }

    case 'outreachEvent': {
      const rows = await outreachEventsSince(db, { jobId, since, limit: MAX_CASES });
      const cases = await personCases(
        rows.flatMap((row) => {
          const event = RULE_OUTREACH_EVENT[row.kind as keyof typeof RULE_OUTREACH_EVENT];
          return event
            ? [
                {
                  personId: row.person_id,
                  event: { type: 'outreachEvent', event } as FlowEvent,
                  at: row.occurred_at,
                },
              ]
            : [];
        }),
      );
      return {
        over: `the ${plural(cases.length, ['outreach event', 'outreach events'])} ${window}`,
        cases,
        names,
      };
    }

    case 'approvalDecided': {
      const rows = await approvalDecisionsSince(db, { jobId, since, limit: MAX_CASES });
      const cases = await personCases(
        rows.map((row) => ({
          personId: row.person_id,
          event: {
            type: 'approvalDecided',
            outcome: row.status === 'approved' ? 'approved' : 'rejected',
            decidedBy: row.decided_by ? { userId: null, name: row.decided_by } : null,
          } as FlowEvent,
          at: row.decided_at ?? now,
        })),
      );
      return {
        over: `the ${plural(cases.length, ['approval decision', 'approval decisions'])} ${window}`,
        cases,
        names,
      };
    }

    case 'manualExportRequested': {
      const rows = await exportPressesSince(db, { jobId, since, limit: MAX_CASES });
      const cases = await personCases(
        rows.map((row) => ({
          personId: row.person_id!,
          event: {
            type: 'manualExportRequested',
            requestedBy: { userId: null, name: row.actor },
          } as FlowEvent,
          at: row.occurred_at,
        })),
      );
      return {
        over: `the ${plural(cases.length, ['"Export to Greenhouse" press', '"Export to Greenhouse" presses'])} ${window}`,
        cases,
        names,
      };
    }

    case 'jobOpened':
    case 'jobClosed': {
      const job = await jobNameAndStatus(db, jobId);
      const personId = `job:${jobId}`;
      names.set(personId, job?.name ?? 'This job');
      return {
        over: `this job ${trigger.kind === 'jobOpened' ? 'opening' : 'closing'} (it is ${job?.status ?? 'unknown'} now)`,
        cases: [{ personId, event: { type: trigger.kind }, facts: { now: now.toISOString() } }],
        names,
      };
    }
  }
}
