// A job's stage mapping: Pilothouse's pipeline stages ↔ the job's Greenhouse interview stages, and
// Greenhouse application statuses ↔ Pilothouse outcomes. Rules name stages through this mapping
// ("export at the stage we call exported") so re-pointing a stage does not mean redrawing every rule.
import { z } from 'zod';
import { GreenhouseIdSchema } from './node-types';

/** The shape Greenhouse returns from `job_interview_stages` (snake_case kept on purpose: it is their data). */
export const GreenhouseInterviewStageSchema = z.object({
  id: GreenhouseIdSchema,
  job_id: GreenhouseIdSchema,
  name: z.string(),
  sort_order: z.number(),
  active: z.boolean(),
});
export type GreenhouseInterviewStage = z.infer<typeof GreenhouseInterviewStageSchema>;

export const BUILT_IN_PIPELINE_STAGES = ['sourced', 'matched', 'approved', 'exported'] as const;
export type BuiltInPipelineStage = (typeof BUILT_IN_PIPELINE_STAGES)[number];

export const GREENHOUSE_STATUSES = ['in_process', 'rejected', 'hired', 'converted'] as const;
export type GreenhouseStatus = (typeof GREENHOUSE_STATUSES)[number];

/** `ignored` lets an admin stop tracking a status (e.g. converted prospects handled elsewhere). */
export const PILOTHOUSE_OUTCOMES = ['inProgress', 'rejected', 'hired', 'converted', 'ignored'] as const;
export type PilothouseOutcome = (typeof PILOTHOUSE_OUTCOMES)[number];

export const PipelineStageSchema = z.object({
  key: z.string().min(1),
  label: z.string(),
  builtIn: z.boolean(),
});
export type PipelineStage = z.infer<typeof PipelineStageSchema>;

export const StageLinkSchema = z.object({
  pipelineStage: z.string(),
  greenhouseStageId: GreenhouseIdSchema.nullable(),
  /** `default` links were guessed by `fillStageMappingDefaults`; `admin` ones were chosen and are kept. */
  setBy: z.enum(['admin', 'default']),
});
export type StageLink = z.infer<typeof StageLinkSchema>;

export const StageMappingSchema = z.object({
  schemaVersion: z.literal(1),
  jobId: GreenhouseIdSchema,
  pipelineStages: z.array(PipelineStageSchema),
  links: z.array(StageLinkSchema),
  statusOutcomes: z.object({
    in_process: z.enum(PILOTHOUSE_OUTCOMES),
    rejected: z.enum(PILOTHOUSE_OUTCOMES),
    hired: z.enum(PILOTHOUSE_OUTCOMES),
    converted: z.enum(PILOTHOUSE_OUTCOMES),
  }),
});
export type StageMapping = z.infer<typeof StageMappingSchema>;

export const DEFAULT_STATUS_OUTCOMES: StageMapping['statusOutcomes'] = {
  in_process: 'inProgress',
  rejected: 'rejected',
  hired: 'hired',
  converted: 'converted',
};

const BUILT_IN_LABELS: Record<BuiltInPipelineStage, string> = {
  sourced: 'Sourced',
  matched: 'Matched',
  approved: 'Approved',
  exported: 'Exported',
};

export function builtInPipelineStages(): PipelineStage[] {
  return BUILT_IN_PIPELINE_STAGES.map((key) => ({ key, label: BUILT_IN_LABELS[key], builtIn: true }));
}

// ------------------------------------------------------------------------------------------- similarity

