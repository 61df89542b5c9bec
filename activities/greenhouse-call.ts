import { Context } from '@temporalio/activity';
import { toApplicationFailure } from '../temporal/greenhouse-failure';

const HEARTBEAT_EVERY_MS = 5_000;

/**
 * Runs Greenhouse work inside an activity so its errors reach Temporal as typed, retry-aware failures.
 * While it runs it heartbeats: a call may wait a whole rate window, and a worker that died mid-call is
 * then noticed within the heartbeat timeout instead of the (longer) start-to-close timeout.
 */
export async function greenhouseCall<T>(work: () => Promise<T>): Promise<T> {
  let context: Context | undefined;
  try {
    context = Context.current();
  } catch {
    context = undefined; // called outside an activity (scripts, tests)
  }
  const timer = context ? setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS) : undefined;
  try {
    context?.heartbeat();
    return await work();
  } catch (error) {
    throw toApplicationFailure(error);
  } finally {
    clearInterval(timer);
  }
}
