import type { Attachment } from './schemas/attachments';

/**
 * The resume Greenhouse holds for a person now. Greenhouse keeps attachments per application and turns
 * the previous resume into `other` when a new one is added, so each application has at most one; a
 * person with several applications may have several. The one on the application we look at wins, then
 * the newest.
 */
export function currentResume<T extends Pick<Attachment, 'type' | 'application_id' | 'created_at'>>(
  attachments: readonly T[],
  applicationId: number | null,
): T | null {
  const resumes = attachments.filter((attachment) => attachment.type === 'resume');
  const newestFirst = [...resumes].sort(
    (a, b) =>
      Number(b.application_id === applicationId) - Number(a.application_id === applicationId) ||
      addedAt(b) - addedAt(a),
  );
  return newestFirst[0] ?? null;
}

function addedAt(attachment: { created_at?: string | undefined }): number {
  return Date.parse(attachment.created_at ?? '') || 0;
}
