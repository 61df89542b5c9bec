import { Form, redirect, useNavigation } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/setup';
import { CsrfInput } from '../components/csrf';
import { Field, Notice, PageHeader } from '../components/ui';
import { hasAnyUser, signIn, verifyCsrf } from '../server/auth.server';
import { formError, invalid, parseForm, typedBack } from '../server/forms.server';
import { firstAdminSetupCode, setupCodeMatches, setupCodeRequired } from '../server/setup-code';
import { createFirstAdmin } from '../server/users.server';

export const firstAdminSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name.'),
    email: z.email('Enter an email address such as ada@example.com.').trim().toLowerCase(),
    password: z.string().min(12, 'Use at least 12 characters.'),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, {
    path: ['confirm'],
    message: 'The passwords differ.',
  });

export function meta() {
  return [{ title: 'Set up Pilothouse' }];
}

export async function loader({ context }: Route.LoaderArgs) {
  if (await hasAnyUser(context)) throw redirect('/login');
  return { needsCode: setupCodeRequired(context.env) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await request.formData();
  await verifyCsrf(request, context, form);
  // Only the very first account can be made here; afterwards admins add people on the Users page.
  if (await hasAnyUser(context)) throw redirect('/login');
  const parsed = parseForm(firstAdminSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors, 400, typedBack(form, ['name', 'email']));
  if (setupCodeRequired(context.env)) {
    const typed = form.get('setupCode');
    if (typeof typed !== 'string' || !setupCodeMatches(typed, firstAdminSetupCode(context.env)))
      return invalid(
        { setupCode: ['Enter the setup code the Pilothouse server printed in its log when it started.'] },
        403,
      );
  }
  const user = await createFirstAdmin(context, parsed.value);
  if (!user) return formError('Someone else has just set up Pilothouse. Sign in instead.', 409);
  throw redirect('/settings/greenhouse', { headers: { 'Set-Cookie': await signIn(context, user.id) } });
}

export default function Setup({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === 'submitting';
  const errors = actionData?.fieldErrors;
  const typed = actionData?.typed;
  return (
    <main className="page narrow">
      <PageHeader title="Welcome to Pilothouse">
        Create the first administrator. You will connect Greenhouse and invite your team next.
      </PageHeader>
      <Form method="post" className="panel form" noValidate>
        <CsrfInput />
        {errors?.form ? <Notice tone="error">{errors.form.join(' ')}</Notice> : null}
        {loaderData.needsCode ? (
          <Field
            label="Setup code"
            name="setupCode"
            errors={errors?.setupCode}
            hint="Printed in the Pilothouse server's log when it started (“First-run setup code”)."
          >
            <input id="setupCode" name="setupCode" autoComplete="off" required spellCheck={false} />
          </Field>
        ) : null}
        <Field label="Your name" name="name" errors={errors?.name}>
          <input
            id="name"
            name="name"
            autoComplete="name"
            required
            defaultValue={typed?.name}
            aria-invalid={Boolean(errors?.name)}
          />
        </Field>
        <Field label="Work email" name="email" errors={errors?.email}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={typed?.email}
            aria-invalid={Boolean(errors?.email)}
          />
        </Field>
        <Field label="Password" name="password" errors={errors?.password} hint="At least 12 characters.">
          <input id="password" name="password" type="password" autoComplete="new-password" required />
        </Field>
        <Field label="Repeat the password" name="confirm" errors={errors?.confirm}>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required />
        </Field>
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create administrator'}
        </button>
      </Form>
    </main>
  );
}
