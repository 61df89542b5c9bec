import { Form, redirect, useNavigation } from 'react-router';
import type { Route } from './+types/home';
import { CsrfInput } from '../components/csrf';
import { currentUser, hasAnyUser, requireMutation } from '../server/auth.server';
import { recentConnectionChecks, runConnectionCheck } from '../server/connection-check.server';
import { PageHeader } from '../components/ui';
import { useWhen } from '../components/when';
import { checkHealth } from '../server/health.server';
import { temporalUiWorkflowUrl } from '../server/temporal-ui';

export function meta() {
  return [{ title: 'Pilothouse — recruiting autopilot for Greenhouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const [user, health] = await Promise.all([currentUser(request, context), checkHealth(context)]);
  // Visitors see up or down, nothing more: error text, versions and workflow ids map the installation
  // for an attacker. The details are for signed-in people.
  if (!user) {
    // A fresh installation's first visitor is there to set it up, not to read a status page.
    if (!(await hasAnyUser(context))) throw redirect('/setup');
    return {
      signedIn: false as const,
      health: { database: { ok: health.database.ok }, temporal: { ok: health.temporal.ok } },
      checks: [],
    };
  }
  const checks = await recentConnectionChecks(context);
  return {
    signedIn: true as const,
    health,
    checks: checks.map((check) => ({
      id: check.id,
      workflowId: check.workflow_id,
      databaseVersion: check.database_version,
      createdAt: check.created_at.toISOString(),
      temporalUrl: temporalUiWorkflowUrl(context.env, check.workflow_id),
    })),
  };
}

// Starting a workflow is a mutation: signed-in users only, with the form's CSRF token.
export async function action({ request, context }: Route.ActionArgs) {
  await requireMutation(request, context);
  try {
    const result = await runConnectionCheck(context, 'web');
    return {
      ok: true as const,
      ...result,
      temporalUrl: temporalUiWorkflowUrl(context.env, result.workflowId, result.runId),
    };
  } catch (error) {
    return { ok: false as const, error: error instanceof Error ? error.message : String(error) };
  }
}

export default function Home({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const { when } = useWhen();
  const running = navigation.state === 'submitting';
  const { health, checks, signedIn } = loaderData;
  return (
    <main className="page">
      <PageHeader title="System status">
        Pilothouse runs one durable autopilot per open Greenhouse job.
      </PageHeader>
      <section className="cards">
        <StatusCard title="Database" component={health.database} />
        <StatusCard title="Temporal" component={health.temporal} />
      </section>
      {signedIn ? (
        <section className="panel">
          <h2>Connection check</h2>
          <p className="muted">Runs a workflow on the worker that writes a row to the database.</p>
          <Form method="post">
            <CsrfInput />
            <button type="submit" className="button primary" disabled={running}>
              {running ? 'Running…' : 'Run connection check'}
            </button>
          </Form>
          {actionData?.ok === true && (
            <p role="status" className="notice success">
              Check #{actionData.checkId} passed on {actionData.databaseVersion}.{' '}
              <a href={actionData.temporalUrl} target="_blank" rel="noreferrer">
                Open in Temporal UI
              </a>
            </p>
          )}
          {actionData?.ok === false && (
            <p role="alert" className="notice error">
              The check failed: {actionData.error}
            </p>
          )}
          {checks.length === 0 ? (
            <p className="empty">No checks yet. Run one to prove the whole chain works.</p>
          ) : (
            <table className="table" data-testid="connection-checks">
              <thead>
                <tr>
                  <th>#</th>
                  <th>When</th>
                  <th>Database</th>
                  <th>Workflow</th>
                </tr>
              </thead>
              <tbody>
                {checks.map((check) => (
                  <tr key={check.id}>
                    <td>{check.id}</td>
                    <td>{when(check.createdAt)}</td>
                    <td>{check.databaseVersion}</td>
                    <td>
                      <a href={check.temporalUrl} target="_blank" rel="noreferrer">
                        {check.workflowId}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </main>
  );
}

function StatusCard({
  title,
  component,
}: {
  title: string;
  component: { ok: boolean; detail?: string; latencyMs?: number };
}) {
  return (
    <div className={`card ${component.ok ? 'ok' : 'down'}`}>
      <h3>{title}</h3>
      <p className="status-line">
        <span className="dot" aria-hidden /> {component.ok ? 'Healthy' : 'Unavailable'}
      </p>
      {component.detail ? (
        <p className="muted small">
          {component.detail} · {component.latencyMs} ms
        </p>
      ) : null}
    </div>
  );
}
