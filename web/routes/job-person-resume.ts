// The person's resume as Greenhouse holds it now, opened through Pilothouse: the link Greenhouse hands out
// expires, so it is asked for at the moment a recruiter clicks, and the file is passed on (PDF and plain
// text open in the browser; anything else downloads). Each opening is in the audit log: it is personal data.
import type { Route } from './+types/job-person-resume';
import { requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { contentDisposition, fetchGreenhouseFile } from '../server/greenhouse-file.server';
import { assertJobVisible } from '../server/greenhouse.server';
import { parseJobId, requireJob } from '../server/jobs.server';
import { parsePersonId, resumeToSend } from '../server/person-profile.server';

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  const jobId = parseJobId(params.jobId);
  const job = await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  const personId = parsePersonId(params.personId, job.name);
  const found = await resumeToSend(context, jobId, personId);
  if ('missing' in found) return plain(found.missing, 404);
  const file = await fetchGreenhouseFile(found.resume.url);
  if (!file.ok) return plain(`The resume ${found.resume.filename} could not be fetched: ${file.reason}`, 502);
  await audit(context, {
    actor: user.email,
    action: 'person.resume.opened',
    jobId,
    personId,
    details: { filename: found.resume.filename },
  });
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.inline ? 'inline' : 'attachment', found.resume.filename),
    'Content-Length': String(file.bytes.byteLength),
    // A file from outside: never sniffed into something else.
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  };
  // Text is shown sandboxed (no script on this origin); Chromium refuses to show a PDF in a sandboxed
  // document, and its viewer runs a PDF's own script apart from the page, so a PDF keeps the app's policy.
  if (file.contentType !== 'application/pdf')
    headers['Content-Security-Policy'] = "sandbox; default-src 'none'; style-src 'unsafe-inline'";
  return new Response(new Uint8Array(file.bytes), { headers });
}

function plain(message: string, status: number): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
