import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Decision, RulePlan } from '../../rules';
import type { CreatedAt, Json, JsonWithDefault, UpdatedAt } from './json';

export interface StageMappingTable {
  job_id: number;
  mapping: Json<unknown>;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface RuleFlowTable {
  id: ColumnType<string, string | undefined, never>;
  job_id: number;
  name: string;
  draft: Json<unknown>;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface RuleVersionTable {
  flow_id: string;
  version: number;
  job_id: number;
  flow: Json<unknown>;
  plan: Json<RulePlan>;
  hash: string;
  retroactive: ColumnType<boolean, boolean | undefined, never>;
  diff: JsonWithDefault<unknown>;
  published_by: string;
  published_at: CreatedAt;
}

export interface DecisionTraceTable {
  id: Generated<number>;
  job_id: number;
  person_id: string | null;
  flow_id: string | null;
  rule_version: number | null;
  event: Json<unknown>;
  decisions: Json<Decision[]>;
  trace: Json<unknown>;
  /** The plan the decisions were made under (see `rule_plan`). */
  plan_hash: string | null;
  created_at: CreatedAt;
}

/** Every plan a decision was made under, by hash: approvals and waits carry on under the plan they began in. */
export interface RulePlanTable {
  hash: string;
  job_id: number;
  flow_id: string;
  rule_version: number | null;
  plan: Json<RulePlan>;
  created_at: CreatedAt;
}

export type RuleActionFailureStatus = 'failed' | 'retrying' | 'done';

/** A rule action that failed after its retries, listed in Ops with Retry. */
export interface RuleActionFailureTable {
  id: ColumnType<string, string | undefined, never>;
  job_id: number;
  person_id: string | null;
  trace_id: number;
  decision_index: number;
  decision_type: string;
  workflow_id: string;
  status: ColumnType<RuleActionFailureStatus, RuleActionFailureStatus | undefined, RuleActionFailureStatus>;
  failure_type: string;
  failure_message: string;
  attempts: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** In-app notifications (approval waiting, escalated, a rule's "Notify"). */
export interface NotificationTable {
  id: ColumnType<string, string | undefined, never>;
  job_id: number | null;
  person_id: string | null;
  to_greenhouse_user_id: number | null;
  to_role: string | null;
  to_name: string;
  kind: string;
  message: string;
  link: string | null;
  dedupe_key: string;
  read_at: Date | string | null;
  created_at: CreatedAt;
}

export type RuleFlow = Selectable<RuleFlowTable>;
export type RuleVersion = Selectable<RuleVersionTable>;
