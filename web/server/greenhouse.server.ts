import { collect, visibleJobsForUser, type HarvestClient } from '../../greenhouse';
import { harvestClientFactory, type HarvestConnection } from '../../greenhouse/client-factory';
import {
  greenhouseWebUrl,
  loadGreenhouseConnection,
  type GreenhouseConnection,
} from '../../db/queries/greenhouse-connection';
import { teammateNamesByGreenhouseUser } from '../../db/queries/linked-teammates';
import { greenhouseProfileUrl } from '../../greenhouse/web-address';
import type { SignedInUser } from './auth.server';
import { jobAccessOf } from './job-access';
import type { PilothouseContext } from './load-context';

/** A Harvest client for the configured connection, or null when Greenhouse is not connected yet. */
export async function harvestClient(
  context: PilothouseContext,
): Promise<{ client: HarvestClient; connection: GreenhouseConnection } | null> {
  const connection = await loadGreenhouseConnection(context.db, context.env);
  if (!connection) return null;
  return { client: clientFor(context, connection), connection };
}

let webClients: ((connection: HarvestConnection) => HarvestClient) | undefined;

/**
 * The web app's Harvest client, from the factory the worker uses: the same account budget
 * (GREENHOUSE_RATE_LIMIT, GREENHOUSE_RATE_RESERVE), but a page gives up sooner than an activity.
 */
export function clientFor(context: PilothouseContext, connection: HarvestConnection): HarvestClient {
  webClients ??= harvestClientFactory({
    budget: {
      requestsPerWindow: context.env.GREENHOUSE_RATE_LIMIT,
      reserve: context.env.GREENHOUSE_RATE_RESERVE,
    },
    requestTimeoutMs: 10_000,
    maxRateLimitRetries: 1,
  });
  return webClients(connection);
}

/** Small time-boxed memo for Greenhouse reads a page needs on every view (users, pools, permissions). */
const cache = new Map<string, { until: number; value: Promise<unknown> }>();
const TTL_MS = 5 * 60_000;

function remembered<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { until: Date.now() + TTL_MS, value });
  // A failure is not remembered: the next view tries again.
  value.catch(() => cache.delete(key));
  return value;
}

export function forgetGreenhouseCache(): void {
  cache.clear();
}

/**
 * The job ids a Pilothouse user may see, as job-access.ts decides: null means every job (an admin linked
 * to no Greenhouse user); an account linked to a Greenhouse user sees exactly the jobs that user may see
 * in Greenhouse (site admin: every non-confidential job; job admin: theirs); a recruiter or ops account
 * linked to nobody sees none.
 */
export async function visibleJobIds(
  context: PilothouseContext,
  user: SignedInUser,
): Promise<Set<number> | null> {
  const access = jobAccessOf(user);
  if (access.kind === 'everyJob') return null;
  if (access.kind === 'noJobUntilLinked') return new Set();
  const { greenhouseUserId } = access;
  const harvest = await harvestClient(context);
  // Linked but not connected: fail closed rather than show everything.
  if (!harvest) return new Set();
  const jobs = await remembered(`visible:${harvest.connection.apiUrl}:${greenhouseUserId}`, () =>
    visibleJobsForUser(harvest.client, greenhouseUserId),
  );
  return new Set(jobs.map((job) => job.id));
}

export async function assertJobVisible(
  context: PilothouseContext,
  user: SignedInUser,
  jobId: number,
): Promise<void> {
  const visible = await visibleJobIds(context, user);
  if (visible && !visible.has(jobId)) {
    const why =
      jobAccessOf(user).kind === 'noJobUntilLinked'
        ? 'Your account is not linked to a Greenhouse user yet, so it may see no job: ask an admin to link it under Users.'
        : `Job ${jobId} is not one of the jobs your Greenhouse account may see.`;
    throw new Response(why, {
      status: 403,
      statusText: 'Forbidden',
    });
  }
}

export interface GreenhouseReferenceData {
  users: { id: number; name: string; email: string; disabled: boolean; siteAdmin: boolean }[];
  prospectPools: { id: number; name: string; active: boolean; stages: { id: number; name: string }[] }[];
  rejectionReasons: { id: number; name: string }[];
  /** Why the lists are empty, when Greenhouse could not be read. */
  error: string | null;
}

/** The choices the rule inspector and user linking offer, read from Greenhouse (cached for five minutes). */
export async function greenhouseReferenceData(context: PilothouseContext): Promise<GreenhouseReferenceData> {
  const harvest = await harvestClient(context);
  if (!harvest)
    return { users: [], prospectPools: [], rejectionReasons: [], error: 'Greenhouse is not connected.' };
  const { client, connection } = harvest;
  try {
    return await remembered(`reference:${connection.apiUrl}:${connection.clientId}`, async () => {
      const [users, pools, poolStages, reasons] = await Promise.all([
        collect(client.listUsers({ per_page: 500 }), 2000),
        collect(client.listProspectPools({ per_page: 500 }), 500),
        collect(client.listProspectPoolStages({ per_page: 500 }), 2000),
        collect(client.listRejectionReasons({ per_page: 500, include_defaults: true }), 500),
      ]);
      return {
        users: users.map((u) => ({
          id: u.id,
          name: u.name ?? ([u.first_name, u.last_name].filter(Boolean).join(' ') || u.primary_email),
          email: u.primary_email,
          disabled: u.deactivated,
          siteAdmin: u.site_admin,
        })),
        prospectPools: pools.map((pool) => ({
          id: pool.id,
          name: pool.name,
          active: pool.active,
          stages: poolStages
            .filter((stage) => stage.prospect_pool_id === pool.id)
            .sort((a, b) => a.sort_order - b.sort_order)
            .map((stage) => ({ id: stage.id, name: stage.name })),
        })),
        rejectionReasons: reasons.map((reason) => ({ id: reason.id, name: reason.name })),
        error: null,
      };
    });
  } catch (error) {
    return {
      users: [],
      prospectPools: [],
      rejectionReasons: [],
      error: `Greenhouse could not be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * What a page needs to link into the account's Greenhouse and to name its users (a recruiter on an
 * application). Greenhouse's user list is read through the five-minute memo and waited for at most
 * `waitMs`: a name is a detail, a page is not held up for it. Linked teammates' names stand in meanwhile.
 */
export interface GreenhouseLinks {
  /** The account's web address (app.greenhouse.io, app.eu.greenhouse.io, …); null: not connected. */
  webUrl: string | null;
  userNames: ReadonlyMap<number, string>;
}

export async function greenhouseLinks(
  context: PilothouseContext,
  { waitMs = 1_500 }: { waitMs?: number } = {},
): Promise<GreenhouseLinks> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), waitMs);
  });
  const [webUrl, teammates, reference] = await Promise.all([
    greenhouseWebUrl(context.db, context.env),
    teammateNamesByGreenhouseUser(context.db),
    Promise.race([greenhouseReferenceData(context), gaveUp]).finally(() => clearTimeout(timer)),
  ]);
  const userNames = new Map(teammates);
  for (const user of reference?.users ?? []) userNames.set(user.id, user.name);
  return { webUrl, userNames };
}

/** Where a recruiter opens the person in Greenhouse: on the account's own host; null when not connected. */
export function profileLink(links: GreenhouseLinks, candidateId: number): string | null {
  return links.webUrl ? greenhouseProfileUrl(links.webUrl, candidateId) : null;
}
