// How fast the rules module is on large flows: `npm run bench:rules`.
// Two 200-node shapes: a "ladder" in which every condition leads on by both branches, so every evaluation
// runs all 200 steps and explains ~58 decisions (the worst case), and a "tree" of 99 conditions in which a
// person follows one path of about seven conditions to one action (what real rules look like).
// Prints figures only; nothing here asserts a time, because machines differ.
import os from 'node:os';
import type {
  ActionData,
  ConditionExpr,
  Facts,
  FlowEdge,
  FlowNode,
  RuleFlow,
  ValidationContext,
} from '../rules/index';
import {
  compile,
  CURRENT_FLOW_SCHEMA_VERSION,
  evaluate,
  HARVEST_SCOPES_BY_ACTION,
  validateFlow,
} from '../rules/index';

const JOB_ID = 4001;
const NODE_COUNT = 200;

const context: ValidationContext = {
  jobId: JOB_ID,
  greenhouseStages: [
    { id: 101, job_id: JOB_ID, name: 'Application Review', sort_order: 0, active: true },
    { id: 102, job_id: JOB_ID, name: 'Phone Screen', sort_order: 1, active: true },
    { id: 103, job_id: JOB_ID, name: 'Onsite', sort_order: 2, active: true },
  ],
  stageMapping: {
    schemaVersion: 1,
    jobId: JOB_ID,
    pipelineStages: [{ key: 'exported', label: 'Exported', builtIn: true }],
    links: [{ pipelineStage: 'exported', greenhouseStageId: 101, setBy: 'default' }],
    statusOutcomes: {
      in_process: 'inProgress',
      rejected: 'rejected',
      hired: 'hired',
      converted: 'converted',
    },
  },
  prospectPools: [],
  rejectionReasons: [{ id: 301, name: 'Lacking skills' }],
  users: [{ id: 7, name: 'Riley' }],
  requirementNames: ['TypeScript', 'PostgreSQL'],
  grantedScopes: [...new Set(Object.values(HARVEST_SCOPES_BY_ACTION).flat())],
};

const CONDITIONS: ConditionExpr[] = [
  { field: 'score', op: 'gte', value: 60 },
  { field: 'requirement', requirement: 'TypeScript', op: 'atLeast', value: 'partly' },
  { field: 'location', op: 'in', value: ['Germany', 'Remote'] },
  {
    combinator: 'and',
    conditions: [
      { field: 'hasEmail', op: 'is', value: true },
      { field: 'source', op: 'in', value: ['referral', 'inbound'] },
    ],
  },
  { field: 'timeSinceLastActivity', op: 'gte', value: { amount: 14, unit: 'days' } },
  { field: 'greenhousePresence', op: 'is', value: 'none' },
];

const ACTIONS: ActionData[] = [
  { kind: 'addNote', body: 'Checked {{name}} at {{score}}: {{reasons}}', visibility: 'private' },
  { kind: 'tag', tag: 'reviewed', where: 'pilothouse' },
  {
    kind: 'notify',
    channel: { type: 'webhook', url: 'https://hooks.example.com/rules' },
    message: '{{name}}',
  },
];

/** trigger → (condition → then: action) × n, both branches joining at the next condition → approval → export. */
function ladderFlow(): RuleFlow {
  const nodes: FlowNode[] = [
    { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'personMatched' } },
  ];
  const edges: FlowEdge[] = [];
  const edge = (source: string, target: string, sourceHandle: string) =>
    edges.push({ id: `${source}->${target}:${sourceHandle}`, source, target, sourceHandle });
  // trigger + 2 per segment + last condition, approval, export and two stops = NODE_COUNT
  const segments = (NODE_COUNT - 6) / 2;
  let previous = { id: 'trigger', exits: ['next'] };
  for (let i = 0; i < segments; i++) {
    const condition = `c${i}`;
    const action = `a${i}`;
    nodes.push({
      id: condition,
      type: 'condition',
      position: { x: 0, y: i * 200 },
      data: { when: CONDITIONS[i % CONDITIONS.length]! },
    });
    nodes.push({
      id: action,
      type: 'action',
      position: { x: 200, y: i * 200 + 100 },
      data: ACTIONS[i % ACTIONS.length]!,
    });
    for (const exit of previous.exits) edge(previous.id, condition, exit);
    edge(condition, action, 'then');
    // The action and the condition's "otherwise" both lead to the next condition: a join every segment.
    previous = { id: action, exits: ['next'] };
    edges.push({
      id: `${condition}-otherwise`,
      source: condition,
      target: `c${i + 1}`,
      sourceHandle: 'otherwise',
    });
  }
  const last = `c${segments}`;
  nodes.push({
    id: last,
    type: 'condition',
    position: { x: 0, y: segments * 200 },
    data: { when: { field: 'score', op: 'gte', value: 70 } },
  });
  edge(previous.id, last, 'next');
  nodes.push({
    id: 'approval',
    type: 'action',
    position: { x: 0, y: segments * 200 + 200 },
    data: {
      kind: 'requestApproval',
      approver: { kind: 'user', userId: 7 },
      timeout: { amount: 2, unit: 'days' },
      onTimeout: { then: 'approve' },
    },
  });
  nodes.push({
    id: 'export',
    type: 'action',
    position: { x: 0, y: segments * 200 + 400 },
    data: { kind: 'exportAsCandidate', stage: { kind: 'mapped', pipelineStage: 'exported' } },
  });
  nodes.push({
    id: 'stop',
    type: 'action',
    position: { x: 200, y: segments * 200 + 200 },
    data: { kind: 'stop' },
  });
  nodes.push({
    id: 'declined',
    type: 'action',
    position: { x: 200, y: segments * 200 + 400 },
    data: { kind: 'stop', reason: 'Declined' },
  });
  edge(last, 'approval', 'then');
  edge(last, 'stop', 'otherwise');
  edge('approval', 'export', 'approved');
  edge('approval', 'declined', 'rejected');
  return {
    schemaVersion: CURRENT_FLOW_SCHEMA_VERSION,
    id: 'ladder',
    jobId: JOB_ID,
    name: 'Ladder',
    nodes,
    edges,
    acknowledgements: [],
  };
}

