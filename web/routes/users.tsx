import { Fragment, useEffect, useState } from 'react';
import { Form, useNavigation } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/users';
import { CsrfInput } from '../components/csrf';
import { Badge, EmptyState, Field, Notice, PageHeader } from '../components/ui';
import { accountName, setAccountDisabled } from '../../db/queries/accounts';
import { USER_ROLES } from '../../db/tables/accounts';
import { requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import { formError, invalid, parseForm } from '../server/forms.server';
import { greenhouseReferenceData } from '../server/greenhouse.server';
import {
  changeAccess,
  createUser,
  EmailTakenError,
  greenhouseUserByEmail,
  listUsers,
  setPassword,
} from '../server/users.server';
import { useWhen } from '../components/when';

const greenhouseUserField = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : Number(v)))
  .refine((v) => v === null || (Number.isInteger(v) && v > 0), 'Pick a Greenhouse user or leave it empty.');

export const newUserSchema = z.object({
  intent: z.literal('create'),
  name: z.string().trim().min(1, 'Enter their name.'),
  email: z.email('Enter an email address such as sam@example.com.').trim().toLowerCase(),
  role: z.enum(USER_ROLES, 'Pick admin, recruiter or ops.'),
  password: z.string().min(12, 'Use at least 12 characters; share it with them privately.'),
  greenhouseUserId: greenhouseUserField,
});

const changeAccessSchema = z.object({
  intent: z.literal('change-access'),
  userId: z.uuid('Pick whose access to change.'),
  role: z.enum(USER_ROLES, 'Pick admin, recruiter or ops.'),
  greenhouseUserId: greenhouseUserField,
});

const resetPasswordSchema = z.object({
  intent: z.literal('reset-password'),
  userId: z.uuid('Pick whose password to reset.'),
  newPassword: z.string().min(12, 'Use at least 12 characters; share it with them privately.'),
});

const disableSchema = z.object({
  intent: z.enum(['disable', 'enable']),
  userId: z.uuid(),
});

