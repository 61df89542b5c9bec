import { sql, type Kysely } from 'kysely';

// The semantic scorer's embedding cache. Rows are immutable (a hash names one model and one text), so a
// second worker writing the same row is harmless; old rows can be dropped by created_at without losing
// anything but time.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('embedding_cache')
    .addColumn('hash', 'text', (col) => col.primaryKey())
    .addColumn('model', 'text', (col) => col.notNull())
    .addColumn('dimensions', 'integer', (col) => col.notNull())
    .addColumn('vector', sql`real[]`, (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('embedding_cache_dimensions_match', sql`cardinality(vector) = dimensions`)
    .execute();
  await db.schema
    .createIndex('embedding_cache_model_created_idx')
    .on('embedding_cache')
    .columns(['model', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('embedding_cache').execute();
}
