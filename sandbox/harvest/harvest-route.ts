import type { TokenGrant } from '../auth/tokens';
import type { Reply } from '../http/reply';
import type { RouteRow } from '../http/router';
import type { SandboxRuntime } from '../runtime';
import type { Viewer } from '../state/visibility';

export interface HarvestRequest {
  /** Path without the query, e.g. `/v3/applications/200000001/move`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  params: Record<string, string>;
  grant: TokenGrant;
  viewer: Viewer;
}

/** One row of the Harvest surface: where, which scope guards it, what it does. */
export interface HarvestRoute extends RouteRow {
  scope: string;
  handle(rt: SandboxRuntime, request: HarvestRequest): Reply | Promise<Reply>;
}
