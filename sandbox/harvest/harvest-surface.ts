import { HttpError, harvestError, type Reply } from '../http/reply';
import { createRouter } from '../http/router';
import { rateLimitHeaders } from '../rate-window';
import type { SandboxRuntime } from '../runtime';
import { viewerFor } from '../state/visibility';
import type { HarvestRoute } from './harvest-route';
import { listRoutes } from './list-endpoints';
import { writeRoutes } from './write-routes';

const routes: HarvestRoute[] = [...listRoutes, ...writeRoutes];
const route = createRouter(routes);

/**
 * Every `/v3` request, in Greenhouse's order: bearer token (401), the account's fixed rate window
 * (429 + Retry-After, headers on every answer), injected faults, the route's scope (403 naming
 * it), then the handler. 401 is answered before the window so anonymous noise costs no budget.
 */
export async function handleHarvestRequest(
  rt: SandboxRuntime,
  method: string,
  url: URL,
  authorization: string | undefined,
  readBody: () => Promise<unknown>,
): Promise<Reply> {
  await rt.faults.delay();
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const grant = token ? rt.tokens.verify(token) : 'unknown';
  if (typeof grant === 'string') {
    throw new HttpError(
      401,
      { errors: [grant === 'expired' ? 'The access token expired.' : 'Missing or invalid access token.'] },
      { 'www-authenticate': `Bearer error="invalid_token"` },
    );
  }

  if (rt.faults.takeForcedRateLimit()) {
    const retryAfter = rt.faults.settings.retryAfterSeconds;
    throw new HttpError(
      429,
      { errors: ['Rate limit exceeded.'] },
      {
        'retry-after': String(retryAfter),
        'x-ratelimit-limit': String(rt.harvestWindow.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + retryAfter),
      },
    );
  }
  const window = rt.harvestWindow.take();
  const headers = rateLimitHeaders(window);
  if (!window.allowed) {
    throw new HttpError(
      429,
      { errors: ['Rate limit exceeded.'] },
      { ...headers, 'retry-after': String(window.retryAfterSeconds) },
    );
  }
  rt.harvestRequests.push({ method, path: `${url.pathname}${url.search}`, at: Date.now() });
  if (rt.harvestRequests.length > 10_000) rt.harvestRequests.splice(0, rt.harvestRequests.length - 10_000);

  try {
    if (rt.faults.serverErrorNow()) throw harvestError(503, 'Service temporarily unavailable.');
    const injected = rt.faults.failingStatus(url.pathname);
    if (injected) throw harvestError(injected, `Injected failure of ${url.pathname}.`);
    const lookup = route(method, url.pathname);
    if (!lookup.found) {
      if (lookup.allowedMethods.length > 0) {
        throw new HttpError(
          405,
          { errors: [`Method ${method} not allowed`] },
          { allow: lookup.allowedMethods.join(', ') },
        );
      }
      throw harvestError(404, `No route for ${url.pathname}`);
    }
    const { route: harvestRoute, params } = lookup.match;
    if (!grant.scopes.includes(harvestRoute.scope)) {
      throw harvestError(403, `Missing required scope: ${harvestRoute.scope}`);
    }
    const reply = await harvestRoute.handle(rt, {
      path: url.pathname,
      query: url.searchParams,
      body: method === 'GET' ? undefined : await readBody(),
      params,
      grant,
      viewer: viewerFor(rt.state, grant.sub),
    });
    return { ...reply, headers: { ...reply.headers, ...headers } };
  } catch (error) {
    if (error instanceof HttpError)
      throw new HttpError(error.status, error.body, { ...error.headers, ...headers });
    throw error;
  }
}

export const harvestRouteTable = routes.map(({ method, pattern, scope }) => ({ method, pattern, scope }));
