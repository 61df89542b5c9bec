import { describe, expect, it } from 'vitest';
import type { RuleFlow, ValidationIssue } from '../../../rules/index';
import { compile, createDefaultFlow, publishBlockers, validateFlow } from '../../../rules/index';
import {
  act,
  approval,
  exportAsCandidate,
  exportAsProspect,
  flowOf,
  fromUser,
  ghStage,
  leaf,
  mappedStage,
  moveTo,
  note,
  notifyWebhook,
  reject,
  requestApproval,
  requirement,
  score,
  stop,
  tag,
  trigger,
  wait,
  when,
  all,
} from './fixtures/build-flow';
import { JOB_ID, jobContext, STAGE_MAPPING, STAGES, USERS } from './fixtures/job';

function issuesOf(flow: RuleFlow, context = jobContext()): ValidationIssue[] {
  return validateFlow(flow, context);
}

function only(issues: ValidationIssue[], code: string): ValidationIssue[] {
  return issues.filter((i) => i.code === code);
}

const scoreGate = () =>
  flowOf(trigger.personMatched(), [when(score('gte', 70), [exportAsCandidate()], [stop()], 'gate')]);

describe('validation: the shape of a flow', () => {
  it('the default flow for a new job has nothing to fix', () => {
    expect(issuesOf(createDefaultFlow({ jobId: JOB_ID }))).toEqual([]);
  });

  it('a flow without a trigger is told to add one', () => {
    const flow = scoreGate();
    flow.nodes = flow.nodes.filter((n) => n.type !== 'trigger');
    flow.edges = flow.edges.filter((e) => e.source !== 'trigger');
    expect(only(issuesOf(flow), 'trigger-missing')).toEqual([
      {
        severity: 'error',
        code: 'trigger-missing',
        message: 'This flow has no trigger: add one (e.g. "Person matched") so the flow knows when to start.',
      },
    ]);
  });

  it('a second trigger is pointed out by its name, never its id', () => {
    const flow = scoreGate();
    flow.nodes.push({
      id: 'extra-trigger',
      type: 'trigger',
      position: { x: 0, y: 0 },
      data: { kind: 'jobOpened' },
    });
    const [issue] = only(issuesOf(flow), 'trigger-multiple');
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'extra-trigger' });
    expect(issue!.message).toContain(
      'a flow has exactly one (the first is “When a person is matched to the job”)',
    );
    expect(issue!.message).not.toContain('extra-trigger');
  });

  it('a loop back to an earlier step is refused, naming the edge that closes it', () => {
    const flow = flowOf(trigger.personMatched(), [
      tag('a', 'pilothouse'),
      tag('b', 'pilothouse'),
      tag('c', 'pilothouse'),
    ]);
    flow.edges.push({ id: 'back', source: 'n3', target: 'n1', sourceHandle: 'next' });
    const [issue] = only(issuesOf(flow), 'cycle');
    expect(issue).toMatchObject({ edgeId: 'back', nodeId: 'n3' });
    expect(issue!.message).toContain('(“Tag "a"” → “Tag "b"” → “Tag "c"” → “Tag "a"”)');
  });

  it('a step that leads into itself is refused', () => {
    const flow = flowOf(trigger.personMatched(), [tag('a', 'pilothouse')]);
    flow.edges.push({ id: 'self', source: 'n1', target: 'n1' });
    expect(only(issuesOf(flow), 'edge-self-loop')).toMatchObject([{ edgeId: 'self', nodeId: 'n1' }]);
    expect(only(issuesOf(flow), 'cycle')).toEqual([]);
  });

  it('an edge to a deleted step is dangling', () => {
    const flow = scoreGate();
    flow.edges.push({ id: 'ghost', source: 'gate', target: 'deleted-node', sourceHandle: 'then' });
    expect(only(issuesOf(flow), 'edge-dangling')).toMatchObject([
      {
        edgeId: 'ghost',
        message:
          'A connection goes from “Score at least 70” to a step that no longer exists: delete the connection or reconnect it.',
      },
    ]);
  });

  it('an edge into the trigger, or out of a stop, is refused', () => {
    const flow = scoreGate();
    flow.edges.push({ id: 'into-trigger', source: 'n1', target: 'trigger' });
    flow.edges.push({ id: 'after-stop', source: 'n2', target: 'n1' });
    const issues = issuesOf(flow);
    expect(only(issues, 'edge-into-trigger')).toMatchObject([{ edgeId: 'into-trigger', nodeId: 'trigger' }]);
    expect(only(issues, 'edge-from-stop')).toMatchObject([{ edgeId: 'after-stop', nodeId: 'n2' }]);
  });

  it('an edge leaving a condition by an exit it does not have says which exits there are', () => {
    const flow = scoreGate();
    flow.edges.push({ id: 'maybe', source: 'gate', target: 'n1', sourceHandle: 'maybe' });
    const [issue] = only(issuesOf(flow), 'edge-unknown-handle');
    expect(issue).toMatchObject({ edgeId: 'maybe', nodeId: 'gate' });
    expect(issue!.message).toContain('use "then" or "otherwise"');
  });

  it('a condition branch cannot lead to two places at once', () => {
    const flow = flowOf(trigger.personMatched(), [when(score('gte', 70), [tag('a')], [stop()], 'gate')]);
    flow.nodes.push({
      id: 'second',
      type: 'action',
      position: { x: 0, y: 0 },
      data: { kind: 'tag', tag: 'b', where: 'greenhouse' },
    });
    flow.edges.push({ id: 'second-then', source: 'gate', target: 'second', sourceHandle: 'then' });
    expect(only(issuesOf(flow), 'handle-multiple-edges')).toMatchObject([
      { edgeId: 'second-then', nodeId: 'gate' },
    ]);
  });

  it('the same connection drawn twice is a duplicate', () => {
    const flow = flowOf(trigger.personMatched(), [tag('a')]);
    flow.edges.push({ ...flow.edges[0]!, id: 'again' });
    expect(only(issuesOf(flow), 'edge-duplicate')).toMatchObject([{ edgeId: 'again' }]);
  });

  it('a step left lying on the canvas is disconnected; one fed only by a disconnected step is unreachable', () => {
    const flow = scoreGate();
    flow.nodes.push(
      {
        id: 'orphan',
        type: 'action',
        position: { x: 0, y: 0 },
        data: { kind: 'tag', tag: 'x', where: 'pilothouse' },
      },
      {
        id: 'island-a',
        type: 'action',
        position: { x: 0, y: 0 },
        data: { kind: 'tag', tag: 'a', where: 'pilothouse' },
      },
      { id: 'island-b', type: 'action', position: { x: 0, y: 0 }, data: { kind: 'stop' } },
    );
    flow.edges.push({ id: 'island', source: 'island-a', target: 'island-b' });
    const issues = issuesOf(flow);
    expect(only(issues, 'node-disconnected').map((i) => i.nodeId)).toEqual(['orphan']);
    expect(only(issues, 'node-unreachable').map((i) => i.nodeId)).toEqual(['island-a', 'island-b']);
  });

  it('a condition whose "otherwise" leads nowhere must end somewhere, if only in a stop', () => {
    const flow = scoreGate();
    flow.edges = flow.edges.filter((e) => e.sourceHandle !== 'otherwise');
    flow.nodes = flow.nodes.filter((n) => n.id !== 'n2');
    expect(only(issuesOf(flow), 'branch-unwired')).toEqual([
      {
        severity: 'error',
        code: 'branch-unwired',
        nodeId: 'gate',
        message:
          'The "otherwise" branch of condition “Score at least 70” leads nowhere: connect it to the next step, or to a Stop if nothing should happen.',
      },
    ]);
  });

  it('an approval with nothing after "approved" is incomplete, but nothing after "rejected" is fine', () => {
    const flow = flowOf(trigger.personMatched(), [
      approval(requestApproval(fromUser(USERS.riley.id)), [], [], 'ask'),
    ]);
    expect(only(issuesOf(flow), 'branch-unwired')).toMatchObject([{ nodeId: 'ask' }]);
  });

  it('a trigger with nothing after it leads nowhere', () => {
    expect(only(issuesOf(flowOf(trigger.personMatched(), [])), 'trigger-unwired')).toMatchObject([
      { nodeId: 'trigger' },
    ]);
  });

  it('two nodes with the same id are told apart by the message', () => {
    const flow = scoreGate();
    flow.nodes.push({ ...flow.nodes[1]! });
    expect(only(issuesOf(flow), 'node-duplicate-id')).toMatchObject([{ nodeId: 'gate' }]);
  });
});