export function meta() {
  return [{ title: 'Users · Pilothouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const me = await requireUser(request, context, ['admin']);
  const [users, reference] = await Promise.all([listUsers(context), greenhouseReferenceData(context)]);
  return {
    me: me.id,
    users: users.map((u) => ({
      ...u,
      disabled_at: u.disabled_at ? new Date(u.disabled_at).toISOString() : null,
      last_sign_in_at: u.last_sign_in_at ? new Date(u.last_sign_in_at).toISOString() : null,
      created_at: new Date(u.created_at).toISOString(),
    })),
    greenhouseUsers: reference.users.filter((u) => !u.disabled),
    greenhouseError: reference.error,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['admin']);
  if (form.get('intent') === 'create') {
    const parsed = parseForm(newUserSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors);
    // Left unlinked, the account follows the Greenhouse user with the same email, if there is one.
    const byEmail =
      parsed.value.greenhouseUserId === null
        ? greenhouseUserByEmail((await greenhouseReferenceData(context)).users, parsed.value.email)
        : null;
    try {
      const created = await createUser(context, {
        ...parsed.value,
        greenhouseUserId: parsed.value.greenhouseUserId ?? byEmail,
      });
      await audit(context, {
        actor: user.email,
        action: 'user.created',
        details: { email: created.email, role: created.role },
      });
      const linked =
        byEmail !== null
          ? ` Linked to the Greenhouse user with the same email: they see the jobs that user may see.`
          : parsed.value.greenhouseUserId === null && created.role !== 'admin'
            ? ' Not linked to a Greenhouse user: they see no job until you link them (Change access).'
            : '';
      return { ok: true as const, message: `${created.name} can now sign in as ${created.role}.${linked}` };
    } catch (error) {
      if (error instanceof EmailTakenError) return invalid({ email: [error.message] });
      throw error;
    }
  }
  if (form.get('intent') === 'change-access') {
    const parsed = parseForm(changeAccessSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors);
    // An admin cannot take their own rights away by mistake; another admin can.
    if (parsed.value.userId === user.id) return formError('You cannot change your own role or link.');
    const changed = await changeAccess(context, parsed.value.userId, parsed.value);
    if (!changed) return invalid({ userId: ['That account no longer exists.'] });
    await audit(context, {
      actor: user.email,
      action: 'user.access_changed',
      details: {
        userId: changed.id,
        role: parsed.value.role,
        greenhouseUserId: parsed.value.greenhouseUserId,
      },
    });
    const linkedTo =
      parsed.value.greenhouseUserId === null
        ? null
        : ((await greenhouseReferenceData(context)).users.find((g) => g.id === parsed.value.greenhouseUserId)
            ?.name ?? 'the Greenhouse user picked');
    return {
      ok: true as const,
      message: `${changed.name} now signs in as ${changed.role}, ${
        linkedTo ? `seeing the jobs ${linkedTo} may see in Greenhouse.` : 'not linked to a Greenhouse user.'
      }${!linkedTo && changed.role !== 'admin' ? ' They see no job until they are linked.' : ''}`,
    };
  }
  if (form.get('intent') === 'reset-password') {
    const parsed = parseForm(resetPasswordSchema, form);
    if (!parsed.ok) return invalid(parsed.fieldErrors);
    const target = await accountName(context.db, parsed.value.userId);
    if (!target) return invalid({ userId: ['That account no longer exists.'] });
    // Their sessions end: whoever knew the old password is signed out everywhere.
    await setPassword(context, target.id, parsed.value.newPassword);
    await audit(context, {
      actor: user.email,
      action: 'user.password_reset',
      details: { userId: target.id },
    });
    return {
      ok: true as const,
      message: `The password of ${target.name} was reset and their sessions were signed out. Share the new one with them privately.`,
    };
  }
  const parsed = parseForm(disableSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  if (parsed.value.userId === user.id) return formError('You cannot disable your own account.');
  // A disabled account is signed out everywhere at once.
  await setAccountDisabled(context.db, parsed.value.userId, parsed.value.intent === 'disable');
  await audit(context, {
    actor: user.email,
    action: `user.${parsed.value.intent}d`,
    details: { userId: parsed.value.userId },
  });
  return {
    ok: true as const,
    message: parsed.value.intent === 'disable' ? 'Account disabled and signed out.' : 'Account enabled.',
  };
}

/** The roles an account can have, in the order admins pick them most. */
function RoleOptions() {
  return (
    <>
      <option value="recruiter">Recruiter</option>
      <option value="ops">Ops</option>
      <option value="admin">Admin</option>
    </>
  );
}

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const { when } = useWhen();
  const busy = useNavigation().state === 'submitting';
  const errors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : undefined;
  // Whose access is being changed (one row at a time); closed again once a change is saved.
  const [editing, setEditing] = useState<string | null>(null);
  const savedMessage = actionData && 'message' in actionData ? actionData.message : null;
  useEffect(() => setEditing(null), [savedMessage]);
  return (
    <main className="page">
      <PageHeader title="Users">
        Admins set everything up, recruiters work the approvals inbox, ops look after failed syncs. An account
        sees the jobs its Greenhouse user may see in Greenhouse; a recruiter or ops account linked to nobody
        sees no job until you link it.
      </PageHeader>
      {actionData && 'message' in actionData ? <Notice tone="success">{actionData.message}</Notice> : null}
      {errors?.form ? <Notice tone="error">{errors.form.join(' ')}</Notice> : null}
      {loaderData.users.length === 0 ? (
        <EmptyState title="No users yet." />
      ) : (
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Greenhouse user</th>
              <th>Last sign-in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {loaderData.users.map((u) => (
              <Fragment key={u.id}>
                <tr>
                  <td>
                    {u.name} {u.disabled_at ? <Badge tone="bad">disabled</Badge> : null}
                  </td>
                  <td>{u.email}</td>
                  <td>
                    <Badge tone="info">{u.role}</Badge>
                  </td>
                  <td>
                    {u.greenhouse_user_id
                      ? (loaderData.greenhouseUsers.find((g) => g.id === u.greenhouse_user_id)?.name ??
                        `#${u.greenhouse_user_id}`)
                      : '—'}
                  </td>
                  <td>{when(u.last_sign_in_at)}</td>
                  <td>
                    {u.id !== loaderData.me ? (
                      <div className="user-actions">
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="userId" value={u.id} />
                          <button
                            className="button small"
                            name="intent"
                            value={u.disabled_at ? 'enable' : 'disable'}
                          >
                            {u.disabled_at ? 'Enable' : 'Disable'}
                          </button>
                        </Form>
                        <button
                          type="button"
                          className="button small"
                          aria-expanded={editing === u.id}
                          onClick={() => setEditing(editing === u.id ? null : u.id)}
                          data-testid={`change-access-${u.email}`}
                        >
                          Change access
                        </button>
                      </div>
                    ) : (
                      <span className="small muted">you</span>
                    )}
                  </td>
                </tr>
                {editing === u.id ? (
                  <tr className="change-access-row">
                    <td colSpan={6}>
                      <Form method="post" className="change-access" data-testid={`access-form-${u.email}`}>
                        <CsrfInput />
                        <input type="hidden" name="intent" value="change-access" />
                        <input type="hidden" name="userId" value={u.id} />
                        <label>
                          Role
                          <select name="role" defaultValue={u.role} aria-label={`Role of ${u.name}`}>
                            <RoleOptions />
                          </select>
                        </label>
                        <label>
                          Greenhouse user
                          <select
                            name="greenhouseUserId"
                            defaultValue={u.greenhouse_user_id ?? ''}
                            aria-label={`Greenhouse user of ${u.name}`}
                          >
                            <option value="">
                              {u.role === 'admin'
                                ? 'Not linked: sees every synced job'
                                : 'Not linked: sees no job'}
                            </option>
                            {loaderData.greenhouseUsers.map((g) => (
                              <option key={g.id} value={g.id}>
                                {g.name} ({g.email})
                              </option>
                            ))}
                          </select>
                        </label>
                        <button type="submit" className="button small primary" disabled={busy}>
                          Save access
                        </button>
                        <button type="button" className="button small" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </Form>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <section className="panel add-user">
        <h2>Add a user</h2>
        {/* A new key after each account added empties the form, so the next person starts blank (and a
            password typed for someone else is not left in it). */}
        <Form
          key={actionData && 'message' in actionData ? actionData.message : 'add-user'}
          method="post"
          className="form grid-form"
          noValidate
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          <Field label="Name" name="name" errors={errors?.name}>
            <input id="name" name="name" required />
          </Field>
          <Field label="Email" name="email" errors={errors?.email}>
            <input id="email" name="email" type="email" required />
          </Field>
          <Field label="Role" name="role" errors={errors?.role}>
            <select id="role" name="role" defaultValue="recruiter">
              <RoleOptions />
            </select>
          </Field>
          <Field label="Initial password" name="password" errors={errors?.password}>
            <input id="password" name="password" type="password" autoComplete="new-password" required />
          </Field>
          <Field
            label="Greenhouse user (optional)"
            name="greenhouseUserId"
            errors={errors?.greenhouseUserId}
            hint={
              loaderData.greenhouseError ??
              'They see the jobs that user may see. “Match by email” picks the one with their email.'
            }
          >
            <select id="greenhouseUserId" name="greenhouseUserId" defaultValue="">
              <option value="">Match by email</option>
              {loaderData.greenhouseUsers.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name} ({g.email}){g.siteAdmin ? ' · site admin' : ''}
                </option>
              ))}
            </select>
          </Field>
          <div className="row">
            <button type="submit" className="button primary" disabled={busy}>
              {busy ? 'Adding…' : 'Add user'}
            </button>
          </div>
        </Form>
      </section>
      <section className="panel reset-password">
        <h2>Reset a password</h2>
        <p className="muted small">
          For someone who forgot theirs. Everyone changes their own under “Change password”.
        </p>
        <Form
          key={actionData && 'message' in actionData ? `reset:${actionData.message}` : 'reset-password'}
          method="post"
          className="form grid-form"
          noValidate
        >
          <CsrfInput />
          <input type="hidden" name="intent" value="reset-password" />
          <Field label="Account" name="userId" errors={errors?.userId}>
            <select id="userId" name="userId" defaultValue="">
              <option value="" disabled>
                Pick an account
              </option>
              {loaderData.users
                .filter((u) => u.id !== loaderData.me)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name} ({u.email})
                  </option>
                ))}
            </select>
          </Field>
          <Field label="New password" name="newPassword" errors={errors?.newPassword}>
            <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required />
          </Field>
          <div className="row">
            <button type="submit" className="button" disabled={busy}>
              Reset password
            </button>
          </div>
        </Form>
      </section>
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
