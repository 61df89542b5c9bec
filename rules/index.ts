// The rules module: what a rule means, from the canvas document to the decisions a workflow carries out.
// Pure TypeScript, safe inside Temporal's workflow sandbox.
export * from './node-types';
export * from './flow-schema';
export * from './condition-fields';
export * from './context';
export * from './stage-mapping';
export * from './scopes';
export * from './issues';
export * from './describe';
export * from './templates';
export { validateFlow } from './validate';
export { DURATION_LIMITS } from './validate-nodes';
export { canConnect } from './connect';
export type { ConnectVerdict, ProposedConnection } from './connect';
export { indexFlow, outgoers, wouldCreateCycle } from './graph';
export type { FlowIndex } from './graph';
export * from './plan';
export { compile, hashPlan, verifyPlanHash, planStepFor } from './compile';
export type { CompileResult } from './compile';
export * from './facts';
export * from './decisions';
export { evaluate } from './evaluate';
export { canonicalJson, hashJson, sha256Hex } from './hash';
export * from './diff';
export * from './dry-run';
export * from './versions';
export * from './default-flow';
export * from './palette';
