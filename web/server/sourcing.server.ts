import { timingSafeEqual } from 'node:crypto';
import {
  importPeopleList,
  recordOutreachEvents,
  UnknownJobError,
  type ImportResult,
} from '../../db/queries/sourcing';
import { parseOutreachBody } from '../../sourcing/outreach-event';
import { readPeopleList, PEOPLE_LIST_LIMITS, type ListProblem } from '../../sourcing/people-list';
import { newSourceDataSignal } from '../../temporal/autopilot-api';
import { signalAutopilot } from './autopilot.server';
import type { SignedInUser } from './auth.server';
import { visibleJobIds } from './greenhouse.server';
import type { PilothouseContext } from './load-context';

export type ImportOutcome =
  | { ok: true; fileName: string; result: ImportResult; warnings: ListProblem[]; autopilotNotified: boolean }
  | { ok: false; fileName: string | null; errors: ListProblem[]; warnings: ListProblem[] };

/**
 * A recruiter's upload of people for a job (CSV or JSON): read and checked in full, imported all or
 * nothing, then the job's autopilot is told so the people are looked up, scored and selected now
 * rather than at the next cycle.
 */
export async function importUpload(
  context: PilothouseContext,
  input: { jobId: number; file: FormDataEntryValue | null; user: SignedInUser },
): Promise<ImportOutcome> {
  const { file } = input;
  if (!(file instanceof File) || file.size === 0)
    return {
      ok: false,
      fileName: null,
      errors: [{ message: 'Choose a CSV or JSON file to upload.' }],
      warnings: [],
    };
  if (file.size > PEOPLE_LIST_LIMITS.bytes)
    return {
      ok: false,
      fileName: file.name,
      errors: [{ message: `${file.name} is larger than 5 MB: split it into smaller lists.` }],
      warnings: [],
    };
  const parsed = await readPeopleList({ fileName: file.name, text: await file.text() });
  if (!parsed.ok) return { ok: false, fileName: file.name, errors: parsed.errors, warnings: parsed.warnings };
  const result = await importPeopleList(context.db, {
    jobId: input.jobId,
    fileName: file.name,
    people: parsed.people,
    by: input.user.email,
    visibleJobIds: await visibleJobIds(context, input.user),
  });
  const autopilotNotified = result.added > 0 && (await notify(context, input.jobId, 'import'));
  return { ok: true, fileName: file.name, result, warnings: parsed.warnings, autopilotNotified };
}

/**
 * `POST /api/outreach-events` from an outreach tool: a bearer token (OUTREACH_API_TOKEN), a JSON body
 * checked in full before anything is stored, redeliveries recognised by event id, and the jobs'
 * autopilots told. Answers JSON an integrator can act on.
 */
export async function receiveOutreachEvents(context: PilothouseContext, request: Request): Promise<Response> {
  const expected = context.env.OUTREACH_API_TOKEN;
  if (!expected)
    return json(503, {
      error: 'Outreach events are not enabled: set OUTREACH_API_TOKEN on the Pilothouse server.',
    });
  if (!bearerMatches(request.headers.get('authorization'), expected))
    return json(401, { error: 'Send the outreach API token as "Authorization: Bearer <token>".' });
  if (!(request.headers.get('content-type') ?? '').includes('application/json'))
    return json(415, { error: 'Send the events as JSON (Content-Type: application/json).' });

  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json(400, { error: 'The body is not valid JSON.' });
  }
  const parsed = parseOutreachBody(body);
  if (!parsed.ok)
    return json(422, { error: 'Some events are invalid; none were stored.', details: parsed.errors });
  try {
    const intake = await recordOutreachEvents(context.db, parsed.events);
    if (intake.stored > 0) for (const jobId of intake.jobIds) await notify(context, jobId, 'outreach');
    return json(intake.stored > 0 ? 201 : 200, { stored: intake.stored, duplicates: intake.duplicates });
  } catch (error) {
    if (error instanceof UnknownJobError) return json(422, { error: error.message });
    throw error;
  }
}

/** Tells a running autopilot; a stopped one picks the people up when it next runs. Never fails the intake. */
async function notify(context: PilothouseContext, jobId: number, reason: 'import' | 'outreach') {
  try {
    return await signalAutopilot(context, jobId, newSourceDataSignal, { reason });
  } catch {
    return false;
  }
}

function bearerMatches(header: string | null, expected: string): boolean {
  const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '');
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