describe('validation: what is inside each node', () => {
  it('a score threshold of 120 is out of range', () => {
    const flow = flowOf(trigger.personMatched(), [when(score('gte', 120), [tag('a')], [stop()], 'gate')]);
    expect(only(issuesOf(flow), 'score-out-of-range')).toEqual([
      {
        severity: 'error',
        code: 'score-out-of-range',
        nodeId: 'gate',
        path: 'data.when.value',
        message: 'Condition “Score at least 120” uses a score threshold of 120; scores run from 0 to 100.',
      },
    ]);
  });

  it('comparing the score with a word is an operand of the wrong type, found inside a group', () => {
    const flow = flowOf(trigger.personMatched(), [
      when(all(leaf('hasEmail', 'is', true), leaf('score', 'gte', 'high')), [tag('a')], [stop()], 'gate'),
    ]);
    expect(only(issuesOf(flow), 'condition-operand-type')).toMatchObject([
      {
        nodeId: 'gate',
        path: 'data.when.conditions[1].value',
        message: expect.stringContaining('it needs a number from 0 to 100'),
      },
    ]);
  });

  it('"location ≥ Berlin" uses an operator that does not apply to locations', () => {
    const flow = flowOf(trigger.personMatched(), [
      when(leaf('location', 'gte', 'Berlin'), [tag('a')], [stop()], 'gate'),
    ]);
    expect(only(issuesOf(flow), 'condition-operator')).toMatchObject([
      {
        nodeId: 'gate',
        path: 'data.when.op',
        message: expect.stringContaining('use "is", "isNot", "in", "notIn"'),
      },
    ]);
  });

  it('a typed source the product never records ("referral") is caught, naming the sources there are', () => {
    // It was saved and published, and no person ever matched it: sources are how a person came to the job.
    const flow = flowOf(trigger.personMatched(), [
      when(leaf('source', 'in', ['referral', 'import']), [tag('a')], [stop()], 'gate'),
    ]);
    expect(only(issuesOf(flow), 'condition-operand-type')).toMatchObject([
      {
        path: 'data.when.value',
        message: expect.stringContaining(
          'one of inbound (applied in Greenhouse), prospect_pool, import or outreach',
        ),
      },
    ]);
  });

  it('"source is one of" with an empty list, and an empty AND group, are both caught', () => {
    const flow = flowOf(trigger.personMatched(), [
      when(all(leaf('source', 'in', []), { combinator: 'or', conditions: [] }), [tag('a')], [stop()], 'gate'),
    ]);
    const issues = issuesOf(flow);
    expect(only(issues, 'condition-operand-type')).toMatchObject([{ path: 'data.when.conditions[0].value' }]);
    expect(only(issues, 'condition-empty-group')).toMatchObject([{ path: 'data.when.conditions[1]' }]);
  });

  it('a requirement that is not in the job profile is named, with the ones that are', () => {
    const flow = flowOf(trigger.personMatched(), [
      when(requirement('Kubernetes', 'is', 'met'), [tag('a')], [stop()], 'gate'),
    ]);
    expect(only(issuesOf(flow), 'requirement-unknown')).toMatchObject([
      {
        nodeId: 'gate',
        message: expect.stringContaining('choose one of "TypeScript", "PostgreSQL", "Distributed systems"'),
      },
    ]);
  });

  it('a Greenhouse stage deleted since the rule was drawn is reported with the stages that exist', () => {
    const flow = flowOf(trigger.personMatched(), [moveTo(ghStage(999))]);
    expect(only(issuesOf(flow), 'stage-missing')).toMatchObject([
      {
        nodeId: 'n1',
        path: 'data.stage',
        message: expect.stringContaining(
          'choose one of "Application Review", "Phone Screen", "Onsite Interview", "Offer"',
        ),
      },
    ]);
  });

  it('a stage Greenhouse has deactivated is a warning, not an error', () => {
    const flow = flowOf(trigger.personMatched(), [moveTo(ghStage(STAGES.retiredTakeHome.id))]);
    expect(only(issuesOf(flow), 'stage-inactive')).toMatchObject([{ severity: 'warning', nodeId: 'n1' }]);
  });

  it('exporting at a pipeline stage with no Greenhouse stage linked is unmapped', () => {
    const flow = flowOf(trigger.personMatched(), [exportAsCandidate(mappedStage('approved'))]);
    expect(only(issuesOf(flow), 'stage-unmapped')).toMatchObject([
      { nodeId: 'n1', message: expect.stringContaining('link it on the Stage mapping page') },
    ]);
    const unknown = flowOf(trigger.personMatched(), [exportAsCandidate(mappedStage('final-round'))]);
    expect(only(issuesOf(unknown), 'stage-unmapped')).toHaveLength(1);
    expect(
      only(issuesOf(unknown, jobContext({ stageMapping: null })), 'stage-unmapped')[0]!.message,
    ).toContain('set up the stage mapping first');
  });

  it('a prospect pool, or pool stage, that no longer exists is reported', () => {
    const gone = flowOf(trigger.personMatched(), [exportAsProspect(999)]);
    expect(only(issuesOf(gone), 'pool-missing')).toMatchObject([{ nodeId: 'n1', path: 'data.poolId' }]);
    const wrongStage = flowOf(trigger.personMatched(), [exportAsProspect(501, 999)]);
    expect(only(issuesOf(wrongStage), 'pool-stage-missing')[0]!.message).toContain(
      'choose one of "Warm", "Hot"',
    );
  });

  it('a rejection reason removed in Greenhouse is reported', () => {
    const flow = flowOf(trigger.personMatched(), [
      approval(requestApproval(fromUser(7)), [stop()], [reject(999)]),
    ]);
    expect(only(issuesOf(flow), 'rejection-reason-missing')).toMatchObject([{ nodeId: 'n3' }]);
  });

  it('an approver who left the company, and one whose account is disabled, are both flagged', () => {
    const left = flowOf(trigger.personMatched(), [
      approval(requestApproval(fromUser(404)), [exportAsCandidate()]),
    ]);
    expect(only(issuesOf(left), 'user-missing')).toMatchObject([{ nodeId: 'n1', path: 'data.approver' }]);
    const disabled = flowOf(trigger.personMatched(), [
      approval(requestApproval(fromUser(USERS.formerRecruiter.id)), [exportAsCandidate()]),
    ]);
    expect(only(issuesOf(disabled), 'user-disabled')).toMatchObject([{ severity: 'warning', nodeId: 'n1' }]);
  });

  it('an approval that escalates to nobody is incomplete', () => {
    const flow = flowOf(trigger.personMatched(), [
      approval(requestApproval(fromUser(7), { then: 'escalate', to: null }), [exportAsCandidate()]),
    ]);
    expect(only(issuesOf(flow), 'approver-missing')).toMatchObject([{ path: 'data.onTimeout.to' }]);
  });

  it('a 400-day wait and a zero-minute approval timeout are out of range', () => {
    const flow = flowOf(trigger.personMatched(), [
      wait({ amount: 400, unit: 'days' }),
      approval(requestApproval(fromUser(7), { then: 'approve' }, { amount: 0, unit: 'minutes' }), [
        exportAsCandidate(),
      ]),
    ]);
    expect(only(issuesOf(flow), 'duration-out-of-range').map((i) => i.path)).toEqual([
      'data.duration',
      'data.timeout',
    ]);
  });

  it('a webhook that is not https is refused, since candidate data would travel in the clear', () => {
    const flow = flowOf(trigger.candidateHired(), [notifyWebhook('http://hooks.example.com/x', 'hi')]);
    expect(only(issuesOf(flow), 'webhook-url-invalid')).toMatchObject([
      { nodeId: 'n1', path: 'data.channel.url' },
    ]);
  });

  it('an empty note is refused and a misspelt placeholder is a warning', () => {
    const empty = flowOf(trigger.personMatched(), [note('  ')]);
    expect(only(issuesOf(empty), 'text-empty')).toHaveLength(1);
    const typo = flowOf(trigger.personMatched(), [note('Hello {{nmae}}')]);
    expect(only(issuesOf(typo), 'template-unknown-placeholder')).toMatchObject([
      { severity: 'warning', message: expect.stringContaining('{{nmae}}') },
    ]);
  });

  it('a job-opened flow cannot read a score or export anyone: there is no person', () => {
    const flow = flowOf(trigger.jobOpened(), [
      when(score('gte', 70), [exportAsCandidate()], [stop()], 'gate'),
    ]);
    expect(only(issuesOf(flow), 'needs-person').map((i) => i.nodeId)).toEqual(['gate', 'n1']);
  });

  it('an outreach trigger with no events chosen is incomplete', () => {
    const flow = flowOf(trigger.outreach(), [tag('a')]);
    expect(only(issuesOf(flow), 'trigger-no-events')).toMatchObject([{ nodeId: 'trigger' }]);
  });

  it('without a context, references are not checked but the document still is', () => {
    const flow = flowOf(trigger.personMatched(), [moveTo(ghStage(999)), reject(998)]);
    const issues = validateFlow(flow);
    expect(only(issues, 'stage-missing')).toEqual([]);
    expect(only(issues, 'rejection-reason-missing')).toEqual([]);
    expect(only(issues, 'reject-without-approval')).toHaveLength(1);
  });
});

