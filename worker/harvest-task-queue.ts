// No imports on purpose: workflow code imports this to route Harvest-calling activities, and the
// workflow bundle must not pull in anything else from worker/.

/**
 * The dedicated task queue for activities that call the Harvest API, derived from the main queue
 * (`pilothouse` → `pilothouse-harvest`) so a test on a fresh queue gets a fresh Harvest queue too.
 * In a workflow: `proxyActivities({ taskQueue: harvestTaskQueue(workflowInfo().taskQueue), ... })`.
 */
export function harvestTaskQueue(taskQueue: string): string {
  return `${taskQueue}-harvest`;
}
