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

const GREENHOUSE_LOOK_UP = 'greenhouse_look_up_schedule';

/** How often people found outside Greenhouse are looked up there again. */
export const LOOK_UP_SCHEDULES = {
  daily: { label: 'Every day', days: 1 },
  weekly: { label: 'Every week', days: 7 },
} as const;
export type LookUpSchedule = keyof typeof LOOK_UP_SCHEDULES;

/**
 * How often people who came from uploads or outreach and were not in Greenhouse are looked up there again,
 * so someone added to Greenhouse later is linked to their record (admins choose; daily until they do).
 */
export async function greenhouseLookUpSchedule(db: Db): Promise<LookUpSchedule> {
  const row = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', GREENHOUSE_LOOK_UP)
    .executeTakeFirst();
  return row?.value === 'weekly' ? 'weekly' : 'daily';
}

export async function setGreenhouseLookUpSchedule(
  db: Db,
  schedule: LookUpSchedule,
  by: string,
): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key: GREENHOUSE_LOOK_UP, value: JSON.stringify(schedule), updated_by: by })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value: JSON.stringify(schedule), updated_by: by, updated_at: new Date() }),
    )
    .execute();
}
