import { z } from 'zod';
import { normalizeLinkedInUrl } from '../greenhouse/linkedin-url';

/** What outreach tools report, as Pilothouse stores it (outreach_event.kind). */
export const OUTREACH_EVENT_KINDS = ['added_to_sequence', 'replied', 'replied_interested'] as const;
export type OutreachEventKind = (typeof OUTREACH_EVENT_KINDS)[number];

/** The rules' name for each kind (rules/node-types.ts OUTREACH_EVENTS). */
export const RULE_OUTREACH_EVENT = {
  added_to_sequence: 'addedToSequence',
  replied: 'replied',
  replied_interested: 'repliedInterested',
} as const satisfies Record<OutreachEventKind, string>;

const linkedIn = z.string().transform((value, ctx) => {
  const normalized = normalizeLinkedInUrl(value);
  if (!normalized)
    ctx.addIssue({ code: 'custom', message: 'Not a LinkedIn profile URL (linkedin.com/in/…).' });
  return normalized ?? value;
});

const OutreachPersonSchema = z
  .object({
    first_name: z.string().trim().min(1, 'The person needs a first name.'),
    last_name: z.string().trim().default(''),
    email: z.email('Not an email address.').toLowerCase().optional(),
    linkedin_url: linkedIn.optional(),
    title: z.string().trim().optional(),
    company: z.string().trim().optional(),
    location: z.string().trim().optional(),
  })
  .refine((p) => p.email || p.linkedin_url, {
    message: 'Give the person an email or a LinkedIn URL: Pilothouse looks people up in Greenhouse by them.',
  });

/**
 * One event from an outreach tool (sequence tools such as Gem, Outreach or lemlist, or a script),
 * posted to `POST /api/outreach-events`. `event_id` is the tool's own id: a redelivered event is
 * recognised and stored once.
 */
export const OutreachEventSchema = z.object({
  event_id: z.string().trim().min(1).max(200),
  job_id: z.number().int().positive(),
  type: z.enum(OUTREACH_EVENT_KINDS, `Use one of: ${OUTREACH_EVENT_KINDS.join(', ')}.`),
  occurred_at: z.iso.datetime({
    offset: true,
    message: 'Use an ISO 8601 time with a zone, e.g. 2026-12-01T09:30:00Z.',
  }),
  sequence: z.string().trim().max(200).optional(),
  person: OutreachPersonSchema,
});
export type OutreachEvent = z.infer<typeof OutreachEventSchema>;

const OutreachBatchSchema = z.object({
  events: z
    .array(OutreachEventSchema)
    .min(1, 'Send at least one event.')
    .max(500, 'Send at most 500 events per request.'),
});

/**
 * A request body: one event, or `{ "events": [...] }` (at most 500). Errors come back as lines that
 * name the field ("events.3.person.email: Not an email address.").
 */
export function parseOutreachBody(
  body: unknown,
): { ok: true; events: OutreachEvent[] } | { ok: false; errors: string[] } {
  const batch = typeof body === 'object' && body !== null && 'events' in body;
  const parsed = batch ? OutreachBatchSchema.safeParse(body) : OutreachEventSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error) };
  return { ok: true, events: 'events' in parsed.data ? parsed.data.events : [parsed.data] };
}

/** zod issues as "events.3.person.email: Not an email address." lines for an API caller. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
}