describe('validation: what the Greenhouse connection may do', () => {
  it('a connection without harvest:applications:reject cannot run a rule that rejects', () => {
    const context = jobContext({
      grantedScopes: jobContext().grantedScopes.filter((s) => s !== 'harvest:applications:reject'),
    });
    const flow = flowOf(trigger.personMatched(), [
      approval(requestApproval(fromUser(7)), [stop()], [reject(301)]),
    ]);
    expect(only(issuesOf(flow, context), 'scope-missing')).toEqual([
      {
        severity: 'error',
        code: 'scope-missing',
        nodeId: 'n3',
        message: expect.stringContaining('needs the Harvest permission harvest:applications:reject'),
      },
    ]);
  });

  it('exporting needs candidate, application, attachment and note scopes', () => {
    const context = jobContext({ grantedScopes: ['harvest:candidates:create'] });
    const [issue] = only(issuesOf(createDefaultFlow({ jobId: JOB_ID }), context), 'scope-missing');
    expect(issue!.message).toContain(
      'harvest:applications:create, harvest:attachments:create, harvest:notes:create',
    );
  });

  it('a Pilothouse-only tag needs no Greenhouse scope; a Greenhouse tag does', () => {
    const context = jobContext({ grantedScopes: [] });
    expect(
      only(issuesOf(flowOf(trigger.personMatched(), [tag('x', 'pilothouse')]), context), 'scope-missing'),
    ).toEqual([]);
    expect(
      only(issuesOf(flowOf(trigger.personMatched(), [tag('x', 'greenhouse')]), context), 'scope-missing'),
    ).toHaveLength(1);
  });
});

