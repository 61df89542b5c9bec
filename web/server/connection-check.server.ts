import { workflowsOf, type PilothouseContext } from './load-context';

export async function runConnectionCheck(context: PilothouseContext, requestedBy: string) {
  return workflowsOf(context).runConnectionCheck(requestedBy);
}

export async function recentConnectionChecks(context: PilothouseContext) {
  return context.db.selectFrom('connection_check').selectAll().orderBy('id', 'desc').limit(5).execute();
}
