import type { JobProfile, RequirementEvidence, ScoringInput } from './types';

export type ScoringContext = {
  /** The day "present" means in a resume; passed in so a replayed activity scores the same. */
  asOf: Date;
};

export type ScorerResult = {
  personId: string;
  /** 0–1. */
  score: number;
  /** The scorer's verdict per requirement; a scorer may leave out requirements it cannot judge. */
  requirements: RequirementEvidence[];
};

/** Every scorer reads only blinded text, and answers for a whole batch so corpus statistics are shared. */
export interface CandidateScorer {
  readonly name: string;
  score(
    profile: JobProfile,
    people: readonly ScoringInput[],
    context: ScoringContext,
  ): Promise<ScorerResult[]>;
}
