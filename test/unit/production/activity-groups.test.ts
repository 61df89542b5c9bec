import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActivities, createHarvestQueueActivities, type ActivityDeps } from '../../../activities';

// Which activities each task queue's workers register (activities/index.ts). A workflow that schedules
// an activity on a queue whose workers do not register it waits forever, so what the Harvest queue
// registers is checked against what workflows, old code paths included, send there.
const histories = resolve(import.meta.dirname, '../../histories');
const deps = { db: {} } as ActivityDeps;

/** [activity type, task queue] of every activity a committed golden history scheduled. */
function scheduledInHistories(): [string, string][] {
  return readdirSync(histories)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const history = JSON.parse(readFileSync(join(histories, file), 'utf8')) as {
        events: {
          activityTaskScheduledEventAttributes?: {
            activityType: { name: string };
            taskQueue: { name: string };
          };
        }[];
      };
      return history.events.flatMap(({ activityTaskScheduledEventAttributes: scheduled }) =>
        scheduled ? [[scheduled.activityType.name, scheduled.taskQueue.name] as [string, string]] : [],
      );
    });
}

describe('activity groups and the queues that register them', () => {
  it('the Harvest queue registers the Harvest group, and completeExport for exports that scheduled it there', () => {
    expect(Object.keys(createHarvestQueueActivities(deps)).sort()).toEqual(
      [
        'addMatchNote',
        'applyStageEvent',
        'attachGeneratedResume',
        'carryOutDecision',
        'completeExport',
        'ensureGreenhousePerson',
        'exportEducation',
        'exportWorkHistory',
        'performRuleAction',
        'reconcileJob',
        'sourceCandidates',
        'syncJobsFromGreenhouse',
      ].sort(),
    );
  });

  it('every activity a golden history scheduled is registered on the queue it was scheduled on', () => {
    const harvest = new Set(Object.keys(createHarvestQueueActivities(deps)));
    const main = new Set(Object.keys(createActivities(deps)));
    const scheduled = scheduledInHistories();
    expect(scheduled.some(([, queue]) => queue.endsWith('-harvest'))).toBe(true);
    for (const [activity, queue] of scheduled) {
      expect(queue.endsWith('-harvest') ? harvest : main, `${activity} on ${queue}`).toContain(activity);
    }
  });
});
