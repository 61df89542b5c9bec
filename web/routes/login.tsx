import { Form, redirect, useNavigation, useSearchParams } from 'react-router';
import { z } from 'zod';
import { accountForSignIn, upgradePasswordHash } from '../../db/queries/accounts';
import type { Route } from './+types/login';
import { CsrfInput } from '../components/csrf';
import { Field, Notice, PageHeader } from '../components/ui';
import {
  beginSignInAttempt,
  currentUser,
  hasAnyUser,
  signIn,
  signInAttemptSucceeded,
  verifyCsrf,
} from '../server/auth.server';
import { formError, invalid, parseForm } from '../server/forms.server';
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from '../server/passwords.server';
import { safeRedirect } from '../server/safe-redirect';

const signInSchema = z.object({
  email: z.email('Enter the email address of your account.').trim().toLowerCase(),
  password: z.string().min(1, 'Enter your password.'),
  redirectTo: z.string().optional(),
});

export function meta() {
  return [{ title: 'Sign in · Pilothouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  if (!(await hasAnyUser(context))) throw redirect('/setup');
  if (await currentUser(request, context)) throw redirect('/jobs');
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  await verifyCsrf(request, context, form);
  const parsed = parseForm(signInSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const { email, password, redirectTo } = parsed.value;
  const address = context.clientAddress ?? 'unknown';
  // Recorded (as failed) before the password is checked, so concurrent guesses count against each other.
  const attempt = await beginSignInAttempt(context, email, address);
  if (!attempt.allowed) return formError(attempt.message, 429);

  const user = await accountForSignIn(context.db, email);
  const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !ok) return formError('That email and password do not match an account.', 401);
  await signInAttemptSucceeded(context, attempt.attemptId);
  if (user.disabled_at) return formError('This account is disabled. Ask an administrator.', 403);
  // A hash made at an older, cheaper cost is replaced now, while the password is at hand.
  if (needsRehash(user.password_hash)) {
    await upgradePasswordHash(context.db, {
      userId: user.id,
      checked: user.password_hash,
      stronger: await hashPassword(password),
    });
  }
  // Only pages of this app: an open redirect would let a link send people elsewhere after signing in.
  throw redirect(safeRedirect(redirectTo, new URL(request.url).origin), {
    headers: { 'Set-Cookie': await signIn(context, user.id) },
  });
}

export default function Login({ actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting';
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors;
  return (
    <main className="page narrow">
      <PageHeader title="Sign in" />
      <Form method="post" className="panel form" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        {errors?.form ? <Notice tone="error">{errors.form.join(' ')}</Notice> : null}
        <Field label="Email" name="email" errors={errors?.email}>
          <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </Field>
        <Field label="Password" name="password" errors={errors?.password}>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
    </main>
  );
}
