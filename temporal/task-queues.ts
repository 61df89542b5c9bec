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
