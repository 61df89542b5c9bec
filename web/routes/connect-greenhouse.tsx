import { Form, useFetcher, useNavigation } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/connect-greenhouse';
import { CsrfInput, useCsrfToken } from '../components/csrf';
import { Badge, Field, Notice, PageHeader, Spinner } from '../components/ui';
import {
  greenhouseLookUpSchedule,
  LOOK_UP_SCHEDULES,
  setGreenhouseLookUpSchedule,
  type LookUpSchedule,
} from '../../db/queries/app-settings';
import {
  loadGreenhouseConnection,
  removeGreenhouseConnection,
  saveGreenhouseConnection,
} from '../../db/queries/greenhouse-connection';
import { greenhouseWebUrlFor, parseGreenhouseWebUrl } from '../../greenhouse/web-address';
import { requireMutation, requireUser } from '../server/auth.server';
import { audit } from '../server/audit.server';
import {
  afterRemoval,
  connectDemoSandbox,
  connectionOverview,
  newWebhookSecret,
  testConnection,
  unsavedScopeCheck,
  webhookUrl,
} from '../server/connection.server';
import { formError, invalid, parseForm } from '../server/forms.server';
import { forgetGreenhouseCache } from '../server/greenhouse.server';
import { useWhen } from '../components/when';

const optionalId = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : Number(v)))
  .refine(
    (v) => v === null || (Number.isInteger(v) && v > 0),
    'A Greenhouse user id is a positive whole number.',
  );

export const connectionSchema = z.object({
  intent: z.literal('save'),
  clientId: z.string().trim().min(1, 'Paste the client id of the Harvest v3 credential.'),
  clientSecret: z.string().trim(),
  userId: optionalId,
  tokenUrl: z.url('Enter the token URL, e.g. https://auth.greenhouse.io/token.'),
  apiUrl: z.url('Enter the Harvest v3 URL, e.g. https://harvest.greenhouse.io/v3.'),
  // Empty: the address that goes with the Harvest URL (app.eu.greenhouse.io for harvest.eu.greenhouse.io).
  webUrl: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const parsed = parseGreenhouseWebUrl(value);
      if (parsed.ok) return parsed.url;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }),
});

export const lookUpScheduleSchema = z.object({
  intent: z.literal('look-up-schedule'),
  schedule: z.enum(['daily', 'weekly'], 'Choose every day or every week.'),
});

// Removing is asked twice: the button opens the question, the answer carries this word.
export const removalSchema = z.object({
  intent: z.literal('remove'),
  confirm: z.literal('remove', 'Confirm the removal: the connection was kept.'),
});

