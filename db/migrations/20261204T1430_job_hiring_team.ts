import { sql, type Kysely } from 'kysely';

// Who holds which hiring-team role on each job, copied from Greenhouse by the job sync (job owners and job
// hiring managers), so an approval sent to "the job's recruiter" reaches and waits for that person. Roles
// use the rules' words (recruiter, coordinator, hiringManager, sourcer); the sync replaces a job's rows.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_hiring_team')
    .addColumn('job_id', 'bigint', (col) => col.notNull().references('job.id').onDelete('cascade'))
    .addColumn('greenhouse_user_id', 'bigint', (col) => col.notNull())
    .addColumn('role', 'text', (col) =>
      col.notNull().check(sql`role in ('recruiter', 'coordinator', 'hiringManager', 'sourcer')`),
    )
    .addColumn('responsible', 'boolean', (col) => col.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('job_hiring_team_pk', ['job_id', 'role', 'greenhouse_user_id'])
    .execute();
  await db.schema
    .createIndex('job_hiring_team_user_idx')
    .on('job_hiring_team')
    .column('greenhouse_user_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_hiring_team').execute();
}
