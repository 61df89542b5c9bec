// What a dry run replays, per trigger kind: the job's real people and the real events of the last 30 days
// that would have set the flow off — stored Greenhouse webhooks for stage changes, rejections and hires,
// recorded match score changes, stored outreach events, decided approvals, "Export to Greenhouse" presses — each with the person's facts.
// Nothing here writes anything; the pure evaluator (rules/dry-run) decides what each case would have done.
import { personFacts } from '../../rules/person-facts';
import type { Db } from '../../db/database';
import { personFactsQuery } from '../../db/queries/person-facts';
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
  let query = personFactsQuery(db, jobId);
  query =
    personIds === null
      ? query.where('jp.score', 'is not', null)
      : // An empty list matches nobody (`in ()` is not valid SQL).
        query.where(
          'jp.person_id',
          'in',
          personIds.length > 0 ? personIds : ['00000000-0000-0000-0000-000000000000'],
        );
  const rows = await query.limit(MAX_CASES).execute();
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
      const rows = await db
        .selectFrom('score_change')
        .select(['person_id', 'from_score', 'to_score', 'changed_at'])
        .where('job_id', '=', jobId)
        .where('changed_at', '>=', since)
        .orderBy('changed_at', 'desc')
        .limit(MAX_CASES)
        .execute();
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
      const stored = await db
        .selectFrom('webhook_event')
        .select(['payload', 'received_at'])
        .where('job_id', '=', jobId)
        .where('verdict', '=', 'accepted')
        .where('action', '=', WEBHOOK_ACTION[trigger.kind])
        .where('received_at', '>=', since)
        .where('payload', 'is not', null)
        .orderBy('received_at', 'desc')
        .limit(MAX_CASES)
        .execute();
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
      const people = await db
        .selectFrom('person')
        .select(['id', 'greenhouse_candidate_id'])
        .where(
          'greenhouse_candidate_id',
          'in',
          changes.length === 0 ? [-1] : [...new Set(changes.map((c) => c.application.candidate_id))],
        )
        .execute();
      const personByCandidate = new Map(people.map((p) => [Number(p.greenhouse_candidate_id), p.id]));
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
      const rows = await db
        .selectFrom('outreach_event')
        .select(['person_id', 'kind', 'occurred_at'])
        .where('job_id', '=', jobId)
        .where('occurred_at', '>=', since)
        .orderBy('occurred_at', 'desc')
        .limit(MAX_CASES)
        .execute();
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
      const rows = await db
        .selectFrom('approval_request')
        .select(['person_id', 'status', 'decided_by', 'decided_at'])
        .where('job_id', '=', jobId)
        .where('status', 'in', ['approved', 'rejected'])
        .where('decided_at', '>=', since)
        .orderBy('decided_at', 'desc')
        .limit(MAX_CASES)
        .execute();
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
      const rows = await db
        .selectFrom('audit_event')
        .select(['person_id', 'actor', 'occurred_at'])
        .where('job_id', '=', jobId)
        .where('action', '=', 'export.requested')
        .where('person_id', 'is not', null)
        .where('occurred_at', '>=', since)
        .orderBy('occurred_at', 'desc')
        .limit(MAX_CASES)
        .execute();
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
      const job = await db
        .selectFrom('job')
        .select(['name', 'status'])
        .where('id', '=', jobId)
        .executeTakeFirst();
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