export function meta() {
  return [{ title: 'Connect Greenhouse · Pilothouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireUser(request, context, ['admin']);
  const [overview, lookUpSchedule] = await Promise.all([
    connectionOverview(context),
    greenhouseLookUpSchedule(context.db),
  ]);
  const unsaved = unsavedScopeCheck();
  return {
    ...overview,
    unsavedCheck:
      overview.connection && 'origin' in overview.connection && overview.connection.origin !== 'database'
        ? unsaved
        : null,
    webhookUrl: webhookUrl(context, request),
    lookUpSchedule,
    // What is left when the saved connection is removed.
    fallback:
      context.env.GREENHOUSE_CLIENT_ID && context.env.GREENHOUSE_CLIENT_SECRET
        ? ('environment' as const)
        : context.env.PILOTHOUSE_DEMO_SANDBOX_URL
          ? ('demo' as const)
          : null,
    sandboxUrl: context.env.PILOTHOUSE_DEMO_SANDBOX_URL ?? null,
    defaults: {
      tokenUrl: context.env.GREENHOUSE_TOKEN_URL,
      apiUrl: context.env.GREENHOUSE_API_URL,
      webUrl: context.env.GREENHOUSE_WEB_URL ?? greenhouseWebUrlFor(context.env.GREENHOUSE_API_URL),
    },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['admin']);
  const intent = form.get('intent');
  if (intent === 'look-up-schedule') {
    const chosen = parseForm(lookUpScheduleSchema, form);
    if (!chosen.ok) return invalid(chosen.fieldErrors);
    await setGreenhouseLookUpSchedule(context.db, chosen.value.schedule, user.email);
    await audit(context, {
      actor: user.email,
      action: 'settings.greenhouse_look_up_schedule',
      details: { schedule: chosen.value.schedule },
    });
    return { ok: true as const, lookUpSchedule: chosen.value.schedule };
  }
  if (intent === 'test') {
    const result = await testConnection(context);
    return { ok: true as const, tested: result };
  }
  if (intent === 'use-sandbox') {
    if (!context.env.PILOTHOUSE_DEMO_SANDBOX_URL)
      return formError('There is no demo sandbox in this installation.');
    await connectDemoSandbox(context, user.email);
    await audit(context, {
      actor: user.email,
      action: 'greenhouse.connection.saved',
      details: { demo: true },
    });
    return { ok: true as const, tested: await testConnection(context) };
  }
  if (intent === 'rotate-webhook-secret') {
    const current = await loadGreenhouseConnection(context.db, context.env);
    if (!current || current.origin !== 'database')
      return formError('Save a connection before changing its webhook secret.');
    await saveGreenhouseConnection(context.db, context.env, {
      clientId: current.clientId,
      userId: current.userId,
      tokenUrl: current.tokenUrl,
      apiUrl: current.apiUrl,
      webUrl: current.webUrl,
      webhookSecret: newWebhookSecret(),
      updatedBy: user.email,
    });
    await audit(context, { actor: user.email, action: 'greenhouse.webhook_secret.rotated' });
    return {
      ok: true as const,
      saved: 'A new webhook secret is ready: paste it into each Greenhouse webhook.',
    };
  }
  if (intent === 'remove') {
    const confirmed = parseForm(removalSchema, form);
    if (!confirmed.ok) return invalid(confirmed.fieldErrors);
    const current = await loadGreenhouseConnection(context.db, context.env).catch(() => null);
    const removed = await removeGreenhouseConnection(context.db);
    if (!removed)
      return formError(
        'There is no saved connection to remove: this one comes from the server’s settings (GREENHOUSE_CLIENT_ID and GREENHOUSE_CLIENT_SECRET); remove them there.',
      );
    forgetGreenhouseCache();
    await audit(context, {
      actor: user.email,
      action: 'greenhouse.connection.removed',
      details: { clientId: current?.clientId ?? null, harvestUrl: current?.apiUrl ?? null },
    });
    return { ok: true as const, removed: await afterRemoval(context) };
  }
  const parsed = parseForm(connectionSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const current = await loadGreenhouseConnection(context.db, context.env);
  // The saved secret is kept only for the same credential at the same addresses: pointing the token or
  // Harvest URL elsewhere with it would hand it to whoever answers there.
  const sameCredential =
    current?.origin === 'database' &&
    current.clientId === parsed.value.clientId &&
    current.tokenUrl === parsed.value.tokenUrl &&
    current.apiUrl === parsed.value.apiUrl;
  const keepSecret = sameCredential && parsed.value.clientSecret === '';
  if (!keepSecret && parsed.value.clientSecret === '')
    return invalid({
      clientSecret: [
        current?.origin === 'database'
          ? 'Changing the client id, token URL or Harvest URL needs the client secret again: paste it (the saved one is never sent to a new address).'
          : 'Paste the client secret (it is stored encrypted and never shown again).',
      ],
    });
  await saveGreenhouseConnection(context.db, context.env, {
    clientId: parsed.value.clientId,
    clientSecret: keepSecret ? undefined : parsed.value.clientSecret,
    userId: parsed.value.userId,
    tokenUrl: parsed.value.tokenUrl,
    apiUrl: parsed.value.apiUrl,
    webUrl: parsed.value.webUrl,
    webhookSecret:
      current?.origin === 'database' && current.webhookSecret ? current.webhookSecret : newWebhookSecret(),
    updatedBy: user.email,
  });
  await audit(context, {
    actor: user.email,
    action: 'greenhouse.connection.saved',
    details: {
      clientId: parsed.value.clientId,
      actingUserId: parsed.value.userId,
      webUrl: parsed.value.webUrl,
    },
  });
  return { ok: true as const, tested: await testConnection(context) };
}

export default function ConnectGreenhouse({ loaderData, actionData }: Route.ComponentProps) {
  const { when } = useWhen();
  const navigation = useNavigation();
  const busyIntent = navigation.state === 'submitting' ? navigation.formData?.get('intent') : null;
  const { connection, scopes, sync, sandboxUrl, defaults } = loaderData;
  const errors = actionData && 'fieldErrors' in actionData ? actionData.fieldErrors : undefined;
  const saved = connection && 'origin' in connection ? connection : null;
  const check = loaderData.unsavedCheck;
  const scopeStates = check
    ? scopes.scopes.map((s) => ({
        ...s,
        state: check.granted.includes(s.scope)
          ? 'granted'
          : check.missing.includes(s.scope)
            ? 'missing'
            : 'unknown',
      }))
    : scopes.scopes;
  const checkedAt = check?.checkedAt ?? scopes.checkedAt;
  const checkError = check ? check.error : scopes.error;
  const missing = scopeStates.filter((s) => s.state === 'missing' && !s.optional);
  const optionalMissing = scopeStates.filter((s) => s.state === 'missing' && s.optional);
  return (
    <main className="page">
      <PageHeader title="Connect Greenhouse">
        Pilothouse speaks the Harvest v3 API with an OAuth client credential from Greenhouse (Configure → Dev
        Center → API Credentials).
      </PageHeader>

      {connection && 'error' in connection ? <Notice tone="error">{connection.error}</Notice> : null}
      {actionData && 'removed' in actionData ? (
        <div data-testid="connection-removed">
          <Notice tone="success">{actionData.removed}</Notice>
        </div>
      ) : null}
      {sandboxUrl ? (
        <section className="panel" data-testid="sandbox-panel">
          <h2>
            Demo sandbox{' '}
            <Badge tone={saved?.demo ? 'good' : 'info'}>
              {saved?.demo ? 'Sandbox connected' : 'Available'}
            </Badge>
          </h2>
          <p className="muted">
            This installation runs its own Harvest v3 sandbox at <code>{sandboxUrl}</code>: a local Greenhouse
            with demo jobs, people and users. {saved?.demo ? 'Pilothouse is connected to it.' : ''}
          </p>
          <Form method="post">
            <CsrfInput />
            <button
              className={saved?.demo ? 'button' : 'button primary'}
              name="intent"
              value="use-sandbox"
              disabled={Boolean(busyIntent)}
            >
              {busyIntent === 'use-sandbox' ? (
                <Spinner label="Connecting and checking scopes…" />
              ) : saved?.demo ? (
                'Reconnect and check scopes again'
              ) : (
                'Connect the demo sandbox'
              )}
            </button>
          </Form>
        </section>
      ) : null}

      <div className="two-columns">
        <section className="panel">
          <h2>Credential</h2>
          <Form method="post" className="form" noValidate>
            <CsrfInput />
            {errors?.form ? <Notice tone="error">{errors.form.join(' ')}</Notice> : null}
            <Field label="Client id" name="clientId" errors={errors?.clientId}>
              <input
                id="clientId"
                name="clientId"
                defaultValue={saved?.clientId ?? ''}
                autoComplete="off"
                required
              />
            </Field>
            <Field
              label="Client secret"
              name="clientSecret"
              errors={errors?.clientSecret}
              hint={
                saved?.hasSecret
                  ? 'Stored encrypted. Leave empty to keep it (needed again if the id or a URL changes).'
                  : 'Stored encrypted; never shown again.'
              }
            >
              <input
                id="clientSecret"
                name="clientSecret"
                type="password"
                autoComplete="off"
                placeholder={saved?.hasSecret ? '••••••••' : ''}
              />
            </Field>
            <Field
              label="Act as Greenhouse user id (optional)"
              name="userId"
              errors={errors?.userId}
              hint="Exports and notes are written as this user. Empty: the credential's own user."
            >
              <input id="userId" name="userId" inputMode="numeric" defaultValue={saved?.userId ?? ''} />
            </Field>
            <Field
              label="Greenhouse web address"
              name="webUrl"
              errors={errors?.webUrl}
              hint="Where your team opens Greenhouse: links to people open here. EU accounts: https://app.eu.greenhouse.io."
            >
              <input
                id="webUrl"
                name="webUrl"
                inputMode="url"
                defaultValue={saved?.webUrl ?? defaults.webUrl}
                aria-describedby="webUrl-error"
              />
            </Field>
            <details>
              <summary>Endpoints</summary>
              <Field label="Token URL" name="tokenUrl" errors={errors?.tokenUrl}>
                <input id="tokenUrl" name="tokenUrl" defaultValue={saved?.tokenUrl ?? defaults.tokenUrl} />
              </Field>
              <Field label="Harvest v3 URL" name="apiUrl" errors={errors?.apiUrl}>
                <input id="apiUrl" name="apiUrl" defaultValue={saved?.apiUrl ?? defaults.apiUrl} />
              </Field>
            </details>
            <div className="row">
              <button className="button primary" name="intent" value="save" disabled={Boolean(busyIntent)}>
                {busyIntent === 'save' ? <Spinner label="Saving and checking scopes…" /> : 'Save and test'}
              </button>
            </div>
          </Form>
        </section>

        <section className="panel">
          <h2>Webhooks</h2>
          <p className="muted">
            In Greenhouse, add a webhook per event (candidate stage change, new application, job updated, …)
            with this endpoint and secret key.
          </p>
          <dl className="facts">
            <dt>Endpoint URL</dt>
            <dd>
              <code data-testid="webhook-url">{loaderData.webhookUrl}</code>
            </dd>
            <dt>Secret key</dt>
            <dd>
              {saved?.webhookSecret ? (
                <code data-testid="webhook-secret">{saved.webhookSecret}</code>
              ) : (
                <span className="muted">Save the connection to get one.</span>
              )}
            </dd>
          </dl>
          {saved?.origin === 'database' ? (
            <Form method="post">
              <CsrfInput />
              <button
                className="button"
                name="intent"
                value="rotate-webhook-secret"
                disabled={Boolean(busyIntent)}
              >
                New webhook secret
              </button>
            </Form>
          ) : null}
          <h2>Sync</h2>
          <dl className="facts">
            <dt>Jobs synced</dt>
            <dd data-testid="synced-jobs">{sync.jobs}</dd>
            <dt>Autopilots on</dt>
            <dd>{sync.autopilots}</dd>
            <dt>Last job sync</dt>
            <dd>{when(sync.lastSyncedAt)}</dd>
          </dl>
          <LookUpScheduleControl schedule={loaderData.lookUpSchedule} />
        </section>
      </div>

      {saved?.origin === 'database' ? (
        <RemoveConnection busy={Boolean(busyIntent)} errors={errors} fallback={loaderData.fallback} />
      ) : null}

      <section className="panel" aria-labelledby="scopes-heading">
        <div className="row spread">
          <h2 id="scopes-heading">Scopes</h2>
          <Form method="post">
            <CsrfInput />
            <button className="button" name="intent" value="test" disabled={!saved || Boolean(busyIntent)}>
              {busyIntent === 'test' ? <Spinner label="Testing the connection…" /> : 'Test connection'}
            </button>
          </Form>
        </div>
        {actionData && 'saved' in actionData ? <Notice tone="success">{actionData.saved}</Notice> : null}
        {checkedAt === null ? (
          <p className="muted">Not tested yet. Test the connection to see which scopes the credential has.</p>
        ) : (
          <>
            {checkError ? <Notice tone="error">{checkError}</Notice> : null}
            {missing.length === 0 && !checkError ? (
              <Notice tone="success">
                <span data-testid="scopes-ok">
                  All {scopeStates.length - optionalMissing.length} required scopes are granted
                </span>{' '}
                (checked {when(checkedAt)}).
              </Notice>
            ) : missing.length > 0 ? (
              <Notice tone="error">
                {missing.length} required scope{missing.length === 1 ? ' is' : 's are'} missing: tick{' '}
                {missing.length === 1 ? 'it' : 'them'} on the credential in Greenhouse, then test again.
              </Notice>
            ) : null}
            {optionalMissing.length > 0 ? (
              <Notice tone="info">
                <span data-testid="scopes-optional-missing">
                  Without {listed(optionalMissing.map((s) => s.scope))}, exports go on without the
                  person&apos;s {optionalWhat(optionalMissing.map((s) => s.scope))}.
                </span>
              </Notice>
            ) : null}
            <table className="table compact" data-testid="scope-table">
              <thead>
                <tr>
                  <th>Scope</th>
                  <th>Needed to</th>
                  <th>State</th>
                </tr>
              </thead>
              <tbody>
                {scopeStates.map((s) => (
                  <tr key={s.scope} data-scope={s.scope} data-state={s.state}>
                    <td>
                      <code>{s.scope}</code>
                    </td>
                    <td>
                      {s.why}
                      {s.optional ? <span className="muted"> (optional)</span> : null}
                    </td>
                    <td>
                      <Badge
                        tone={
                          s.state === 'granted'
                            ? 'good'
                            : s.state === 'missing' && !s.optional
                              ? 'bad'
                              : 'neutral'
                        }
                      >
                        {s.state}
                      </Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </main>
  );
}

/**
 * "Remove connection": a question first (what stops, what is deleted), then the answer. A <details>, so
 * it asks the same without JavaScript.
 */
/** How often people from uploads or outreach who were not in Greenhouse are looked up there again. */
function LookUpScheduleControl({ schedule }: { schedule: LookUpSchedule }) {
  const fetcher = useFetcher<typeof action>();
  const csrf = useCsrfToken();
  const saved = fetcher.data && 'lookUpSchedule' in fetcher.data ? fetcher.data.lookUpSchedule : null;
  return (
    <fetcher.Form method="post" className="filters" data-testid="look-up-schedule">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value="look-up-schedule" />
      <label>
        Look again in Greenhouse for uploaded and outreach people not found there{' '}
        <select name="schedule" defaultValue={schedule} key={schedule}>
          {(Object.keys(LOOK_UP_SCHEDULES) as LookUpSchedule[]).map((key) => (
            <option key={key} value={key}>
              {LOOK_UP_SCHEDULES[key].label.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button small" disabled={fetcher.state !== 'idle'}>
        {fetcher.state !== 'idle' ? 'Saving…' : 'Save'}
      </button>
      {saved ? (
        <span className="small" role="status">
          Saved: someone added to Greenhouse later is linked to their record within{' '}
          {saved === 'daily' ? 'a day' : 'a week'} (at the job’s next cycle after that).
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function RemoveConnection({
  busy,
  errors,
  fallback,
}: {
  busy: boolean;
  errors: Record<string, string[]> | undefined;
  fallback: 'environment' | 'demo' | null;
}) {
  return (
    <section className="panel" aria-labelledby="remove-heading" data-testid="remove-connection">
      <h2 id="remove-heading">Remove connection</h2>
      <details open={Boolean(errors?.confirm)}>
        <summary className="button danger">Remove connection…</summary>
        <div className="confirm" role="group" aria-labelledby="remove-question">
          <p id="remove-question">
            <strong>Remove the Greenhouse connection?</strong>
          </p>
          <ul className="small">
            <li data-testid="what-stops">
              {fallback === 'environment'
                ? 'Autopilots go back to the credential in the server’s settings (GREENHOUSE_CLIENT_ID).'
                : fallback === 'demo'
                  ? 'Autopilots go back to the demo sandbox this installation starts with.'
                  : 'Autopilots stop reaching Greenhouse: no sourcing, exports, moves or tracking on any job until an admin connects it again.'}
            </li>
            <li>
              The stored client secret and webhook secret are deleted: webhooks signed with that secret are
              refused.
            </li>
            <li>People, scores and decisions already in Pilothouse stay.</li>
          </ul>
          {errors?.confirm ? <Notice tone="error">{errors.confirm.join(' ')}</Notice> : null}
          <Form method="post" className="row">
            <CsrfInput />
            <input type="hidden" name="confirm" value="remove" />
            <button className="button danger" name="intent" value="remove" disabled={busy}>
              Yes, remove the connection
            </button>
          </Form>
        </div>
      </details>
    </section>
  );
}

export { ErrorBoundary } from '../components/route-error';

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');
}

/** What exports leave out without these optional scopes: the employments scopes carry the work history. */
function optionalWhat(scopes: string[]): string {
  const work = scopes.some((s) => s.includes('employments'));
  const education = scopes.some((s) => s.includes('educations') || s.includes('custom_field_options'));
  return [work ? 'work history' : null, education ? 'education' : null].filter(Boolean).join(' and ');
}
