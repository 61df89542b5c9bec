import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { createCookie, createSessionStorage, redirect, type SessionStorage } from 'react-router';
import { resolveSessionSecret } from '../../db/queries/secret-box';
import type { AppUser, UserRole } from '../../db/tables/accounts';
import type { PilothouseContext } from './load-context';
import { describeWait, secondsToWait, SIGN_IN_TIERS, SIGN_IN_WINDOW_MINUTES } from './sign-in-throttle';

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

/** The id of this browser's session (to keep it when the account's other sessions are ended). */
export async function currentSessionId(request: Request, context: PilothouseContext): Promise<string> {
  return (await sessionStorage(context).getSession(request.headers.get('Cookie'))).id;
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

export type SignInAttempt = { allowed: true; attemptId: number } | { allowed: false; message: string };

/**
 * Decides whether a sign-in may be verified and, if so, records it as failed *before* the password is
 * checked (it is marked succeeded afterwards): concurrent guesses each see the others, and a guess
 * whose answer never comes back still counts. One email's attempts are decided one at a time
 * (an advisory lock for the transaction). Refused attempts are not recorded, so hammering does not
 * lengthen anyone's wait.
 */
export async function beginSignInAttempt(
  context: PilothouseContext,
  email: string,
  address: string,
): Promise<SignInAttempt> {
  const normalized = email.toLowerCase();
  return context.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in:${normalized}`}, 0))`.execute(trx);
    const window = sql<Date>`now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`;
    const row = await trx
      .selectFrom('sign_in_attempt')
      .select([
        sql<number>`count(*) filter (where email = ${normalized} and ip = ${address})::int`.as('pair'),
        sql<Date | null>`max(attempted_at) filter (where email = ${normalized} and ip = ${address})`.as(
          'pairLast',
        ),
        sql<number>`count(*) filter (where ip = ${address})::int`.as('addr'),
        sql<Date | null>`max(attempted_at) filter (where ip = ${address})`.as('addrLast'),
        sql<number>`count(*) filter (where email = ${normalized})::int`.as('acct'),
        sql<Date | null>`max(attempted_at) filter (where email = ${normalized})`.as('acctLast'),
        sql<boolean>`exists (select 1 from sign_in_attempt s where s.email = ${normalized} and s.ip = ${address} and s.succeeded and s.attempted_at > now() - interval '30 days')`.as(
          'knownAddress',
        ),
        sql<Date>`now()`.as('now'),
      ])
      .where('succeeded', '=', false)
      .where('attempted_at', '>', window)
      .executeTakeFirstOrThrow();
    const now = new Date(row.now);
    const tally = (failures: number, last: Date | null) => ({
      failures,
      lastFailureAt: last ? new Date(last) : null,
    });
    const wait = Math.max(
      secondsToWait(tally(row.pair, row.pairLast), SIGN_IN_TIERS.emailFromAddress, now),
      secondsToWait(tally(row.addr, row.addrLast), SIGN_IN_TIERS.address, now),
      row.knownAddress
        ? 0
        : secondsToWait(tally(row.acct, row.acctLast), SIGN_IN_TIERS.emailFromNewAddress, now),
    );
    if (wait > 0)
      return {
        allowed: false as const,
        message: `Too many failed sign-ins. Wait ${describeWait(wait)} and try again.`,
      };
    const attempt = await trx
      .insertInto('sign_in_attempt')
      .values({ email: normalized, ip: address, succeeded: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { allowed: true as const, attemptId: Number(attempt.id) };
  });
}

/** The password was right: the attempt recorded as failed in advance is marked succeeded. */
export async function signInAttemptSucceeded(context: PilothouseContext, attemptId: number): Promise<void> {
  await context.db
    .updateTable('sign_in_attempt')
    .set({ succeeded: true })
    .where('id', '=', attemptId)
    .execute();
}
