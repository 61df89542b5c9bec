import type { HarvestRateLimiter } from '../../../../greenhouse';

/** How many requests the limiter lets through right now, without waiting. */
export async function grantable(limiter: HarvestRateLimiter, max = 50): Promise<number> {
  let granted = 0;
  for (; granted < max; granted++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 20);
    try {
      await limiter.acquire(controller.signal);
    } catch {
      break;
    } finally {
      clearTimeout(timer);
    }
  }
  return granted;
}
