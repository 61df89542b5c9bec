import type { CreatedAt } from './json';

/** A Greenhouse prospect pool an admin chose as a source for a job (db/queries/job-prospect-pools.ts). */
export interface JobProspectPoolTable {
  job_id: number;
  prospect_pool_id: number;
  /** The pool's name as Greenhouse last gave it. */
  pool_name: string;
  chosen_by: string;
  chosen_at: CreatedAt;
}
