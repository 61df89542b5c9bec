import { z } from 'zod';
import { writeVisibilities } from './attachments';
import { greenhouseId, recordBase } from './common';

export const noteTypes = [
  'NOTE',
  'ACTIVITY',
  'INTERVIEW',
  'EMAIL',
  'FOLLOW_UP',
  'TAKE_HOME_TEST',
  'LINKEDIN_NOTE',
  'LINKEDIN_INMAIL',
  'AVAILABILITY_REQUEST',
  'MIGRATION_ERROR',
  'TOUCHPOINT',
  'FORM',
  'FEEDBACK',
] as const;
export const noteReadVisibilities = ['admin_only_visible', 'privately_visible', 'publicly_visible'] as const;
export const writableNoteTypes = ['EMAIL', 'ACTIVITY', 'NOTE'] as const;

export const noteSchema = z.looseObject({
  ...recordBase,
  candidate_id: greenhouseId.nullable(),
  application_id: greenhouseId.nullable().optional(),
  body: z.string().nullable(),
  subject: z.string().nullable().optional(),
  type: z.enum(noteTypes),
  user_id: greenhouseId.nullable().optional(),
  visibility: z.enum(noteReadVisibilities).nullable(),
  email_from: z.string().nullable().optional(),
  email_to: z.string().nullable().optional(),
  email_cc: z.array(z.string()).nullable().optional(),
  import_hash: z.string().nullable().optional(),
  body_with_tags: z.string().nullable().optional(),
  email_attachment_file_names: z.string().nullable().optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const createNoteBody = z
  .strictObject({
    candidate_id: greenhouseId,
    application_id: greenhouseId.optional(),
    body: z.string().min(1),
    subject: z.string().optional(),
    note_type: z.enum(writableNoteTypes),
    user_id: greenhouseId.optional(),
    visibility: z.enum(writeVisibilities),
    email_from: z.array(z.string()).optional(),
    email_to: z.array(z.string()).optional(),
    email_cc: z.array(z.string()).optional(),
  })
  .refine(
    (note) =>
      note.note_type === 'EMAIL'
        ? note.subject !== undefined && note.email_from && note.email_to && note.email_cc
        : note.email_from === undefined && note.email_to === undefined && note.email_cc === undefined,
    { message: 'EMAIL notes need subject and email_from/to/cc; other notes must not carry email fields' },
  );
export type CreateNoteBody = z.infer<typeof createNoteBody>;
