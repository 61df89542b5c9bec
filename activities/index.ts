import { backtestActivities } from './autopilot/backtest';
import { carryOutActivities } from './autopilot/carry-out';
import { connectionCheckActivities } from './connection-check';
import type { ActivityDeps } from './deps';
import { erasureActivities } from './erasure';
import { exportActivities } from './export/export-activities';
import { educationActivities } from './export/education-activities';
import { workHistoryActivities } from './export/work-history-activities';
import { jobStateActivities } from './autopilot/job-state';
import { matchActivities } from './autopilot/match';
import { selectionActivities } from './autopilot/select';
import { sourceActivities } from './autopilot/source';
import { trackActivities } from './autopilot/track';
import { jobSyncActivities } from './job-sync';

export type { ActivityDeps } from './deps';

/** All activities, bound to their dependencies once per worker: what the main task queue registers. */
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
    ...workHistoryActivities(deps),
    ...educationActivities(deps),
    ...trackActivities(deps),
    ...erasureActivities(deps),
    ...carryOutActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;

/**
 * Which group each activity belongs to, by the queue and options workflows call it with:
 * - `harvest`: calls the Harvest API, so it runs on the rate-limited Harvest queue (`greenhouseActivity`);
 * - `store`: database work, on the main queue (`databaseActivity`);
 * - `matching`: training and scoring, on the main queue (`matchingActivity`);
 * - `notify`: outgoing notifications, on the main queue (`notifyActivity`).
 * A new activity fails the type check until it is given a group here.
 */
const activityGroup = {
  syncJobsFromGreenhouse: 'harvest',
  sourceCandidates: 'harvest',
  reconcileJob: 'harvest',
  applyStageEvent: 'harvest',
  performRuleAction: 'harvest',
  carryOutDecision: 'harvest',
  ensureGreenhousePerson: 'harvest',
  attachGeneratedResume: 'harvest',
  addMatchNote: 'harvest',
  exportWorkHistory: 'harvest',
  exportEducation: 'harvest',

  trainJobProfile: 'matching',
  scoreBatch: 'matching',
  backtestJob: 'matching',

  notifyDecision: 'notify',
  notifyApprover: 'notify',

  recordConnectionCheck: 'store',
  reconcileAutopilots: 'store',
  loadJobSettings: 'store',
  loadPipelineCounts: 'store',
  recordAutopilotError: 'store',
  selectPeople: 'store',
  resolveApproval: 'store',
  expireApproval: 'store',
  prepareManualExport: 'store',
  manualExportRequested: 'store',
  evaluateJobEvent: 'store',
  applyRetroactively: 'store',
  beginExport: 'store',
  completeExport: 'store',
  recordExportFailure: 'store',
  eraseGreenhouseCandidateData: 'store',
  sweepErasedCandidates: 'store',
  resumeWait: 'store',
  recordRuleActionFailure: 'store',
  finishRuleActionRetry: 'store',
} as const satisfies Record<keyof Activities, 'harvest' | 'store' | 'matching' | 'notify'>;

type ActivityGroup = (typeof activityGroup)[keyof Activities];
type NamesIn<G extends ActivityGroup> = {
  [K in keyof Activities]: (typeof activityGroup)[K] extends G ? K : never;
}[keyof Activities];

export type HarvestActivities = Pick<Activities, NamesIn<'harvest'>>;
export type StoreActivities = Pick<Activities, NamesIn<'store'>>;
export type MatchingActivities = Pick<Activities, NamesIn<'matching'>>;
export type NotifyActivities = Pick<Activities, NamesIn<'notify'>>;

/**
 * What workers of the Harvest task queue register: the Harvest group, and `completeExport`, which exports
 * started before `complete-export-off-harvest-queue` (workflows/export-candidate.ts) still schedule on
 * that queue. It leaves this list when that patch is retired (docs/decisions/0005).
 */
export function createHarvestQueueActivities(deps: ActivityDeps): HarvestQueueActivities {
  const all = createActivities(deps);
  const harvest = Object.fromEntries(
    Object.entries(all).filter(([name]) => activityGroup[name as keyof Activities] === 'harvest'),
  ) as HarvestActivities;
  return { ...harvest, completeExport: all.completeExport };
}

export type HarvestQueueActivities = HarvestActivities & Pick<StoreActivities, 'completeExport'>;
