/**
 * Retries `probe` until it resolves or the deadline passes — readiness is a loop, never a sleep.
 * The last probe error is kept so the caller can say why the service never came up.
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  { timeoutMs = 60_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await probe();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`${what} was not ready after ${Math.round(timeoutMs / 1000)} s: ${reason}`);
}
