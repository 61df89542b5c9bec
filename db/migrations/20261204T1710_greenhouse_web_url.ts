import type { Kysely } from 'kysely';

// The address the account's Greenhouse opens at (app.greenhouse.io, app.eu.greenhouse.io, …): links to a
// person are built on it. Null for connections saved before it existed: they get the address that goes
// with their Harvest URL (greenhouse/web-address.ts).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('greenhouse_connection').addColumn('web_url', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('greenhouse_connection').dropColumn('web_url').execute();
}
