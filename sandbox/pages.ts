import { escapeHtml } from './http/escape-html';
import { harvestError, type Reply } from './http/reply';
import type { SandboxRuntime } from './runtime';
import { byId } from './state/types';

/**
 * Stand-ins for Greenhouse's own pages, so demo links ("open in Greenhouse") land somewhere:
 * `/people/<candidate id>` (the profile) and `/jobs/<job post id>` (the public posting).
 */
export function servePage(rt: SandboxRuntime, url: URL): Reply | undefined {
  const [, section, rawId] = url.pathname.split('/');
  const id = Number(rawId);
  if (section === 'people' && Number.isInteger(id)) return html(personPage(rt, id));
  if (section === 'jobs' && Number.isInteger(id)) return html(jobPostPage(rt, id));
  return undefined;
}

function personPage(rt: SandboxRuntime, candidateId: number): string {
  const { state } = rt;
  const candidate = byId(state.candidates, candidateId);
  if (!candidate) throw harvestError(404, `Candidate ${candidateId} not found`);
  const rows = state.applications
    .filter((application) => application.candidate_id === candidate.id)
    .map((application) => {
      const job = application.job_id === null ? undefined : byId(state.jobs, application.job_id);
      const where = job?.name ?? (application.prospect ? 'Prospect' : '—');
      return `<tr><td>${application.id}</td><td>${escapeHtml(where)}</td><td>${escapeHtml(application.stage_name ?? '—')}</td><td>${application.status}</td><td>${escapeHtml(application.last_activity_at ?? '')}</td></tr>`;
    })
    .join('');
  const contacts = [
    ...candidate.email_addresses,
    ...candidate.phone_numbers,
    ...candidate.social_media_addresses,
  ]
    .map((entry) => `<li>${escapeHtml(entry.value)}</li>`)
    .join('');
  const files = state.attachments
    .filter((attachment) => attachment.candidate_id === candidate.id)
    .map(
      (attachment) =>
        `<li><a href="${escapeHtml(attachment.url)}">${escapeHtml(attachment.filename)}</a> (${attachment.type})</li>`,
    )
    .join('');
  const optionName = (id: number | null) =>
    id === null ? null : (state.custom_field_options.find((option) => option.id === id)?.name ?? null);
  const years = (start: string | null, end: string | null) =>
    `${start?.slice(0, 4) ?? '?'}–${end?.slice(0, 4) ?? 'now'}`;
  const employments = state.candidate_employments
    .filter((employment) => employment.candidate_id === candidate.id)
    .map(
      (e) =>
        `<li>${escapeHtml(e.title)} at ${escapeHtml(e.company_name)} (${years(e.start_date, e.end_date)})</li>`,
    )
    .join('');
  const educations = state.candidate_educations
    .filter((education) => education.candidate_id === candidate.id)
    .map((e) => {
      const what = [
        optionName(e.school_name_custom_field_option_id),
        optionName(e.degree_custom_field_option_id),
        optionName(e.discipline_custom_field_option_id),
      ].filter(Boolean);
      return `<li>${escapeHtml(what.join(', ') || 'an education')} (${years(e.start_at, e.end_at)})</li>`;
    })
    .join('');
  const notes = state.notes
    .filter((note) => note.candidate_id === candidate.id)
    .map((note) => `<li><pre>${escapeHtml(note.body ?? '')}</pre></li>`)
    .join('');
  return layout(
    `${candidate.first_name} ${candidate.last_name}`,
    `<p>${escapeHtml([candidate.title, candidate.company].filter(Boolean).join(' at '))}</p>
<h2>Contact</h2><ul>${contacts}</ul>
<h2>Applications</h2><table><tr><th>id</th><th>job</th><th>stage</th><th>status</th><th>last activity</th></tr>${rows}</table>
<h2>Employment</h2><ul data-testid="employment">${employments || '<li>none</li>'}</ul>
<h2>Education</h2><ul data-testid="education">${educations || '<li>none</li>'}</ul>
<h2>Attachments</h2><ul>${files || '<li>none</li>'}</ul>
<h2>Notes</h2><ul>${notes || '<li>none</li>'}</ul>`,
  );
}

function jobPostPage(rt: SandboxRuntime, postId: number): string {
  const post = byId(rt.state.job_posts, postId);
  if (!post) throw harvestError(404, `Job post ${postId} not found`);
  // Post content is HTML the sandbox generated itself.
  return layout(post.title, post.content ?? '');
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — Greenhouse sandbox</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}td,th{padding:.25rem .75rem;text-align:left}</style>
</head><body><p><small>Greenhouse sandbox (stand-in page)</small></p><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function html(page: string): Reply {
  return { status: 200, raw: Buffer.from(page), contentType: 'text/html; charset=utf-8' };
}
