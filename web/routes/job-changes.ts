import type { Route } from './+types/job-changes';
import { pipelineStamp } from '../../db/queries/pipeline-people';
import { requireUser } from '../server/auth.server';
import { assertJobVisible } from '../server/greenhouse.server';
import { parseJobId } from '../server/jobs.server';

/**
 * `GET /jobs/:jobId/changes`: the pipeline's change stamp, which the open job screen polls every second and
 * re-reads the page when it moves — so a stage change told by a Greenhouse webhook shows without a reload.
 * One small indexed query per poll; the page itself is read only when something changed.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context);
  const jobId = parseJobId(params.jobId);
  await assertJobVisible(context, user, jobId);
  return Response.json(
    { stamp: await pipelineStamp(context.db, jobId) },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
