import type { ColumnType, Selectable } from 'kysely';
import type { CreatedAt, Json, JsonWithDefault, UpdatedAt } from './json';

export interface PastJob {
  title: string;
  company: string;
  startYear?: number;
  endYear?: number;
}

/** One school attended, with its names as the list wrote them: Greenhouse's ids are looked up on export. */
export interface Education {
  school: string;
  degree?: string;
  discipline?: string;
  startYear?: number;
  endYear?: number;
}

export interface PersonTable {
  id: ColumnType<string, string | undefined, never>;
  first_name: string;
  last_name: string;
  emails: JsonWithDefault<string[]>;
  phones: JsonWithDefault<string[]>;
  linkedin_url: string | null;
  location: string | null;
  title: string | null;
  company: string | null;
  past_jobs: JsonWithDefault<PastJob[]>;
  education: JsonWithDefault<Education[]>;
  skills: JsonWithDefault<string[]>;
  resume_text: string | null;
  greenhouse_candidate_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Where the person stands in Greenhouse, as last seen. */
export type GreenhousePresence =
  | { kind: 'none' }
  | {
      kind: 'prospect' | 'applicant';
      candidateId: number;
      applicationId?: number;
      onThisJob: boolean;
      stageId?: number | null;
      stageName?: string | null;
      status?: 'in_process' | 'rejected' | 'hired' | 'converted';
      lastActivityAt?: string | null;
      /** The Greenhouse user recruiting on that application; pages name them from Greenhouse's users. */
      recruiterId?: number | null;
    };

/**
 * Where the person stood in Greenhouse on the job when Pilothouse last acted on it (their Greenhouse-change
 * flows ran, or Pilothouse made the change). The re-read of Greenhouse compares with this.
 */
export interface GreenhouseStanding {
  stageId: number | null;
  status: 'in_process' | 'rejected' | 'hired' | 'converted' | null;
  /** When Greenhouse made the change this standing comes from, when known (StageEvent.changedAt). */
  changedAt?: string | null;
}

export type PipelineStage =
  'sourced' | 'matched' | 'pending_approval' | 'approved' | 'rejected' | 'exported' | (string & {});

export interface JobPersonTable {
  job_id: number;
  person_id: string;
  source_kind: 'inbound' | 'prospect_pool' | 'import' | 'outreach';
  source_ref: string | null;
  pipeline_stage: ColumnType<PipelineStage, PipelineStage | undefined, PipelineStage>;
  /** Tags a rule put on the person for this job ("Tag in Pilothouse"). */
  tags: JsonWithDefault<string[]>;
  greenhouse: JsonWithDefault<GreenhousePresence>;
  greenhouse_standing: ColumnType<GreenhouseStanding | null, string | null | undefined, string | null>;
  score: number | null;
  profile_version: number | null;
  last_activity_at: Date | string | null;
  sourced_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MatchScoreTable {
  job_id: number;
  person_id: string;
  profile_version: number;
  score: number;
  scorer: string;
  explanation: Json<unknown>;
  created_at: CreatedAt;
}

/** A person's match score for a job moved between two scorings; the autopilot's "Match score crossed" input. */
export interface ScoreChangeTable {
  id: ColumnType<string, never, never>;
  job_id: number;
  person_id: string;
  from_score: number;
  to_score: number;
  profile_version: number;
  changed_at: CreatedAt;
  processed_at: Date | string | null;
}

export type Person = Selectable<PersonTable>;
export type JobPerson = Selectable<JobPersonTable>;
