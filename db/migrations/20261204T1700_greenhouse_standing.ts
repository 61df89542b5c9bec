import { sql, type Kysely } from 'kysely';

// Where a person stood in Greenhouse (stage and status of their application on the job) when Pilothouse
// last acted on it: their "Stage changed" / "Application rejected" / "Candidate hired" flows ran, or
// Pilothouse made the change itself (an export, a rule's move). The cycle's re-read of Greenhouse (the
// safety net under lost webhooks) compares Greenhouse with this, not with the displayed record
// (`greenhouse`), which the source step refreshes for everyone it reads — a change written there first
// was never seen as a change. A webhook and a re-read of the same change find it already acted on.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_person').addColumn('greenhouse_standing', 'jsonb').execute();
  // People already in Greenhouse stand where their record says: nothing to act on after the upgrade.
  await db
    .updateTable('job_person')
    .set({
      greenhouse_standing: sql`jsonb_build_object('stageId', greenhouse->'stageId', 'status', greenhouse->'status')`,
    })
    .where(sql<boolean>`greenhouse->>'kind' in ('applicant', 'prospect')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_person').dropColumn('greenhouse_standing').execute();
}