/** trigger → a breadth-first binary tree of 99 conditions → 100 leaf actions: 200 nodes. */
function treeFlow(): RuleFlow {
  const nodes: FlowNode[] = [
    { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { kind: 'personMatched' } },
  ];
  const edges: FlowEdge[] = [];
  const open: { source: string; handle: string }[] = [{ source: 'trigger', handle: 'next' }];
  const leaves: ActionData[] = [
    ...ACTIONS,
    { kind: 'exportAsCandidate', stage: { kind: 'mapped', pipelineStage: 'exported' } },
    { kind: 'stop', reason: 'Not a fit' },
  ];
  const attach = (id: string) => {
    const exit = open.shift()!;
    edges.push({ id: `${exit.source}->${id}`, source: exit.source, target: id, sourceHandle: exit.handle });
  };
  for (let i = 0; i < (NODE_COUNT - 2) / 2; i++) {
    const id = `c${i}`;
    attach(id);
    nodes.push({
      id,
      type: 'condition',
      position: { x: i * 20, y: i * 20 },
      data: { when: CONDITIONS[i % CONDITIONS.length]! },
    });
    open.push({ source: id, handle: 'then' }, { source: id, handle: 'otherwise' });
  }
  for (let i = 0; open.length > 0; i++) {
    const id = `leaf${i}`;
    attach(id);
    nodes.push({ id, type: 'action', position: { x: i * 20, y: 4000 }, data: leaves[i % leaves.length]! });
  }
  return {
    schemaVersion: CURRENT_FLOW_SCHEMA_VERSION,
    id: 'tree',
    jobId: JOB_ID,
    name: 'Tree',
    nodes,
    edges,
    acknowledgements: [],
  };
}

/** A deterministic spread of people (a tiny LCG, so runs are comparable). */
function people(count: number): Facts[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => ({
    now: '2025-03-10T09:00:00.000Z',
    personId: `p${i}`,
    name: `Person ${i}`,
    score: Math.floor(next() * 101),
    requirements: { TypeScript: next() < 0.5 ? 'met' : 'partly' },
    source: next() < 0.5 ? 'referral' : 'agency',
    location: next() < 0.5 ? 'Berlin, Germany' : 'Paris, France',
    hasEmail: next() < 0.8,
    lastActivityAt: new Date(
      Date.parse('2025-03-10T09:00:00.000Z') - Math.floor(next() * 30) * 86_400_000,
    ).toISOString(),
    greenhouse: { presence: next() < 0.7 ? 'none' : 'prospect', onThisJob: false },
  }));
}

function timeIt<T>(runs: number, work: () => T): { result: T; msPerRun: number } {
  let result = work();
  const started = performance.now();
  for (let i = 0; i < runs; i++) result = work();
  return { result, msPerRun: (performance.now() - started) / runs };
}

const sample = people(1000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function measure(shape: string, flow: RuleFlow): void {
  const validation = timeIt(30, () => validateFlow(flow, context));
  const errors = validation.result.filter((i) => i.severity === 'error');
  if (errors.length > 0)
    throw new Error(`${shape} flow is invalid:\n${errors.map((e) => e.message).join('\n')}`);
  const compiled = timeIt(30, () => compile(flow, context));
  if (!compiled.result.ok) throw new Error(`${shape} flow did not compile`);
  const plan = compiled.result.plan;

  const heapBefore = process.memoryUsage().heapUsed;
  let evaluations = 0;
  let decisions = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (const facts of sample) {
      decisions += evaluate(plan, { type: 'personMatched', score: facts.score ?? 0 }, facts).decisions.length;
      evaluations++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // On a busy machine wall-clock time includes waiting for a core; CPU time is what the work itself took.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const heapAfter = process.memoryUsage().heapUsed;

  console.log(
    `${shape}: ${flow.nodes.length} nodes, ${flow.edges.length} edges, ${plan.steps.length} plan steps`,
  );
  console.log(`  validate:  ${validation.msPerRun.toFixed(2)} ms per flow`);
  console.log(`  compile:   ${compiled.msPerRun.toFixed(2)} ms per flow (validation and hashing included)`);
  console.log(
    `  evaluate:  ${Math.round(evaluations / seconds).toLocaleString('en-US')} evaluations per second (wall clock), ${Math.round(evaluations / cpuSeconds).toLocaleString('en-US')} per CPU second`,
  );
  console.log(
    `             (${evaluations.toLocaleString('en-US')} evaluations in ${seconds.toFixed(2)} s, ${(decisions / evaluations).toFixed(1)} decisions each)`,
  );
  console.log(`  plan size: ${(JSON.stringify(plan).length / 1024).toFixed(1)} KB as JSON`);
  console.log(
    `  memory:    heap ${mb(heapAfter)} after evaluating (was ${mb(heapBefore)}), rss ${mb(process.memoryUsage().rss)}`,
  );
}

console.log(
  `rules benchmark (node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`,
);
measure('ladder, every step runs', ladderFlow());
measure('tree, one path runs', treeFlow());
