import type { TokenStore } from './auth/tokens';
import type { FaultInjector } from './faults';
import type { FixedRateWindow } from './rate-window';
import type { SandboxCredential, TenantState, WebhookTarget } from './state/types';
import type { WebhookDispatcher } from './webhooks/dispatcher';

/**
 * Which id `from_stage_id` of a move must carry. Greenhouse has not said (HARVEST_V3.md marks it
 * unverified), so the sandbox can play either answer, or accept both.
 */
export type MoveStageIdSpace = 'job_interview_stage' | 'application_stage' | 'either';

export interface HarvestRequestRecord {
  method: string;
  /** Path and query, e.g. `/v3/candidates?email=...`. */
  path: string;
  at: number;
}

/** Everything a request handler may touch. One per running sandbox. */
export interface SandboxRuntime {
  state: TenantState;
  credentials: SandboxCredential[];
  webhookTargets: WebhookTarget[];
  tokens: TokenStore;
  harvestWindow: FixedRateWindow;
  /** Every Harvest request that spent budget, oldest first (the last 10 000), for tests and benchmarks. */
  harvestRequests: HarvestRequestRecord[];
  tokenWindow: FixedRateWindow;
  faults: FaultInjector;
  webhooks: WebhookDispatcher;
  moveFromStageIdSpace: MoveStageIdSpace;
  /** `http://host:port` the sandbox is reachable at (for Link headers and file URLs). */
  origin: string;
  /** Schedules a save of the state file, when there is one. */
  markChanged(): void;
  /** Replaces the tenant with a freshly generated one (credentials and webhook targets stay). */
  reseed(options: { seed?: number; candidates?: number }): void;
}
