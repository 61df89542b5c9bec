import { z } from 'zod';
import { greenhouseId, recordBase } from './common';

export const attachmentTypes = [
  'resume',
  'cover_letter',
  'take_home_test',
  'offer_packet',
  'offer_letter',
  'signed_offer_letter',
  'other',
  'form_attachment',
  'midfunnel_agreement',
  'automated_agreement',
] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

/** Write-side visibility; note that notes read it back as `*_visible`. */
export const writeVisibilities = ['admin_only', 'private', 'public'] as const;

export const attachmentSchema = z.looseObject({
  ...recordBase,
  application_id: greenhouseId,
  candidate_id: greenhouseId.nullable().optional(),
  type: z.enum(attachmentTypes),
  filename: z.string(),
  /** Signed URL; Greenhouse lets it expire after 7 days, so never store it as a permanent link. */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

export const createAttachmentBody = z
  .strictObject({
    application_id: greenhouseId,
    filename: z.string().min(1),
    type: z.enum(attachmentTypes),
    /** Base64 of the file bytes. */
    content: z.string().optional(),
    url: z.string().optional(),
    visibility: z.enum(writeVisibilities).optional(),
  })
  .refine((body) => (body.content === undefined) !== (body.url === undefined), {
    message: 'an attachment carries exactly one of content (base64) or url',
    path: ['content'],
  });
export type CreateAttachmentBody = z.infer<typeof createAttachmentBody>;
