import type { ColumnType, Selectable } from 'kysely';

export type ErasureReason = 'deleted' | 'anonymized' | 'merged';

/** A Greenhouse candidate whose personal data Pilothouse must not hold (ids only, never a name). */
export interface ErasedCandidateTable {
  greenhouse_candidate_id: ColumnType<number, number, never>;
  reason: ErasureReason;
  /** For merges: the candidate the person lives on as. */
  merged_into_candidate_id: number | null;
  erased_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** When the sweep last proved nothing of the candidate is left. */
  checked_at: Date | string | null;
}

export type ErasedCandidate = Selectable<ErasedCandidateTable>;
