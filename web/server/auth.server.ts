import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createCookie, createSessionStorage, redirect, type SessionStorage } from 'react-router';
import { activeAccount, anyAccountExists, markSignedIn } from '../../db/queries/accounts';
import { resolveSessionSecret } from '../../db/queries/secret-box';
import { createSession, deleteSession, liveSessionData, updateSession } from '../../db/queries/sessions';
import * as signInAttempts from '../../db/queries/sign-in-attempts';
import type { AppUser, UserRole } from '../../db/tables/accounts';
import type { PilothouseContext } from './load-context';
import { describeWait, secondsToWait, SIGN_IN_TIERS, SIGN_IN_WINDOW_MINUTES } from './sign-in-throttle';

const SESSION_DAYS = 7;
type SessionData = { userId: string };

const storages = new WeakMap<PilothouseContext['db'], SessionStorage<SessionData>>();

const record = (data: Partial<SessionData>, expires: Date | undefined) => ({
  userId: data.userId ?? null,
  data,
  expiresAt: expires ?? new Date(Date.now() + SESSION_DAYS * 86_400_000),
});

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
      await createSession(db, id, record(data, expires));
      return id;
    },
    async readData(id) {
      return (await liveSessionData(db, id)) as Partial<SessionData> | null;
    },
    async updateData(id, data, expires) {
      await updateSession(db, id, record(data, expires));
    },
    async deleteData(id) {
      await deleteSession(db, id);
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
  return (await activeAccount(context.db, userId)) ?? null;
}

/** The id of this browser's session (to keep it when the account's other sessions are ended). */
export async function currentSessionId(request: Request, context: PilothouseContext): Promise<string> {
  return (await sessionStorage(context).getSession(request.headers.get('Cookie'))).id;
}

export async function hasAnyUser(context: PilothouseContext): Promise<boolean> {
  return anyAccountExists(context.db);
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
  await markSignedIn(context.db, userId);
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

/** Whether this sign-in may be verified now (db/queries/sign-in-attempts says how it is counted). */
export async function beginSignInAttempt(
  context: PilothouseContext,
  email: string,
  address: string,
): Promise<SignInAttempt> {
  const started = await signInAttempts.beginSignInAttempt(
    context.db,
    { email, address, windowMinutes: SIGN_IN_WINDOW_MINUTES },
    (tallies) =>
      Math.max(
        secondsToWait(tallies.emailFromAddress, SIGN_IN_TIERS.emailFromAddress, tallies.now),
        secondsToWait(tallies.address, SIGN_IN_TIERS.address, tallies.now),
        // Many machines on one account slow down everyone but its owner, signing in from where they always do.
        tallies.knownAddress
          ? 0
          : secondsToWait(tallies.email, SIGN_IN_TIERS.emailFromNewAddress, tallies.now),
      ),
  );
  if (started.allowed) return started;
  return {
    allowed: false,
    message: `Too many failed sign-ins. Wait ${describeWait(started.waitSeconds)} and try again.`,
  };
}

/** The password was right: the attempt recorded as failed in advance is marked succeeded. */
export async function signInAttemptSucceeded(context: PilothouseContext, attemptId: number): Promise<void> {
  await signInAttempts.signInAttemptSucceeded(context.db, attemptId);
}
