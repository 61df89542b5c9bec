import type { Priority } from '@temporalio/common';
import type { ActivityOptions } from '@temporalio/workflow';

// Greenhouse calls: retried with backoff while retrying can help (429, 5xx, network); activities
// raise non-retryable failures for validation, permission and missing data, so those end at once.
// Greenhouse activities heartbeat while they wait (see activities/greenhouse-call.ts), so a crashed
// worker is noticed after 20 s, not after the whole start-to-close timeout.
export const greenhouseActivity: ActivityOptions = {
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '20 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 12,
  },
};

// Database-only work: quick, and worth a few retries if PostgreSQL blinks.
export const databaseActivity: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '20 seconds', maximumAttempts: 8 },
};

// Scoring a batch can take a while with a semantic scorer; heartbeats are not needed at this size.
export const matchingActivity: ActivityOptions = {
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', maximumAttempts: 6 },
};

// Outgoing notifications: a receiver that is down is retried for a few minutes, then the step shows in Ops.
export const notifyActivity: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '2 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 6,
  },
};

/**
 * Order on the Harvest queue, by Temporal task-queue priority (1 is served first … 5 last; unset = 3,
 * or the workflow's own). The queue's rate is the account's, so what it serves first is what lands
 * first: an export's later steps go ahead of every new export's first step, and a burst of exports is
 * finished export by export in the order they were decided instead of step by step
 * (docs/decisions/0010-exports-finish-in-order.md). Needs one partition on the Harvest queue: the
 * server orders by priority within a partition only (see `devServerFlags` in task-queues.ts).
 */
export const exportNextStepPriority: Priority = { priorityKey: 2 };
