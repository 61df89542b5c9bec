import { expect } from 'vitest';
import { collect, type HarvestClient } from '../../../../greenhouse';
import { visibleJobsForUser } from '../../../../greenhouse/job-visibility';
import { Visitor } from './web-visitor';

export interface Teammate {
  name: string;
  email: string;
  password: string;
  role: 'admin' | 'recruiter' | 'ops';
}

export const ada: Teammate = {
  name: 'Ada Admin',
  email: 'ada@pilothouse.test',
  password: 'correct horse battery staple',
  role: 'admin',
};

/** The first visit to a fresh installation: Ada creates the first admin account and is signed in. */
export async function firstAdminSignsUp(baseUrl: string): Promise<Visitor> {
  const admin = new Visitor(baseUrl);
  const created = await admin.submit('/setup', {
    name: ada.name,
    email: ada.email,
    password: ada.password,
    confirm: ada.password,
  });
  expect(created.location, 'setup redirects to Connect Greenhouse').toBe('/settings/greenhouse');
  return admin;
}

/** The admin adds a teammate on the Users screen, linked to a Greenhouse user when one is given. */
export async function adminAdds(
  admin: Visitor,
  teammate: Teammate,
  greenhouseUserId: number | null = null,
): Promise<void> {
  const added = await admin.submit('/settings/users', {
    intent: 'create',
    name: teammate.name,
    email: teammate.email,
    role: teammate.role,
    password: teammate.password,
    greenhouseUserId: greenhouseUserId === null ? '' : String(greenhouseUserId),
  });
  expect(added.html).toContain(`${teammate.name} can now sign in as ${teammate.role}.`);
}

/** The teammate signs in on their own browser. */
export async function signedIn(baseUrl: string, teammate: Teammate): Promise<Visitor> {
  const visitor = new Visitor(baseUrl);
  const answer = await visitor.signIn(teammate.email, teammate.password);
  expect(answer.location, `${teammate.email} is signed in`).toBe('/jobs');
  return visitor;
}

/**
 * A Greenhouse user whose access reaches every one of `jobIds`: what a recruiter or ops account is linked
 * to so it sees those jobs (an account linked to nobody sees no job).
 */
export async function greenhouseUserWhoSees(harvest: HarvestClient, jobIds: number[]): Promise<number> {
  for (const user of await collect(harvest.listUsers({ per_page: 500 }), 500)) {
    if (user.deactivated) continue;
    const sees = new Set((await visibleJobsForUser(harvest, user.id)).map((j) => j.id));
    if (jobIds.every((id) => sees.has(id))) return user.id;
  }
  throw new Error(`no Greenhouse user sees jobs ${jobIds.join(', ')}`);
}
