import type { Route } from './+types/api.outreach-events';
import { receiveOutreachEvents } from '../server/sourcing.server';

// Outreach tools call this with a bearer token; no session, so no CSRF token either.
export async function loader() {
  return new Response('POST outreach events here (see the README, "Outreach events").', {
    status: 405,
    headers: { Allow: 'POST' },
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  if (request.method !== 'POST')
    return new Response('Method not allowed', { status: 405, headers: { Allow: 'POST' } });
  return receiveOutreachEvents(context, request);
}
