/**
 * The Harvest budget belongs to the Greenhouse account, not to a worker: ten workers each
 * politely spending 75 requests per 30 s would get 429s all day. Workers therefore run every
 * Harvest-calling activity on one dedicated task queue whose `maxTaskQueueActivitiesPerSecond`
 * is enforced by the Temporal server across all of them. This computes that setting.
 *
 * - `requestsPerWindow`/`windowSeconds`: the account budget (Greenhouse documents 75 per 30 s).
 * - `safetyMargin`: share of the budget left unused for humans in Greenhouse's own integrations,
 *   retries after 429/401 and the token refreshes (default 20 %).
 * - `requestsPerActivity`: average Harvest requests one activity makes (a paginated read is
 *   several); the queue limit counts activities, not requests.
 *
 * Example: 75 per 30 s, 20 % margin, 1 request per activity → 2 activities per second.
 * The in-process limiter (rate-limiter.ts) still follows Greenhouse's headers, so an estimate
 * that is too generous costs waiting, never errors.
 */
export interface HarvestBudget {
  requestsPerWindow: number;
  windowSeconds?: number;
  safetyMargin?: number;
  requestsPerActivity?: number;
}

export function harvestTaskQueueActivitiesPerSecond(budget: HarvestBudget): number {
  const windowSeconds = budget.windowSeconds ?? 30;
  const safetyMargin = budget.safetyMargin ?? 0.2;
  const requestsPerActivity = budget.requestsPerActivity ?? 1;
  if (!(budget.requestsPerWindow > 0) || !(windowSeconds > 0) || !(requestsPerActivity > 0)) {
    throw new RangeError(
      'Harvest budget: requestsPerWindow, windowSeconds and requestsPerActivity must be positive',
    );
  }
  if (!(safetyMargin >= 0 && safetyMargin < 1))
    throw new RangeError('Harvest budget: safetyMargin must be in [0, 1)');
  const perSecond = (budget.requestsPerWindow * (1 - safetyMargin)) / windowSeconds / requestsPerActivity;
  // Three decimals: Temporal takes a float, and a human reads it in the worker config.
  return Math.floor(perSecond * 1000) / 1000;
}
