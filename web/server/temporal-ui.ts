import type { Env } from '../../config/env';

/** Link to a workflow in the Temporal Web UI (the dev server's by default). */
export function temporalUiWorkflowUrl(env: Env, workflowId: string, runId?: string): string {
  const base = (env.TEMPORAL_UI_URL ?? `http://localhost:${env.TEMPORAL_UI_PORT}`).replace(/\/$/, '');
  const path = `/namespaces/${encodeURIComponent(env.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
  return `${base}${path}${runId ? `/${encodeURIComponent(runId)}` : ''}`;
}
