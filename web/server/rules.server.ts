import { randomUUID } from 'node:crypto';
import { mustHaveRequirementNames } from '../../db/queries/job-profiles';
import { transferTargets } from '../../db/queries/jobs';
import { readStageMapping } from '../../db/queries/stage-mapping';
import {
  createRuleFlow,
  latestRuleVersion,
  recordRuleVersion,
  ruleFlowOfJob,
  ruleFlowsOfJob,
  ruleVersionHistory,
  saveRuleDraft,
} from '../../db/queries/rules';
import {
  compile,
  createDefaultFlow,
  diffFlows,
  dryRun,
  preparePublication,
  stepsNotCarriedOut,
  upgradeFlow,
  validateFlow,
  type PublishedRuleVersion,
  type RuleFlow,
  type StageMapping,
  type TriggerData,
  type ValidationContext,
} from '../../rules';
import { rulesPublishedSignal } from '../../temporal/autopilot-api';
import type { SignedInUser } from './auth.server';
import { audit } from './audit.server';
import { dryRunCases } from './dry-run-cases.server';
import { signalAutopilot } from './autopilot.server';
import { grantedScopesForValidation } from './connection.server';
import { greenhouseReferenceData, visibleJobIds } from './greenhouse.server';
import type { PilothouseContext } from './load-context';

export async function jobStageMapping(context: PilothouseContext, jobId: number) {
  return readStageMapping(context.db, jobId);
}

/**
 * What the flow is validated and compiled against: the job's synced data and Greenhouse's choices. With a
 * user, the jobs a transfer may name are only those their Greenhouse account may see (a confidential job's
 * name is not offered to an admin who cannot see it).
 */
export async function validationContext(context: PilothouseContext, jobId: number, user?: SignedInUser) {
  const [{ stages, saved, filled }, requirementNames, reference, grantedScopes, otherJobs] =
    await Promise.all([
      jobStageMapping(context, jobId),
      mustHaveRequirementNames(context.db, jobId),
      greenhouseReferenceData(context),
      grantedScopesForValidation(context),
      transferTargets(context.db, jobId),
    ]);
  const visible = user ? await visibleJobIds(context, user) : null;
  const validation: ValidationContext = {
    jobId,
    greenhouseStages: stages,
    // Only saved links: a suggestion the admin has not saved on the Stage mapping page resolves nothing.
    stageMapping: saved,
    stageSuggestions: filled.mapping,
    prospectPools: reference.prospectPools,
    otherJobs: visible ? otherJobs.filter((job) => visible.has(job.id)) : otherJobs,
    rejectionReasons: reference.rejectionReasons,
    users: reference.users.map((u) => ({ id: u.id, name: u.name, disabled: u.disabled })),
    requirementNames,
    grantedScopes,
  };
  return { validation, referenceError: reference.error };
}

/** Who "saved" a flow row that opening the editor created: nobody, so the page does not say someone did. */
const NOBODY = '';

/**
 * The job's draft. The first visit stores the default rules as the flow's draft (its id numbers the
 * versions), saved by nobody: until a person saves or publishes, the page says these are the default rules
 * the job runs — and shows them as they are now, not as they were when someone first looked.
 */
export async function loadDraft(context: PilothouseContext, jobId: number) {
  const row = await ruleFlowOfJob(context.db, jobId);
  if (row?.updated_by === NOBODY) {
    return {
      flow: createDefaultFlow({ jobId, flowId: row.id }),
      updatedBy: null,
      updatedAt: null,
      damaged: false,
    };
  }
  if (row) {
    const upgraded = upgradeFlow(row.draft);
    const flow = upgraded.ok
      ? { ...upgraded.flow, id: row.id, jobId }
      : createDefaultFlow({ jobId, flowId: row.id });
    return {
      flow,
      updatedBy: row.updated_by,
      updatedAt: new Date(row.updated_at).toISOString(),
      damaged: !upgraded.ok,
    };
  }
  const id = randomUUID();
  const flow = createDefaultFlow({ jobId, flowId: id });
  await createRuleFlow(context.db, flow, NOBODY);
  return { flow, updatedBy: null, updatedAt: null, damaged: false };
}

export async function saveDraft(context: PilothouseContext, flow: RuleFlow, by: string) {
  await saveRuleDraft(context.db, flow, by);
}

export async function latestVersion(
  context: PilothouseContext,
  flowId: string,
): Promise<PublishedRuleVersion | null> {
  return latestRuleVersion(context.db, flowId);
}

export async function versionHistory(context: PilothouseContext, flowId: string) {
  const rows = await ruleVersionHistory(context.db, flowId);
  return rows.map((row) => ({
    version: row.version,
    hash: row.hash.slice(0, 10),
    publishedBy: row.published_by,
    publishedAt: new Date(row.published_at).toISOString(),
    lines: row.lines,
    retroactive: row.retroactive,
  }));
}

/**
 * The flow run over what would have set it off: for "Person matched" the job's scored people as they are
 * now, for every other trigger the real events of the last 30 days (see dry-run-cases.server). Nothing is
 * carried out. `touched` counts the people at least one step would have acted on — what "also apply to
 * people already handled" would reach.
 */
