import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { createCookie, createSessionStorage, redirect, type SessionStorage } from 'react-router';
import { resolveSessionSecret } from '../../db/queries/secret-box';
import type { AppUser, UserRole } from '../../db/tables/accounts';
import type { PilothouseContext } from './load-context';

const SESSION_DAYS = 7;
type SessionData = { userId: string };

const storages = new WeakMap<PilothouseContext['db'], SessionStorage<SessionData>>();

/** Sessions live in `app_session`; the cookie only carries the signed session id. */
function sessionStorage(context: PilothouseContext): SessionStorage<SessionData> {
  const known = storages.get(context.db);
  if (known) return known;
  const { db } = context;
  const cookie = createCookie('ph_session', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: context.env.NODE_ENV === 'production',
    secrets: [resolveSessionSecret(context.env)],
    maxAge: SESSION_DAYS * 24 * 3600,
  });
  const storage = createSessionStorage<SessionData>({
    cookie,
    async createData(data, expires) {
      const id = randomBytes(32).toString('base64url');
      await db
        .insertInto('app_session')
        .values({
          id,
          user_id: data.userId ?? null,
          data: JSON.stringify(data),
          expires_at: expires ?? new Date(Date.now() + SESSION_DAYS * 86_400_000),
        })
        .execute();
      return id;
    },
    async readData(id) {
      const row = await db
        .selectFrom('app_session')
        .select(['data', 'expires_at'])
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row || new Date(row.expires_at) < new Date()) return null;
      return row.data as Partial<SessionData>;
    },
    async updateData(id, data, expires) {
      await db
        .updateTable('app_session')
        .set({
          data: JSON.stringify(data),
          user_id: data.userId ?? null,
          expires_at: expires ?? new Date(Date.now() + SESSION_DAYS * 86_400_000),
        })
        .where('id', '=', id)
        .execute();
    },
    async deleteData(id) {
      await db.deleteFrom('app_session').where('id', '=', id).execute();
    },
  });
  storages.set(db, storage);
  return storage;
}

export type SignedInUser = Pick<AppUser, 'id' | 'email' | 'name' | 'role' | 'greenhouse_user_id'>;

export async function currentUser(
  request: Request,
  context: PilothouseContext,
): Promise<SignedInUser | null> {
  const session = await sessionStorage(context).getSession(request.headers.get('Cookie'));
  const userId = session.get('userId');
  if (!userId) return null;
  const user = await context.db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'role', 'greenhouse_user_id'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return user ?? null;
}

export async function hasAnyUser(context: PilothouseContext): Promise<boolean> {
  const row = await context.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * The guard every page and action starts with: no account yet → the first-run setup; not signed in →
 * sign-in (coming back here afterwards); signed in with the wrong role → 403.
 */
export async function requireUser(
  request: Request,
  context: PilothouseContext,
  roles?: readonly UserRole[],
): Promise<SignedInUser> {
  const user = await currentUser(request, context);
  if (!user) {
    if (!(await hasAnyUser(context))) throw redirect('/setup');
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  // Admins may do everything; the other roles only what their pages are for.
  if (roles && user.role !== 'admin' && !roles.includes(user.role)) {
    throw new Response(
      `This page is for ${roles.join(' or ')} accounts; you are signed in as ${user.role}.`,
      {
        status: 403,
        statusText: 'Forbidden',
      },
    );
  }
  return user;
}

/** Starts a session for the user and returns the Set-Cookie header that carries it. */
export async function signIn(context: PilothouseContext, userId: string): Promise<string> {
  const storage = sessionStorage(context);
  const session = await storage.getSession();
  session.set('userId', userId);
  await context.db
    .updateTable('app_user')
    .set({ last_sign_in_at: new Date() })
    .where('id', '=', userId)
    .execute();
  return storage.commitSession(session);
}

export async function signOut(request: Request, context: PilothouseContext): Promise<string> {
  const storage = sessionStorage(context);
  const session = await storage.getSession(request.headers.get('Cookie'));
  return storage.destroySession(session);
}

// ------------------------------------------------------------------------------------------------ CSRF

/**
 * Double-submit token: a signed, httpOnly cookie holds a random token and every form posts it back in a
 * hidden `csrf` field. A page on another site can make the browser send the cookie but cannot read it,
 * so it cannot fill in the field.
 */
function csrfCookie(context: PilothouseContext) {
  return createCookie('ph_csrf', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: context.env.NODE_ENV === 'production',
    secrets: [resolveSessionSecret(context.env)],
  });
}

/** The token for this browser, and the Set-Cookie header to send when it is new. */
export async function csrfToken(
  request: Request,
  context: PilothouseContext,
): Promise<{ token: string; setCookie: string | null }> {
  const cookie = csrfCookie(context);
  const existing: unknown = await cookie.parse(request.headers.get('Cookie'));
  if (typeof existing === 'string' && existing.length >= 32) return { token: existing, setCookie: null };
  const token = randomBytes(32).toString('base64url');
  return { token, setCookie: await cookie.serialize(token) };
}

/** Throws 403 unless the form carries this browser's CSRF token. */
export async function verifyCsrf(
  request: Request,
  context: PilothouseContext,
  form: FormData,
): Promise<void> {
  const expected: unknown = await csrfCookie(context).parse(request.headers.get('Cookie'));
  const sent = form.get('csrf');
  const ok =
    typeof expected === 'string' &&
    typeof sent === 'string' &&
    sent.length === expected.length &&
    timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  if (!ok) {
    throw new Response(
      'The form was missing its security token or it had expired. Reload the page and try again.',
      {
        status: 403,
        statusText: 'Forbidden',
      },
    );
  }
}

/** For actions: the signed-in user with the right role, and the form, whose CSRF token was checked. */
export async function requireMutation(
  request: Request,
  context: PilothouseContext,
  roles?: readonly UserRole[],
): Promise<{ user: SignedInUser; form: FormData }> {
  const user = await requireUser(request, context, roles);
  const form = await request.formData();
  await verifyCsrf(request, context, form);
  return { user, form };
}

// ------------------------------------------------------------------------------------- sign-in throttle

const WINDOW = '15 minutes';
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

/** A sentence to show when too many sign-ins failed recently, or null when the attempt may go ahead. */
export async function signInThrottled(
  context: PilothouseContext,
  email: string,
  address: string,
): Promise<string | null> {
  const row = await context.db
    .selectFrom('sign_in_attempt')
    .select([
      sql<number>`count(*) filter (where lower(email) = lower(${email}))::int`.as('byEmail'),
      sql<number>`count(*) filter (where ip = ${address})::int`.as('byAddress'),
    ])
    .where('succeeded', '=', false)
    .where('attempted_at', '>', sql<Date>`now() - ${WINDOW}::interval`)
    .executeTakeFirstOrThrow();
  if (row.byEmail >= MAX_FAILURES_PER_EMAIL)
    return `Too many failed sign-ins for ${email} in the last ${WINDOW}. Wait a few minutes and try again.`;
  if (row.byAddress >= MAX_FAILURES_PER_ADDRESS)
    return `Too many failed sign-ins from this address in the last ${WINDOW}. Wait a few minutes and try again.`;
  return null;
}

export async function recordSignInAttempt(
  context: PilothouseContext,
  email: string,
  address: string,
  succeeded: boolean,
): Promise<void> {
  await context.db
    .insertInto('sign_in_attempt')
    .values({ email: email.toLowerCase(), ip: address, succeeded })
    .execute();
}
