import type { HarvestClient } from './client';
import type { Application } from './schemas/applications';

export interface ChangedApplicationsWindow {
  /** Inclusive start: the previous watermark. */
  from: Date;
  /** Inclusive end, fixed before reading starts (never "now" re-evaluated mid-read). */
  to: Date;
  /** `updated_at` (any change) or `last_activity_at` (candidate-visible activity). */
  field?: 'updated_at' | 'last_activity_at';
  jobIds?: readonly number[];
  prospect?: boolean;
}

/**
 * Applications changed inside a closed time window, streamed. Greenhouse returns newest ids
 * first and pages by cursor, so a sync may only move its watermark to `to` after this iterator
 * finished: stopping halfway would skip the older part of the window forever. Both bounds are
 * inclusive, so consecutive windows overlap by an instant; merging is idempotent, skipping is not.
 */
export function listApplicationsChangedBetween(
  client: HarvestClient,
  window: ChangedApplicationsWindow,
): AsyncIterable<Application> {
  if (!(window.from.getTime() <= window.to.getTime())) {
    throw new RangeError(`application window ends (${window.to.toISOString()}) before it starts`);
  }
  const field = window.field ?? 'updated_at';
  return client.listApplications({
    [field]: { gte: window.from, lte: window.to },
    job_ids: window.jobIds,
    prospect: window.prospect,
    per_page: 500,
  });
}
