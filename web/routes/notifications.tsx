// The signed-in user's in-app notifications: approvals waiting for them, escalations, and rules' "Notify".
import { Form, Link } from 'react-router';
import type { Route } from './+types/notifications';
import { CsrfInput } from '../components/csrf';
import { Badge, EmptyState, PageHeader } from '../components/ui';
import { requireMutation, requireUser } from '../server/auth.server';
import { markAllRead, notificationsFor } from '../server/notifications.server';
import { useWhen } from '../components/when';

export function meta() {
  return [{ title: 'Notifications · Pilothouse' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  return { notifications: await notificationsFor(context, user) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user } = await requireMutation(request, context);
  return { marked: await markAllRead(context, user) };
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const { when } = useWhen();
  const { notifications } = loaderData;
  const unread = notifications.filter((n) => n.unread).length;
  return (
    <main className="page">
      <PageHeader
        title="Notifications"
        actions={
          unread > 0 ? (
            <Form method="post">
              <CsrfInput />
              <button type="submit" className="button" data-testid="mark-all-read">
                Mark all read
              </button>
            </Form>
          ) : null
        }
      >
        Approvals waiting for you, escalations, and what rules tell you.
      </PageHeader>
      {notifications.length === 0 ? (
        <EmptyState title="Nothing yet" />
      ) : (
        <ul className="notifications" data-testid="notifications">
          {notifications.map((n) => (
            <li key={n.id} data-testid="notification" data-unread={n.unread}>
              {n.unread ? <Badge tone="info">new</Badge> : null} {n.message}
              <div className="small muted">
                {when(n.at)}
                {n.jobName && n.jobId !== null ? (
                  <>
                    {' · '}
                    <Link to={`/jobs/${n.jobId}`}>{n.jobName}</Link>
                  </>
                ) : null}
                {n.link ? (
                  <>
                    {' · '}
                    <Link to={n.link}>Open</Link>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
