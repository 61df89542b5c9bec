// No imports on purpose: workflow code imports this to route Harvest-calling activities.

/**
 * The dedicated task queue for activities that call the Harvest API, derived from the main queue
 * (`pilothouse` → `pilothouse-harvest`) so a test on a fresh queue gets a fresh Harvest queue too.
 * In a workflow: `proxyActivities({ taskQueue: harvestTaskQueue(workflowInfo().taskQueue), ... })`.
 * Its workers register only the Harvest activities (`createHarvestQueueActivities`) and start at most
 * `harvestTaskQueueActivitiesPerSecond` of them per second across the deployment (harvest-queue-rate.ts).
 */
export function harvestTaskQueue(taskQueue: string): string {
  return `${taskQueue}-harvest`;
}

/**
 * The dev server's dynamic config for the Harvest queue's ordering: one partition per task queue, so the
 * export steps' priority (`exportNextStepPriority`, activity-options.ts) orders the whole backlog — the
 * server orders by priority within a partition only, and with its default of four a poll finds new and
 * started exports' steps mixed. The dev server's flags cannot name one queue; at its load one partition
 * is plenty for every queue. A cluster sets the same two keys for the Harvest queue only (ADR 0010).
 */
export function devServerFlags(): string[] {
  return [
    '--dynamic-config-value',
    'matching.numTaskqueueReadPartitions=1',
    '--dynamic-config-value',
    'matching.numTaskqueueWritePartitions=1',
  ];
}
