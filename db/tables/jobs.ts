import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { JobProfile } from '../../matching';
import type { HiringTeamRole } from '../../rules/node-types';
import type { CreatedAt, Json, JsonWithDefault, UpdatedAt } from './json';

export interface JobTable {
  id: number;
  name: string;
  requisition_id: string | null;
  status: 'open' | 'closed' | 'draft';
  confidential: ColumnType<boolean, boolean | undefined, boolean>;
  department_name: string | null;
  office_names: JsonWithDefault<string[]>;
  greenhouse_updated_at: Date | string | null;
  synced_at: UpdatedAt;
  deleted_at: Date | string | null;
  autopilot_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  cadence_minutes: ColumnType<number, number | undefined, number>;
}

export interface JobPostTable {
  id: number;
  job_id: number;
  title: string;
  content: ColumnType<string, string | undefined, string>;
  live: ColumnType<boolean, boolean | undefined, boolean>;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  greenhouse_updated_at: Date | string | null;
}

export interface JobStageTable {
  id: number;
  job_id: number;
  name: string;
  sort_order: number;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

/** One person's role on a job's Greenhouse hiring team (db/queries/hiring-team.ts). */
export interface JobHiringTeamTable {
  job_id: number;
  greenhouse_user_id: number;
  role: HiringTeamRole;
  /** The responsible recruiter or coordinator: the default assignee of the job's new applications. */
  responsible: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface JobProfileTable {
  job_id: number;
  version: number;
  hash: string;
  profile: Json<JobProfile>;
  created_at: CreatedAt;
}

export interface JobBacktestTable {
  job_id: number;
  /** Which scorer ranked the applications ("local" or "local+semantic"). */
  scorer: string;
  /** matching/backtest.ts's BacktestReport. */
  report: Json<unknown>;
  computed_at: UpdatedAt;
}

export type Job = Selectable<JobTable>;
export type NewJob = Insertable<JobTable>;
export type JobStage = Selectable<JobStageTable>;
export type JobPost = Selectable<JobPostTable>;
