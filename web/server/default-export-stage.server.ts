import { readStageMapping } from '../../db/queries/stage-mapping';
import type { PilothouseContext } from './load-context';

/**
 * The Greenhouse stage the autopilot's default flow exports to while nobody has saved the job's stage
 * mapping: the mapping's suggestion (activities/autopilot/rule-plans.ts compiles the default flow with it).
 * Null once a mapping was saved — then the canvas and the autopilot read the same saved links.
 */
export async function suggestedExportStage(
  context: PilothouseContext,
  jobId: number,
): Promise<string | null> {
  const { filled, stored, stages } = await readStageMapping(context.db, jobId);
  if (stored) return null;
  const link = filled.mapping.links.find((l) => l.pipelineStage === 'exported');
  return stages.find((s) => s.id === link?.greenhouseStageId)?.name ?? null;
}
