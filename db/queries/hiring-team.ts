import type { JobHiringManager, JobOwner } from '../../greenhouse/schemas';
import type { HiringTeamRole } from '../../rules/node-types';
import type { Db } from '../database';

/** One person's role on one job's hiring team, in the rules' words. */
export interface HiringTeamMember {
  jobId: number;
  greenhouseUserId: number;
  role: HiringTeamRole;
  responsible: boolean;
}

/** Greenhouse's two lists (job owners, job hiring managers) as one team; a repeated row counts once. */
export function hiringTeamFromGreenhouse(
  owners: readonly Pick<JobOwner, 'job_id' | 'user_id' | 'type' | 'responsible'>[],
  hiringManagers: readonly Pick<JobHiringManager, 'job_id' | 'user_id'>[],
): HiringTeamMember[] {
  const members = new Map<string, HiringTeamMember>();
  const add = (member: HiringTeamMember) => {
    const key = `${member.jobId}:${member.role}:${member.greenhouseUserId}`;
    const seen = members.get(key);
    members.set(key, seen ? { ...seen, responsible: seen.responsible || member.responsible } : member);
  };
  for (const owner of owners)
    add({
      jobId: owner.job_id,
      greenhouseUserId: owner.user_id,
      role: owner.type,
      responsible: owner.responsible,
    });
  for (const manager of hiringManagers)
    add({
      jobId: manager.job_id,
      greenhouseUserId: manager.user_id,
      role: 'hiringManager',
      responsible: false,
    });
  return [...members.values()];
}

/**
 * Makes `members` the whole hiring team of each of `jobIds` (a job without members ends with none), in one
 * transaction so a reader never sees a job's team half replaced.
 */
export async function replaceHiringTeams(
  db: Db,
  jobIds: readonly number[],
  members: readonly HiringTeamMember[],
): Promise<void> {
  if (jobIds.length === 0) return;
  const wanted = new Set(jobIds);
  const rows = members
    .filter((member) => wanted.has(member.jobId))
    .map((member) => ({
      job_id: member.jobId,
      greenhouse_user_id: member.greenhouseUserId,
      role: member.role,
      responsible: member.responsible,
    }));
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('job_hiring_team')
      .where('job_id', 'in', [...wanted])
      .execute();
    if (rows.length > 0) await trx.insertInto('job_hiring_team').values(rows).execute();
  });
}

/** Who holds which role on each of the jobs, as rules/approval-rights' mayDecide reads it (no entry: no team). */
export async function hiringTeamsOf(
  db: Db,
  jobIds: readonly number[],
): Promise<Map<number, { role: HiringTeamRole; greenhouseUserId: number }[]>> {
  const teams = new Map<number, { role: HiringTeamRole; greenhouseUserId: number }[]>();
  if (jobIds.length === 0) return teams;
  const rows = await db
    .selectFrom('job_hiring_team')
    .select(['job_id', 'role', 'greenhouse_user_id'])
    .where('job_id', 'in', [...jobIds])
    .orderBy('job_id')
    .orderBy('role')
    .orderBy('greenhouse_user_id')
    .execute();
  for (const row of rows) {
    const jobId = Number(row.job_id);
    const team = teams.get(jobId) ?? [];
    team.push({ role: row.role, greenhouseUserId: Number(row.greenhouse_user_id) });
    teams.set(jobId, team);
  }
  return teams;
}
