import { describe, expect, it } from 'vitest';
import type { GreenhouseInterviewStage } from '../../../rules/index';
import {
  DEFAULT_STATUS_OUTCOMES,
  fillStageMappingDefaults,
  findUnmappedStages,
  greenhouseStageFor,
  outcomeForStatus,
  pipelineStageFor,
  ruleEventForStatus,
  stageNameSimilarity,
  validateStageMapping,
} from '../../../rules/index';

const JOB = 4001;
const stage = (id: number, name: string, sort_order: number, active = true): GreenhouseInterviewStage => ({
  id,
  job_id: JOB,
  name,
  sort_order,
  active,
});

// Greenhouse lists stages in any order; sort_order is what counts.
const STAGES = [
  stage(13, 'Onsite', 2),
  stage(11, 'Application Review', 0),
  stage(12, 'Phone Screen', 1),
  stage(14, 'Offer', 3),
  stage(15, 'Old Take Home', 4, false),
];

describe('stage mapping', () => {
  it('a new job gets "exported" linked to its first stage, and the other stages reported unmapped', () => {
    const { mapping, filled, unmapped } = fillStageMappingDefaults({ jobId: JOB, greenhouseStages: STAGES });
    expect(greenhouseStageFor(mapping, 'exported')).toBe(11);
    expect(filled).toEqual([
      {
        pipelineStage: 'exported',
        greenhouseStageId: 11,
        greenhouseStageName: 'Application Review',
        why: `"Application Review" is the job's first stage, where new applications start`,
      },
    ]);
    expect(unmapped.pipelineStagesWithoutGreenhouseStage).toEqual(['sourced', 'matched', 'approved']);
    expect(unmapped.greenhouseStagesWithoutPipelineStage).toEqual([
      { id: 12, name: 'Phone Screen' },
      { id: 13, name: 'Onsite' },
      { id: 14, name: 'Offer' },
    ]);
    expect(mapping.statusOutcomes).toEqual({
      in_process: 'inProgress',
      rejected: 'rejected',
      hired: 'hired',
      converted: 'converted',
    });
  });

  it('a stage the admin added finds its Greenhouse stage by name', () => {
    const { mapping, filled } = fillStageMappingDefaults({
      jobId: JOB,
      greenhouseStages: STAGES,
      extraPipelineStages: [
        { key: 'phoneScreen', label: 'Phone screen', builtIn: false },
        { key: 'onsiteInterview', label: 'On-site interview', builtIn: false },
      ],
    });
    expect(greenhouseStageFor(mapping, 'phoneScreen')).toBe(12);
    expect(greenhouseStageFor(mapping, 'onsiteInterview')).toBe(13);
    expect(pipelineStageFor(mapping, 13)).toBe('onsiteInterview');
    expect(filled.map((f) => f.why)).toContain(
      '"Phone Screen" is the closest name to "Phone screen" (100% alike)',
    );
  });

  it('a name nothing like any stage is left unmapped rather than guessed', () => {
    const { mapping, unmapped } = fillStageMappingDefaults({
      jobId: JOB,
      greenhouseStages: STAGES,
      extraPipelineStages: [{ key: 'backgroundCheck', label: 'Background check', builtIn: false }],
    });
    expect(greenhouseStageFor(mapping, 'backgroundCheck')).toBeNull();
    expect(unmapped.pipelineStagesWithoutGreenhouseStage).toContain('backgroundCheck');
  });

  it('what the admin chose is kept when defaults are filled again, while it still exists', () => {
    const first = fillStageMappingDefaults({ jobId: JOB, greenhouseStages: STAGES }).mapping;
    const chosen = {
      ...first,
      links: first.links.map((l) =>
        l.pipelineStage === 'exported' ? { ...l, greenhouseStageId: 12, setBy: 'admin' as const } : l,
      ),
    };
    expect(
      greenhouseStageFor(
        fillStageMappingDefaults({ jobId: JOB, greenhouseStages: STAGES, existing: chosen }).mapping,
        'exported',
      ),
    ).toBe(12);

    const phoneScreenDeleted = STAGES.filter((s) => s.id !== 12);
    const refilled = fillStageMappingDefaults({
      jobId: JOB,
      greenhouseStages: phoneScreenDeleted,
      existing: chosen,
    });
    expect(greenhouseStageFor(refilled.mapping, 'exported')).toBe(11);
  });

  it('filling defaults twice gives the same mapping', () => {
    const once = fillStageMappingDefaults({ jobId: JOB, greenhouseStages: STAGES }).mapping;
    expect(
      fillStageMappingDefaults({ jobId: JOB, greenhouseStages: [...STAGES].reverse(), existing: once })
        .mapping,
    ).toEqual(once);
  });

  it('links to deleted or deactivated stages are reported', () => {
    const { mapping } = fillStageMappingDefaults({ jobId: JOB, greenhouseStages: STAGES });
    const stale = {
      ...mapping,
      links: mapping.links.map((l) =>
        l.pipelineStage === 'exported'
          ? { ...l, greenhouseStageId: 99 }
          : l.pipelineStage === 'approved'
            ? { ...l, greenhouseStageId: 15 }
            : l,
      ),
    };
    const report = findUnmappedStages(stale, STAGES);
    expect(report.linksToMissingStages).toEqual([{ pipelineStage: 'exported', greenhouseStageId: 99 }]);
    expect(report.linksToInactiveStages).toEqual([
      { pipelineStage: 'approved', greenhouseStageId: 15, name: 'Old Take Home' },
    ]);
    expect(validateStageMapping(stale, STAGES).map((i) => [i.severity, i.code, i.pipelineStage])).toEqual([
      ['warning', 'mapping-stage-inactive', 'approved'],
      ['error', 'mapping-stage-missing', 'exported'],
    ]);
  });

  it('two pipeline stages pointing at one Greenhouse stage is a warning', () => {
    const { mapping } = fillStageMappingDefaults({ jobId: JOB, greenhouseStages: STAGES });
    const shared = {
      ...mapping,
      links: mapping.links.map((l) => (l.pipelineStage === 'approved' ? { ...l, greenhouseStageId: 11 } : l)),
    };
    expect(validateStageMapping(shared, STAGES)).toMatchObject([
      { severity: 'warning', code: 'mapping-stage-shared' },
    ]);
  });

  it('a hired status in Greenhouse reads as a hire in Pilothouse, unless the admin chose otherwise', () => {
    const { mapping } = fillStageMappingDefaults({ jobId: JOB, greenhouseStages: STAGES });
    expect(outcomeForStatus(mapping, 'hired')).toBe('hired');
    expect(
      outcomeForStatus(
        { ...mapping, statusOutcomes: { ...mapping.statusOutcomes, converted: 'ignored' } },
        'converted',
      ),
    ).toBe('ignored');
  });

  it('name similarity shrugs off case, punctuation and camelCase', () => {
    expect(stageNameSimilarity('phoneScreen', 'Phone Screen')).toBe(1);
    expect(stageNameSimilarity('On-site interview', 'Onsite Interview')).toBeGreaterThan(0.9);
    expect(stageNameSimilarity('Offer', 'Phone Screen')).toBeLessThan(0.3);
    expect(stageNameSimilarity('', 'Offer')).toBe(0);
  });
});

