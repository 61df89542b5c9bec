import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { StoreActivities } from '../activities';
import type { CandidateErasureInput } from '../temporal/autopilot-api';
import { WORKFLOW_KIND } from '../temporal/search-attributes';

// An erasure is never given up on: a database outage only delays it. Every attempt is idempotent
// (erasing what is already gone changes nothing), so retrying for as long as it takes is safe.
// (No maximumAttempts: unlimited.)
const untilDone = proxyActivities<StoreActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * Greenhouse deleted, anonymized or merged a candidate: erase (or merge) them here too, whichever jobs
 * they were on and whether or not those jobs still run an autopilot. Workflow id:
 * `candidateErasureWorkflowId(candidateId)`.
 */
export async function candidateErasure(input: CandidateErasureInput) {
  upsertSearchAttributes([{ key: WORKFLOW_KIND, value: 'erasure' }]);
  return untilDone.eraseGreenhouseCandidateData(input);
}
