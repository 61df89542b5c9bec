import type { Route } from './+types/webhooks.greenhouse';
import { ingestWebhook, signalStoredEvent } from '../server/webhook-ingest.server';

// Greenhouse calls this; it carries no session or CSRF token — the HMAC signature is its authentication.
export async function loader() {
  return new Response('POST Greenhouse webhooks here.', { status: 405, headers: { Allow: 'POST' } });
}

export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== 'POST')
    return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } });
  const result = await ingestWebhook(context, request);
  // Answer first; the signal follows. A failure stays on the row for the sync workflow's sweep.
  if (result.eventRowId !== undefined) {
    const rowId = result.eventRowId;
    const signalContext = { ...context, taskQueue: context.env.TEMPORAL_TASK_QUEUE };
    setImmediate(() => void signalStoredEvent(signalContext, rowId).catch(() => {}));
  }
  return new Response(result.body, { status: result.status, headers: { 'Content-Type': 'text/plain' } });
}
