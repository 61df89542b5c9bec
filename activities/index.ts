import { backtestActivities } from './autopilot/backtest';
import { carryOutActivities } from './autopilot/carry-out';
import { connectionCheckActivities } from './connection-check';
import type { ActivityDeps } from './deps';
import { erasureActivities } from './erasure';
import { exportActivities } from './export/export-activities';
import { jobStateActivities } from './autopilot/job-state';
import { matchActivities } from './autopilot/match';
import { selectionActivities } from './autopilot/select';
import { sourceActivities } from './autopilot/source';
import { trackActivities } from './autopilot/track';
import { jobSyncActivities } from './job-sync';

export type { ActivityDeps } from './deps';

/** All activities, bound to their dependencies once per worker. Workflows import only this type. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...connectionCheckActivities(deps.db),
    ...jobSyncActivities(deps),
    ...jobStateActivities(deps),
    ...matchActivities(deps),
    ...backtestActivities(deps),
    ...sourceActivities(deps),
    ...selectionActivities(deps),
    ...exportActivities(deps),
    ...trackActivities(deps),
    ...erasureActivities(deps),
    ...carryOutActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
