import { describe, expect, it } from 'vitest';
import type { RuleFlow } from '../../../rules/index';
import { compile, createDefaultFlow, evaluate, verifyPlanHash } from '../../../rules/index';
import { flowOf, score, stop, tag, trigger, when } from './fixtures/build-flow';
import { JOB_ID, jobContext, STAGE_MAPPING } from './fixtures/job';
import { person, planFor } from './fixtures/plans';

describe('compiling a flow into a plan', () => {
  it('the plan lists steps in reading order: each branch to its end, then before otherwise', () => {
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }));
    expect(plan.steps.map((s) => s.nodeId)).toEqual([
      'matched',
      'score-check',
      'new-to-job',
      'approval',
      'export',
      'not-approved',
      'already-applied',
      'below-threshold',
    ]);
    expect(plan.steps.map((s) => s.text)).toEqual([
      'When a person is matched to the job',
      'Score ≥ 40',
      'Is not an applicant on this job',
      "request approval from the job's recruiter",
      'export to Greenhouse as a candidate at "Application Review"',
      'stop (Not approved)',
      'stop (Already an applicant on this job)',
      'stop (Score below 40)',
    ]);
  });

  it('references are resolved at compile time, so the plan needs no lookups later', () => {
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }));
    const exportStep = plan.steps.find((s) => s.nodeId === 'export')!;
    expect(exportStep).toMatchObject({
      kind: 'action',
      action: { type: 'export', as: 'candidate', stage: { stageId: 101, name: 'Application Review' } },
    });
  });

  it('the same flow and context give the same plan and the same hash, and the hash checks out', () => {
    const first = planFor(createDefaultFlow({ jobId: JOB_ID }));
    const second = planFor(createDefaultFlow({ jobId: JOB_ID }));
    expect(second).toEqual(first);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyPlanHash(first)).toBe(true);
    expect(verifyPlanHash({ ...first, jobId: 4002 })).toBe(false);
  });

  it('dragging boxes around the canvas does not change the plan', () => {
    const flow = createDefaultFlow({ jobId: JOB_ID });
    const moved: RuleFlow = {
      ...flow,
      nodes: flow.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: n.position.y * 2 } })),
    };
    expect(planFor(moved).hash).toBe(planFor(flow).hash);
  });

  it('raising the threshold from 70 to 80 changes the hash', () => {
    expect(planFor(createDefaultFlow({ jobId: JOB_ID, threshold: 80 })).hash).not.toBe(
      planFor(createDefaultFlow({ jobId: JOB_ID })).hash,
    );
  });

  it('re-pointing the "exported" stage in the stage mapping changes the plan, without redrawing the flow', () => {
    const repointed = jobContext({
      stageMapping: {
        ...STAGE_MAPPING,
        links: STAGE_MAPPING.links.map((l) =>
          l.pipelineStage === 'exported' ? { ...l, greenhouseStageId: 102 } : l,
        ),
      },
    });
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }), repointed);
    expect(plan.steps.find((s) => s.nodeId === 'export')!.text).toBe(
      'export to Greenhouse as a candidate at "Phone Screen"',
    );
  });

  it('a step two branches lead to runs once, after both', () => {
    // trigger → gate: then → tag "strong" → shared; otherwise → shared (a stop)
    const flow = flowOf(trigger.personMatched(), [
      when(score('gte', 70), [tag('strong', 'pilothouse'), stop('done')], [], 'gate'),
    ]);
    flow.edges.push({ id: 'otherwise-to-shared', source: 'gate', target: 'n2', sourceHandle: 'otherwise' });
    const plan = planFor(flow);
    const shared = plan.steps.find((s) => s.nodeId === 'n2')!;
    expect(shared.kind === 'action' && shared.activatedBy).toEqual([
      { step: 1, branch: 'otherwise' },
      { step: 2, branch: 'next' },
    ]);
    const high = evaluate(plan, { type: 'personMatched', score: 90 }, person());
    expect(high.decisions.map((d) => d.type)).toEqual(['tag', 'stop']);
    const low = evaluate(plan, { type: 'personMatched', score: 10 }, person());
    expect(low.decisions.map((d) => d.type)).toEqual(['stop']);
  });

  it('a plan survives a trip through JSON and still decides the same', () => {
    const plan = planFor(createDefaultFlow({ jobId: JOB_ID }));
    const stored = JSON.parse(JSON.stringify(plan)) as typeof plan;
    expect(stored).toEqual(plan);
    expect(verifyPlanHash(stored)).toBe(true);
    const event = { type: 'personMatched' as const, score: 77 };
    expect(evaluate(stored, event, person())).toEqual(evaluate(plan, event, person()));
  });

  it('warnings travel with the compiled plan', () => {
    const flow = flowOf(trigger.personMatched(), [tag('{{unknown}}', 'pilothouse')]);
    flow.nodes.push({
      id: 'note',
      type: 'action',
      position: { x: 0, y: 0 },
      data: { kind: 'addNote', body: 'Hi {{nmae}}', visibility: 'private' },
    });
    flow.edges.push({ id: 'to-note', source: 'n1', target: 'note' });
    const result = compile(flow, jobContext());
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['template-unknown-placeholder']);
  });
});
