import type { ColumnType, Selectable } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './json';
import type { GreenhousePresence } from './people';

export type ExportStatus = 'running' | 'exported' | 'failed';

export interface ExportLedgerTable {
  job_id: number;
  person_id: string;
  workflow_id: string;
  status: ExportStatus;
  target: Json<unknown>;
  requested_by: string;
  greenhouse_candidate_id: number | null;
  greenhouse_application_id: number | null;
  reused_existing_candidate: ColumnType<boolean, boolean | undefined, boolean>;
  /** Set once the generated resume is uploaded, so a retry does not upload it twice. */
  resume_attachment_id: number | null;
  /** Set once the match note is added, so a retry does not add it twice. */
  note_id: number | null;
  /**
   * Set just before the resume upload / note create is sent. Unset, no earlier attempt can have made
   * one, so the create needs no duplicate check; set, the retry lists first and reuses what it finds.
   */
  resume_create_attempted_at: Date | null;
  note_create_attempted_at: Date | null;
  /**
   * Set just before the candidate create is sent: a retry that then finds the person by email knows they may
   * be its own creation (see findOrCreateCandidate), not someone Greenhouse already had.
   */
  candidate_create_attempted_at: Date | null;
  /** Set just before the first work-history entry is created: a retry lists the candidate's employments first. */
  employment_create_attempted_at: Date | null;
  /** Set once the work history was carried (or knowingly skipped): the step is not run again. */
  employments_done_at: Date | null;
  /** As for employments, for the person's education (Greenhouse candidate educations). */
  education_create_attempted_at: Date | null;
  educations_done_at: Date | null;
  /** The person's Greenhouse presence as the export step saw it (completion stores it without re-reading). */
  greenhouse_presence: Json<GreenhousePresence> | null;
  failure_type: string | null;
  failure_message: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type ExportLedgerEntry = Selectable<ExportLedgerTable>;
