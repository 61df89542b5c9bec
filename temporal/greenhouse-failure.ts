import { ApplicationFailure } from '@temporalio/common';
import { GreenhouseError } from '../greenhouse/errors';

/** Stable failure types: retry policies, the ops page and alerts match on these strings. */
export const greenhouseFailureTypes = {
  rateLimited: 'GreenhouseRateLimited',
  unavailable: 'GreenhouseUnavailable',
  validation: 'GreenhouseValidation',
  permissionDenied: 'GreenhousePermissionDenied',
  notFound: 'GreenhouseNotFound',
  auth: 'GreenhouseAuth',
  unexpectedResponse: 'GreenhouseUnexpectedResponse',
} as const;

export type GreenhouseFailureType = (typeof greenhouseFailureTypes)[keyof typeof greenhouseFailureTypes];

export function greenhouseFailureType(error: GreenhouseError): GreenhouseFailureType {
  if (error.kind === 'invalid_response') return greenhouseFailureTypes.unexpectedResponse;
  if (error.kind === 'network' || error.kind === 'timeout') return greenhouseFailureTypes.unavailable;
  const status = error.status ?? 0;
  if (status === 429) return greenhouseFailureTypes.rateLimited;
  if (status >= 500 || status === 408) return greenhouseFailureTypes.unavailable;
  if (error.kind === 'token' || status === 401) return greenhouseFailureTypes.auth;
  if (status === 403) return greenhouseFailureTypes.permissionDenied;
  if (status === 404) return greenhouseFailureTypes.notFound;
  return greenhouseFailureTypes.validation;
}

/**
 * Turns a Harvest error into the failure an activity throws: retryable ones carry Greenhouse's
 * Retry-After as `nextRetryDelay` so Temporal waits exactly as long as Greenhouse asked; final
 * ones (validation, permission, not found, auth) are `nonRetryable` because no retry can fix them.
 * Anything that is not a GreenhouseError is a bug of ours: it stays retryable so a fix can rescue
 * the workflow, but keeps its message.
 */
export function toApplicationFailure(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (!(error instanceof GreenhouseError)) {
    const cause = error instanceof Error ? error : new Error(String(error));
    return ApplicationFailure.create({ message: cause.message, type: 'UnexpectedError', cause });
  }
  return ApplicationFailure.create({
    message: error.message,
    type: greenhouseFailureType(error),
    nonRetryable: !error.retryable,
    nextRetryDelay: error.retryable && error.retryAfterMs !== undefined ? error.retryAfterMs : undefined,
    details: [
      {
        status: error.status ?? null,
        messages: error.messages,
        method: error.request.method,
        path: error.request.path,
        resource: error.resource ?? null,
        resourceId: error.resourceId ?? null,
        field: error.field ?? null,
      },
    ],
    cause: error,
  });
}
