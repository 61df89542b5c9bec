import { latestConnectionChecks } from '../../db/queries/connection-checks';
import { workflowsOf, type PilothouseContext } from './load-context';

export async function runConnectionCheck(context: PilothouseContext, requestedBy: string) {
  return workflowsOf(context).runConnectionCheck(requestedBy);
}

export async function recentConnectionChecks(context: PilothouseContext) {
  return latestConnectionChecks(context.db);
}
