import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { CreatedAt, Json, UpdatedAt } from './json';

export const USER_ROLES = ['admin', 'recruiter', 'ops'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface AppUserTable {
  id: ColumnType<string, string | undefined, never>;
  email: string;
  name: string;
  role: UserRole;
  password_hash: string;
  /** When set, the user sees only the jobs this Greenhouse user may see. */
  greenhouse_user_id: number | null;
  disabled_at: Date | string | null;
  created_at: CreatedAt;
  last_sign_in_at: Date | string | null;
}

export interface AppSessionTable {
  id: string;
  user_id: string | null;
  data: ColumnType<
    Record<string, unknown>,
    Record<string, unknown> | string | undefined,
    Record<string, unknown> | string
  >;
  created_at: CreatedAt;
  expires_at: Date | string;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  attempted_at: CreatedAt;
}

export interface GreenhouseConnectionTable {
  id: ColumnType<number, number | undefined, never>;
  client_id: string;
  /** AES-256-GCM, key derived from SESSION_SECRET (see db/queries/secret-box.ts). */
  client_secret_encrypted: string;
  acting_user_id: number | null;
  token_url: string;
  api_url: string;
  /** Where the account's Greenhouse opens in a browser; null: the one that goes with api_url. */
  web_url: string | null;
  webhook_secret_encrypted: string;
  granted_scopes: Json<string[]> | null;
  missing_scopes: Json<string[]> | null;
  checked_at: Date | string | null;
  check_error: string | null;
  updated_by: string;
  updated_at: UpdatedAt;
}

export type AppUser = Selectable<AppUserTable>;
export type NewAppUser = Insertable<AppUserTable>;
export type GreenhouseConnectionRow = Selectable<GreenhouseConnectionTable>;
