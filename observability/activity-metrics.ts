import type { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { ActivityInterceptors } from '@temporalio/worker';
import { activityDurationSeconds, activityFailuresTotal } from './metrics';

/**
 * Worker interceptor that times every activity attempt and counts the failures, so no activity has
 * to remember to. Registered by createPilothouseWorker for all activities.
 *
 * A cancelled attempt (worker shutting down, workflow cancelled) is not a failure of the activity:
 * it is timed as `cancelled` and not counted in pilothouse_activity_failures_total.
 */
export function activityMetricsInterceptor(context: Context): ActivityInterceptors {
  const activity = context.info.activityType;
  return {
    inbound: {
      async execute(input, next) {
        const stopTimer = activityDurationSeconds.startTimer({ activity });
        try {
          const result = await next(input);
          stopTimer({ outcome: 'ok' });
          return result;
        } catch (error) {
          if (error instanceof CancelledFailure || context.cancellationSignal.aborted) {
            stopTimer({ outcome: 'cancelled' });
          } else {
            stopTimer({ outcome: 'failed' });
            activityFailuresTotal.inc({ activity, retryable: String(isRetryable(error)) });
          }
          throw error;
        }
      },
    },
  };
}

/** Whether Temporal may retry this failure: only an ApplicationFailure can say it is final. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApplicationFailure && error.nonRetryable);
}
