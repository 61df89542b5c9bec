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
