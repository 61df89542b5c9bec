import type { Db } from '../database';

const NEW_JOB_AUTOPILOT = 'new_job_autopilot';

/** Whether a job Greenhouse reports for the first time starts with its autopilot on (admins choose; off until they do). */
export async function newJobAutopilot(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', NEW_JOB_AUTOPILOT)
    .executeTakeFirst();
  return row?.value === true;
}

export async function setNewJobAutopilot(db: Db, enabled: boolean, by: string): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key: NEW_JOB_AUTOPILOT, value: JSON.stringify(enabled), updated_by: by })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value: JSON.stringify(enabled), updated_by: by, updated_at: new Date() }),
    )
    .execute();
}