function normalizeStageName(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function bigrams(text: string): string[] {
  const squeezed = text.replace(/ /g, '');
  const grams: string[] = [];
  for (let i = 0; i < squeezed.length - 1; i++) grams.push(squeezed.slice(i, i + 2));
  return grams;
}

/**
 * How alike two stage names are, 0 (nothing shared) to 1 (same words): a Dice coefficient over letter
 * pairs, which shrugs off case, punctuation and camelCase ("phoneScreen" ≈ "Phone Screen"). A short name
 * contained in a longer one ("Onsite" in "On-site interview") also counts, since Dice alone punishes the
 * extra words.
 */
export function stageNameSimilarity(a: string, b: string): number {
  const left = normalizeStageName(a);
  const right = normalizeStageName(b);
  if (left === '' || right === '') return 0;
  if (left === right) return 1;
  return Math.max(diceSimilarity(left, right), containment(left.replace(/ /g, ''), right.replace(/ /g, '')));
}

function containment(left: string, right: string): number {
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  if (shorter.length < 4 || !longer.includes(shorter)) return 0;
  return 0.6 + 0.4 * (shorter.length / longer.length);
}

function diceSimilarity(left: string, right: string): number {
  const leftGrams = bigrams(left);
  const rightGrams = bigrams(right);
  if (leftGrams.length === 0 || rightGrams.length === 0) return 0;
  const pool = [...rightGrams];
  let shared = 0;
  for (const gram of leftGrams) {
    const at = pool.indexOf(gram);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (leftGrams.length + rightGrams.length);
}

/** Below this, a guessed link would more often be wrong than right; the stage is reported unmapped. */
export const NAME_SIMILARITY_THRESHOLD = 0.6;

// ---------------------------------------------------------------------------------------------- lookups

export function greenhouseStageFor(mapping: StageMapping, pipelineStage: string): number | null {
  return mapping.links.find((link) => link.pipelineStage === pipelineStage)?.greenhouseStageId ?? null;
}

export function pipelineStageFor(mapping: StageMapping, greenhouseStageId: number): string | null {
  return mapping.links.find((link) => link.greenhouseStageId === greenhouseStageId)?.pipelineStage ?? null;
}

export function outcomeForStatus(mapping: StageMapping, status: GreenhouseStatus): PilothouseOutcome {
  return mapping.statusOutcomes[status];
}

function byPipelineOrder(stages: readonly GreenhouseInterviewStage[]): GreenhouseInterviewStage[] {
  return [...stages].sort((a, b) => a.sort_order - b.sort_order || a.id - b.id);
}

// ---------------------------------------------------------------------------------------------- reports

export type UnmappedStagesReport = {
  /** Pipeline stages with no Greenhouse stage: rules that name them cannot be compiled. */
  pipelineStagesWithoutGreenhouseStage: string[];
  /** Active Greenhouse stages nothing points at: moves into them are tracked, but not named in Pilothouse. */
  greenhouseStagesWithoutPipelineStage: { id: number; name: string }[];
  /** Links to stages that no longer exist on the job (deleted in Greenhouse since the last sync). */
  linksToMissingStages: { pipelineStage: string; greenhouseStageId: number }[];
  /** Links to stages Greenhouse has deactivated. */
  linksToInactiveStages: { pipelineStage: string; greenhouseStageId: number; name: string }[];
};

export function findUnmappedStages(
  mapping: StageMapping,
  greenhouseStages: readonly GreenhouseInterviewStage[],
): UnmappedStagesReport {
  const report: UnmappedStagesReport = {
    pipelineStagesWithoutGreenhouseStage: [],
    greenhouseStagesWithoutPipelineStage: [],
    linksToMissingStages: [],
    linksToInactiveStages: [],
  };
  for (const stage of mapping.pipelineStages) {
    const link = mapping.links.find((l) => l.pipelineStage === stage.key);
    if (!link || link.greenhouseStageId === null) {
      report.pipelineStagesWithoutGreenhouseStage.push(stage.key);
      continue;
    }
    const target = greenhouseStages.find((s) => s.id === link.greenhouseStageId);
    if (!target)
      report.linksToMissingStages.push({
        pipelineStage: stage.key,
        greenhouseStageId: link.greenhouseStageId,
      });
    else if (!target.active)
      report.linksToInactiveStages.push({
        pipelineStage: stage.key,
        greenhouseStageId: target.id,
        name: target.name,
      });
  }
  for (const stage of byPipelineOrder(greenhouseStages)) {
    if (stage.active && !mapping.links.some((l) => l.greenhouseStageId === stage.id)) {
      report.greenhouseStagesWithoutPipelineStage.push({ id: stage.id, name: stage.name });
    }
  }
  return report;
}

// --------------------------------------------------------------------------------------------- defaults

export type FilledLink = {
  pipelineStage: string;
  greenhouseStageId: number;
  greenhouseStageName: string;
  why: string;
};

export type FillStageMappingResult = {
  mapping: StageMapping;
  /** The links this call guessed, with the reason, so the admin can review them. */
  filled: FilledLink[];
  unmapped: UnmappedStagesReport;
};

/**
 * Completes a job's stage mapping from its Greenhouse stages without overriding the admin: links the admin
 * set are kept while their stage exists; `exported` defaults to the job's first active stage (where
 * Greenhouse puts new applications); other stages take the closest-named unclaimed stage, if close enough.
 * Deterministic: the same stages always give the same mapping.
 */
export function fillStageMappingDefaults(options: {
  jobId: number;
  greenhouseStages: readonly GreenhouseInterviewStage[];
  existing?: StageMapping | null;
  /** Extra pipeline stages the admin added (built-ins are always present). */
  extraPipelineStages?: readonly PipelineStage[];
}): FillStageMappingResult {
  const { jobId, existing } = options;
  const jobStages = byPipelineOrder(options.greenhouseStages.filter((s) => s.job_id === jobId));
  const activeStages = jobStages.filter((s) => s.active);

  const pipelineStages: PipelineStage[] = [];
  for (const stage of [
    ...builtInPipelineStages(),
    ...(existing?.pipelineStages ?? []),
    ...(options.extraPipelineStages ?? []),
  ]) {
    if (!pipelineStages.some((p) => p.key === stage.key)) pipelineStages.push(stage);
  }

  const links: StageLink[] = [];
  const claimed = new Set<number>();
  for (const stage of pipelineStages) {
    const previous = existing?.links.find((l) => l.pipelineStage === stage.key);
    const stillThere =
      previous?.greenhouseStageId != null && jobStages.some((s) => s.id === previous.greenhouseStageId);
    if (previous && previous.setBy === 'admin' && (previous.greenhouseStageId === null || stillThere)) {
      links.push(previous);
      if (previous.greenhouseStageId !== null) claimed.add(previous.greenhouseStageId);
    }
  }

  const filled: FilledLink[] = [];
  const link = (pipelineStage: string, target: GreenhouseInterviewStage, why: string) => {
    links.push({ pipelineStage, greenhouseStageId: target.id, setBy: 'default' });
    claimed.add(target.id);
    filled.push({ pipelineStage, greenhouseStageId: target.id, greenhouseStageName: target.name, why });
  };

  const open = (key: string) => !links.some((l) => l.pipelineStage === key);
  const firstStage = activeStages[0];
  if (open('exported') && firstStage) {
    link(
      'exported',
      firstStage,
      `"${firstStage.name}" is the job's first stage, where new applications start`,
    );
  }

  // Best pairs first, so two pipeline stages competing for one Greenhouse stage resolve the same way every time.
  const candidates: { stage: PipelineStage; target: GreenhouseInterviewStage; score: number }[] = [];
  for (const stage of pipelineStages) {
    if (!open(stage.key)) continue;
    for (const target of activeStages) {
      const score = Math.max(
        stageNameSimilarity(stage.label, target.name),
        stageNameSimilarity(stage.key, target.name),
      );
      if (score >= NAME_SIMILARITY_THRESHOLD) candidates.push({ stage, target, score });
    }
  }
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      pipelineStages.indexOf(a.stage) - pipelineStages.indexOf(b.stage) ||
      a.target.sort_order - b.target.sort_order,
  );
  for (const { stage, target, score } of candidates) {
    if (!open(stage.key) || claimed.has(target.id)) continue;
    link(
      stage.key,
      target,
      `"${target.name}" is the closest name to "${stage.label}" (${Math.round(score * 100)}% alike)`,
    );
  }

  for (const stage of pipelineStages) {
    if (open(stage.key)) links.push({ pipelineStage: stage.key, greenhouseStageId: null, setBy: 'default' });
  }
  links.sort(
    (a, b) =>
      pipelineStages.findIndex((p) => p.key === a.pipelineStage) -
      pipelineStages.findIndex((p) => p.key === b.pipelineStage),
  );

  const mapping: StageMapping = {
    schemaVersion: 1,
    jobId,
    pipelineStages,
    links,
    statusOutcomes: existing?.statusOutcomes ?? { ...DEFAULT_STATUS_OUTCOMES },
  };
  return { mapping, filled, unmapped: findUnmappedStages(mapping, jobStages) };
}

export type StageMappingIssue = {
  severity: 'error' | 'warning';
  code: string;
  pipelineStage?: string;
  message: string;
};

/** Problems with the mapping document itself, for the mapping editor. */
export function validateStageMapping(
  mapping: StageMapping,
  greenhouseStages: readonly GreenhouseInterviewStage[],
): StageMappingIssue[] {
  const issues: StageMappingIssue[] = [];
  const seen = new Map<number, string>();
  for (const link of mapping.links) {
    if (!mapping.pipelineStages.some((p) => p.key === link.pipelineStage)) {
      issues.push({
        severity: 'error',
        code: 'mapping-unknown-pipeline-stage',
        pipelineStage: link.pipelineStage,
        message: `The mapping links "${link.pipelineStage}", which is not one of this job's pipeline stages: add the stage or remove the link.`,
      });
    }
    if (link.greenhouseStageId === null) continue;
    const target = greenhouseStages.find((s) => s.id === link.greenhouseStageId);
    if (!target) {
      issues.push({
        severity: 'error',
        code: 'mapping-stage-missing',
        pipelineStage: link.pipelineStage,
        message: `"${link.pipelineStage}" points at Greenhouse stage ${link.greenhouseStageId}, which no longer exists on job ${mapping.jobId}: choose another stage.`,
      });
    } else if (!target.active) {
      issues.push({
        severity: 'warning',
        code: 'mapping-stage-inactive',
        pipelineStage: link.pipelineStage,
        message: `"${link.pipelineStage}" points at "${target.name}", which is inactive in Greenhouse: choose an active stage.`,
      });
    }
    const other = seen.get(link.greenhouseStageId);
    if (other !== undefined) {
      issues.push({
        severity: 'warning',
        code: 'mapping-stage-shared',
        pipelineStage: link.pipelineStage,
        message: `"${link.pipelineStage}" and "${other}" both point at Greenhouse stage ${target?.name ?? link.greenhouseStageId}: moves into it will be reported as "${other}".`,
      });
    } else {
      seen.set(link.greenhouseStageId, link.pipelineStage);
    }
  }
  return issues;
}

/**
 * The rule event a Greenhouse application change is, as the job's status mapping reads it. A rejection or
 * hire counts as what the admin mapped its status to: "rejected" starts "Rejected in Greenhouse" flows,
 * "hired" starts "Hired" flows, anything else ("in progress", "converted", "ignored") starts neither. A
 * move between stages is a stage change, unless the application's status is one the admin ignores.
 */
export function ruleEventForStatus(
  mapping: Pick<StageMapping, 'statusOutcomes'>,
  change: {
    kind: 'stage_changed' | 'rejected' | 'hired';
    status: GreenhouseStatus;
    fromStageId: number | null;
    toStageId: number | null;
  },
):
  | { type: 'applicationRejected'; rejectionReasonId: null }
  | { type: 'candidateHired' }
  | { type: 'stageChanged'; fromStageId: number | null; toStageId: number }
  | null {
  const outcome = mapping.statusOutcomes[change.status];
  if (outcome === 'ignored') return null;
  if (change.kind === 'stage_changed')
    return change.toStageId
      ? { type: 'stageChanged', fromStageId: change.fromStageId, toStageId: change.toStageId }
      : null;
  if (outcome === 'rejected') return { type: 'applicationRejected', rejectionReasonId: null };
  if (outcome === 'hired') return { type: 'candidateHired' };
  return null;
}

/**
 * The mapping as the admin last saved it, over every pipeline stage the filled mapping lists: what the
 * rule canvas resolves "the stage we call …" through. A link `fillStageMappingDefaults` only suggested is
 * not in it — the canvas would otherwise show an export as set up that the admin never agreed to.
 */
export function savedStageMapping(filled: StageMapping, saved: StageMapping | null): StageMapping {
  return {
    ...filled,
    links: filled.pipelineStages.map(
      (stage) =>
        saved?.links.find((l) => l.pipelineStage === stage.key) ?? {
          pipelineStage: stage.key,
          greenhouseStageId: null,
          setBy: 'default' as const,
        },
    ),
    statusOutcomes: saved?.statusOutcomes ?? filled.statusOutcomes,
  };
}
