import { Form, useNavigation } from 'react-router';
import { z } from 'zod';
import { passwordHashOf } from '../../db/queries/accounts';
import type { Route } from './+types/account';
import { CsrfInput } from '../components/csrf';
import { Field, Notice, PageHeader } from '../components/ui';
import { currentSessionId, requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { invalid, parseForm } from '../server/forms.server';
import { verifyPassword } from '../server/passwords.server';
import { setPassword } from '../server/users.server';

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter the password you signed in with.'),
    newPassword: z.string().min(12, 'Use at least 12 characters.'),
    confirm: z.string(),
  })
  .refine((value) => value.newPassword === value.confirm, {
    path: ['confirm'],
    message: 'The passwords differ.',
  });

export function meta() {
  return [{ title: 'Change password · Pilothouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  return { email: user.email };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context);
  const parsed = parseForm(changePasswordSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  // Someone at an unlocked, signed-in screen must not be able to take the account over.
  if (!(await verifyPassword(parsed.value.currentPassword, await passwordHashOf(context.db, user.id))))
    return invalid({ currentPassword: ['That is not your current password.'] }, 403);
  // This browser stays signed in; every other session of the account ends.
  await setPassword(context, user.id, parsed.value.newPassword, await currentSessionId(request, context));
  await audit(context, { actor: user.email, action: 'user.password_changed', details: { userId: user.id } });
  return { ok: true as const, message: 'Your password was changed. Other browsers were signed out.' };
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting';
  const errors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : undefined;
  return (
    <main className="page narrow">
      <PageHeader title="Change password">Signed in as {loaderData.email}.</PageHeader>
      {actionData && 'message' in actionData ? <Notice tone="success">{actionData.message}</Notice> : null}
      <Form
        key={actionData && 'message' in actionData ? 'changed' : 'change'}
        method="post"
        className="panel form"
        noValidate
      >
        <CsrfInput />
        <Field label="Current password" name="currentPassword" errors={errors?.currentPassword}>
          <input
            id="currentPassword"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
          />
        </Field>
        <Field
          label="New password"
          name="newPassword"
          errors={errors?.newPassword}
          hint="At least 12 characters."
        >
          <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required />
        </Field>
        <Field label="Repeat the new password" name="confirm" errors={errors?.confirm}>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        </Field>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </Form>
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
