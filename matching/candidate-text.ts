import { sourceProfileSchema, type SourceProfile } from './types';

/**
 * A sourced profile written out as resume-like lines. Identity fields (name, emails, phones, links, photo)
 * and graduation years are left out on purpose: the scorer must not see them, and the profile object itself
 * is kept for export.
 */
export function profileToText(input: SourceProfile): string {
  const profile = sourceProfileSchema.parse(input);
  const out: string[] = [];
  const current = [profile.title, profile.company].filter(Boolean).join(' at ');
  if (current) out.push(current);
  if (profile.headline && profile.headline !== current) out.push(profile.headline);
  if (profile.location) out.push(`Location: ${profile.location}`);
  if (profile.summary) out.push('', profile.summary);
  if (profile.pastJobs.length > 0) {
    out.push('', 'Experience');
    for (const job of profile.pastJobs) {
      const dates = job.start ? ` (${job.start} – ${job.end ?? 'present'})` : '';
      out.push(`${[job.title, job.company].filter(Boolean).join(', ')}${dates}`);
      if (job.description) out.push(job.description);
    }
  }
  if (profile.skills.length > 0) out.push('', `Skills: ${profile.skills.join(', ')}`);
  if (profile.education.length > 0) {
    out.push('', 'Education');
    for (const school of profile.education) {
      const degree = [school.degree, school.field].filter(Boolean).join(', ');
      out.push([degree, school.school].filter(Boolean).join(' — '));
    }
  }
  return out.join('\n').trim();
}