describe('what a Greenhouse application change starts, as the status mapping reads it', () => {
  const change = (
    kind: 'stage_changed' | 'rejected' | 'hired',
    status: 'in_process' | 'rejected' | 'hired' | 'converted',
  ) => ({
    kind,
    status,
    fromStageId: 11,
    toStageId: 12,
  });
  const mapping = (overrides: Partial<typeof DEFAULT_STATUS_OUTCOMES>) => ({
    statusOutcomes: { ...DEFAULT_STATUS_OUTCOMES, ...overrides },
  });

  it('by default a rejection is a rejection, a hire a hire, a move a stage change', () => {
    expect(ruleEventForStatus(mapping({}), change('rejected', 'rejected'))).toEqual({
      type: 'applicationRejected',
      rejectionReasonId: null,
    });
    expect(ruleEventForStatus(mapping({}), change('hired', 'hired'))).toEqual({ type: 'candidateHired' });
    expect(ruleEventForStatus(mapping({}), change('stage_changed', 'in_process'))).toEqual({
      type: 'stageChanged',
      fromStageId: 11,
      toStageId: 12,
    });
  });

  it('a status the admin ignores starts nothing; one mapped elsewhere starts what it was mapped to', () => {
    expect(ruleEventForStatus(mapping({ rejected: 'ignored' }), change('rejected', 'rejected'))).toBeNull();
    expect(
      ruleEventForStatus(mapping({ in_process: 'ignored' }), change('stage_changed', 'in_process')),
    ).toBeNull();
    expect(
      ruleEventForStatus(mapping({ rejected: 'inProgress' }), change('rejected', 'rejected')),
    ).toBeNull();
    expect(ruleEventForStatus(mapping({ converted: 'hired' }), change('hired', 'converted'))).toEqual({
      type: 'candidateHired',
    });
  });
});