describe('validation: nobody is rejected without a person having a say', () => {
  const rejectsOnScore = () =>
    flowOf(trigger.personMatched(), [
      when(score('lt', 30), [reject(301, false, 'auto-reject')], [stop()], 'gate'),
    ]);

  it('rejecting on score alone is a warning that blocks publishing until acknowledged', () => {
    const issues = issuesOf(rejectsOnScore());
    expect(only(issues, 'reject-without-approval')).toMatchObject([
      { severity: 'warning', nodeId: 'auto-reject', requiresAcknowledgement: true, acknowledged: false },
    ]);
    expect(publishBlockers(issues)).toHaveLength(1);
    expect(compile(rejectsOnScore(), jobContext()).ok).toBe(true);
  });

  it('once an admin acknowledges it, the warning stays visible but no longer blocks', () => {
    const flow = rejectsOnScore();
    flow.acknowledgements.push({
      nodeId: 'auto-reject',
      code: 'reject-without-approval',
      acknowledgedBy: 'Riley',
      acknowledgedAt: '2025-03-10T09:00:00Z',
    });
    const issues = issuesOf(flow);
    expect(only(issues, 'reject-without-approval')).toMatchObject([{ acknowledged: true }]);
    expect(publishBlockers(issues)).toEqual([]);
  });

  it('rejecting after a recruiter declined needs no acknowledgement', () => {
    const flow = flowOf(trigger.personMatched(), [
      approval(requestApproval(fromUser(7)), [exportAsCandidate()], [reject(301)]),
    ]);
    expect(only(issuesOf(flow), 'reject-without-approval')).toEqual([]);
  });

  it('an approval that rejects by itself on timeout does not count as a person deciding', () => {
    const flow = flowOf(trigger.personMatched(), [
      approval(
        requestApproval(fromUser(7), { then: 'reject' }),
        [exportAsCandidate()],
        [reject(301, false, 'after-timeout')],
      ),
    ]);
    expect(only(issuesOf(flow), 'reject-without-approval')).toMatchObject([{ nodeId: 'after-timeout' }]);
  });

  it('a reject reachable both through an approval and around it is still flagged', () => {
    const flow = flowOf(trigger.personMatched(), [
      when(
        score('gte', 50),
        [approval(requestApproval(fromUser(7)), [exportAsCandidate()], [reject(301, false, 'shared')])],
        [stop()],
        'gate',
      ),
    ]);
    // The "otherwise" branch skips the approval and goes straight to the same reject step.
    flow.nodes = flow.nodes.filter((n) => n.id !== 'n3');
    flow.edges = flow.edges.map((e) =>
      e.target === 'n3' ? { ...e, id: 'gate-otherwise-shared', target: 'shared' } : e,
    );
    expect(validateFlow(flow).filter((i) => i.severity === 'error')).toEqual([]);
    expect(only(issuesOf(flow), 'reject-without-approval')).toMatchObject([{ nodeId: 'shared' }]);
  });

  it('an approval-decided flow is a person deciding, so it may reject', () => {
    const flow = flowOf(trigger.approvalDecided('rejected'), [reject(301)]);
    expect(only(issuesOf(flow), 'reject-without-approval')).toEqual([]);
  });
});

describe('compile refuses what validation rejects', () => {
  it('a flow with an error does not compile, and every issue comes back', () => {
    const flow = flowOf(trigger.personMatched(), [
      when(score('gte', 120), [act({ kind: 'tag', tag: '', where: 'greenhouse' })], [stop()]),
    ]);
    const result = compile(flow, jobContext({ stageMapping: STAGE_MAPPING }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['score-out-of-range', 'text-empty']);
  });
});
