import {
  compile,
  createDefaultFlow,
  HARVEST_SCOPES_BY_ACTION,
  type StageMapping,
  type ValidationContext,
} from '../../rules';
import type { Db } from '../../db/database';
import { mustHaveRequirementNames } from '../../db/queries/job-profiles';
import { transferTargets } from '../../db/queries/jobs';
import { readStageMapping } from '../../db/queries/stage-mapping';
import { publishedPlansOfJob, type LoadedPlan } from '../../db/queries/rule-plans';

export type { LoadedPlan };

export async function loadStageMapping(db: Db, jobId: number): Promise<StageMapping> {
  return (await readStageMapping(db, jobId)).filled.mapping;
}

/**
 * What the rules are checked against, from the job's data as last synced. Published plans were
 * compiled by the web app against Greenhouse's live pools, reasons and users; this context only
 * compiles the default flow, which names none of them.
 */
export async function loadValidationContext(db: Db, jobId: number): Promise<ValidationContext> {
  const [{ stages, filled }, requirementNames, otherJobs] = await Promise.all([
    readStageMapping(db, jobId),
    mustHaveRequirementNames(db, jobId),
    transferTargets(db, jobId),
  ]);
  return {
    jobId,
    greenhouseStages: stages,
    stageMapping: filled.mapping,
    prospectPools: [],
    otherJobs,
    rejectionReasons: [],
    users: [],
    requirementNames,
    // Scopes are verified when the connection is saved; the autopilot acts on what was granted then.
    grantedScopes: [],
  };
}

/**
 * The job's latest published version of each flow; a job nobody has drawn rules for yet runs the
 * default flow (approve good matches, then export — never reject without a person).
 */
export async function loadRulePlans(db: Db, jobId: number): Promise<LoadedPlan[]> {
  const published = await publishedPlansOfJob(db, jobId);
  if (published.length > 0) return published;
  const flow = createDefaultFlow({ jobId });
  const compiled = compile(flow, {
    ...(await loadValidationContext(db, jobId)),
    grantedScopes: DEFAULT_FLOW_SCOPES,
  });
  if (!compiled.ok) {
    const first = compiled.issues.find((issue) => issue.severity === 'error');
    throw new Error(`The default rules do not fit job ${jobId}: ${first?.message ?? 'unknown problem'}`);
  }
  return [{ flowId: flow.id, version: null, plan: compiled.plan }];
}

// The default flow only requests approval and exports; a missing scope surfaces on the first export instead.
const DEFAULT_FLOW_SCOPES = [...HARVEST_SCOPES_BY_ACTION.exportAsCandidate];
