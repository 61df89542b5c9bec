import type { GreenhousePresence } from '../db/tables/people';
import type { Facts } from './index';

interface FactsRow {
  person_id: string;
  first_name: string;
  last_name: string;
  emails: string[];
  linkedin_url: string | null;
  location: string | null;
  source_kind: string;
  greenhouse: GreenhousePresence;
  score: number | null;
  last_activity_at: Date | string | null;
  explanation?: unknown;
}

const LEVEL = { met: 'met', partly: 'partly', 'not-met': 'notMet' } as const;

/** What the rules know about a person in a job's pipeline, from the stored rows. */
export function personFacts(row: FactsRow, now: string): Facts {
  const requirements: Record<string, 'met' | 'partly' | 'notMet'> = {};
  const evidence = (
    row.explanation as { requirements?: { label: string; status: keyof typeof LEVEL }[] } | undefined
  )?.requirements;
  for (const requirement of evidence ?? [])
    requirements[requirement.label] = LEVEL[requirement.status] ?? 'notMet';
  const presence = row.greenhouse;
  return {
    now,
    personId: row.person_id,
    name: `${row.first_name} ${row.last_name}`.trim(),
    ...(row.score === null ? {} : { score: row.score }),
    requirements,
    source: row.source_kind,
    greenhouse:
      presence.kind === 'none'
        ? { presence: 'none', onThisJob: false }
        : {
            presence: presence.kind,
            onThisJob: presence.onThisJob,
            applicationId: presence.applicationId ?? null,
            currentStageId: presence.stageId ?? null,
            status: presence.status ?? null,
          },
    hasEmail: row.emails.length > 0,
    hasLinkedIn: Boolean(row.linkedin_url),
    ...(row.location ? { location: row.location } : {}),
    lastActivityAt: row.last_activity_at === null ? null : new Date(row.last_activity_at).toISOString(),
  };
}
