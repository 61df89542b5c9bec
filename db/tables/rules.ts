import type { ColumnType, Generated, Selectable } from 'kysely';
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
  plan: Json<unknown>;
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
  decisions: Json<unknown>;
  trace: Json<unknown>;
  created_at: CreatedAt;
}

export type RuleFlow = Selectable<RuleFlowTable>;
export type RuleVersion = Selectable<RuleVersionTable>;
