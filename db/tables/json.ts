import type { ColumnType } from 'kysely';

/** A jsonb column: read as T, written as T (pg serialises objects; arrays need JSON.stringify — see `jsonArray`). */
export type Json<T> = ColumnType<T, T | string, T | string>;
/** A jsonb column with a database default. */
export type JsonWithDefault<T> = ColumnType<T, T | string | undefined, T | string>;
/** A timestamp set by the database on insert. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp with a default that code may also set. */
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