export async function dryRunFlow(
  context: PilothouseContext,
  flow: RuleFlow,
  validation: ValidationContext,
  now = new Date(),
) {
  const compiled = compile(flow, validation);
  if (!compiled.ok) return { ok: false as const, issues: compiled.issues };
  // A flow that compiles has exactly one trigger.
  const trigger = flow.nodes.find((n) => n.type === 'trigger')!.data as TriggerData;
  const { over, cases, names } = await dryRunCases(context.db, flow.jobId, trigger, now);
  const report = dryRun(compiled.plan, cases, { examplesPerOutcome: 10 });
  const touched = new Set(
    report.results.filter((r) => !r.outcomes.every((o) => o === 'noAction')).map((r) => r.personId),
  );
  return {
    ok: true as const,
    trigger: trigger.kind,
    over,
    total: report.total,
    touched: touched.size,
    counts: report.counts,
    examples: Object.fromEntries(
      Object.entries(report.examples).map(([outcome, list]) => [
        outcome,
        list.map((e) => ({
          personId: e.personId,
          name: names.get(e.personId) ?? 'Someone no longer in this job',
          because: e.because,
        })),
      ]),
    ),
    warnings: compiled.warnings,
  };
}

export async function previewPublication(
  context: PilothouseContext,
  flow: RuleFlow,
  validation: ValidationContext,
) {
  const previous = await latestVersion(context, flow.id);
  const issues = [...validateFlow(flow, validation), ...stepsNotCarriedOut(flow, validation)];
  const diff = diffFlows(previous?.flow ?? null, flow, validation);
  // What "also apply to people already handled" would reach, so the admin confirms a number, not a guess.
  const dryRun = await dryRunFlow(context, flow, validation);
  const retroactive = dryRun.ok
    ? { touched: dryRun.touched, over: dryRun.over, counts: dryRun.counts }
    : null;
  return { previousVersion: previous?.version ?? null, diff, issues, retroactive };
}

/**
 * Publishing: validate and compile, store an immutable version, write the audit log, and tell the job's
 * running autopilot (rulesPublished) so its next evaluation uses the new plan.
 */
export async function publishFlow(
  context: PilothouseContext,
  user: SignedInUser,
  flow: RuleFlow,
  validation: ValidationContext,
  retroactive: boolean,
) {
  const notCarriedOut = stepsNotCarriedOut(flow, validation);
  if (notCarriedOut.length > 0) return { ok: false as const, blockers: notCarriedOut };
  const previous = await latestVersion(context, flow.id);
  const prepared = preparePublication({
    flow,
    context: validation,
    previous,
    publishedBy: { userId: user.greenhouse_user_id, name: user.email },
    publishedAt: new Date().toISOString(),
    retroactive,
  });
  if (!prepared.ok) return { ok: false as const, blockers: prepared.blockers };
  const { version, diff } = prepared;
  await recordRuleVersion(context.db, { version, flow, diff, by: user.email });
  await audit(context, {
    actor: user.email,
    action: 'rules.published',
    jobId: flow.jobId,
    details: {
      flowId: flow.id,
      version: version.version,
      hash: version.hash,
      changes: diff.lines,
      retroactive,
    },
  });
  const signalled = await signalAutopilot(context, flow.jobId, rulesPublishedSignal, {
    flowId: flow.id,
    version: version.version,
    retroactive,
  }).catch(() => false);
  return {
    ok: true as const,
    version: version.version,
    lines: diff.lines,
    unchanged: prepared.unchanged,
    signalled,
  };
}

export function mappingNames(mapping: StageMapping | null) {
  return mapping?.pipelineStages.map((p) => ({ key: p.key, label: p.label })) ?? [];
}

/**
 * After the stage mapping (stages or status outcomes) is saved, every published flow of the job is compiled
 * again against it; where the plan changes, that becomes the flow's next version and the running autopilot
 * is told, as publishing does. A flow the new mapping breaks keeps its last version, and the reason is
 * returned for the admin.
 */
export async function recompilePublishedFlows(context: PilothouseContext, user: SignedInUser, jobId: number) {
  const flows = await ruleFlowsOfJob(context.db, jobId);
  const { validation } = await validationContext(context, jobId);
  const results: { flow: string; outcome: 'unchanged' | 'republished' | 'broken'; detail?: string }[] = [];
  for (const row of flows) {
    const latest = await latestVersion(context, row.id);
    if (!latest) continue;
    const compiled = compile(latest.flow, validation);
    if (!compiled.ok) {
      results.push({
        flow: row.name,
        outcome: 'broken',
        detail: compiled.issues
          .filter((i) => i.severity === 'error')
          .map((i) => i.message)
          .join(' '),
      });
      continue;
    }
    if (compiled.plan.hash === latest.hash) {
      results.push({ flow: row.name, outcome: 'unchanged' });
      continue;
    }
    const published = await publishFlow(context, user, latest.flow, validation, false);
    results.push(
      published.ok
        ? { flow: row.name, outcome: 'republished', detail: `version ${published.version}` }
        : { flow: row.name, outcome: 'broken', detail: published.blockers.map((b) => b.message).join(' ') },
    );
  }
  return results;
}
