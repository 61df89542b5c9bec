import { expect } from 'vitest';
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
