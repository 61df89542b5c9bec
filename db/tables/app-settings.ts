import type { Json, UpdatedAt } from './json';

export interface AppSettingTable {
  key: string;
  value: Json<unknown>;
  updated_by: string;
  updated_at: UpdatedAt;
}
