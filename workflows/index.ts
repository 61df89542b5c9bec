// Every workflow the worker registers. Workflow code is deterministic: no I/O, no Node built-ins.
export { connectionCheck } from './connection-check';
export { exportCandidate } from './export-candidate';
export { jobAutopilot } from './job-autopilot';
export { syncJobs } from './sync-jobs';
export { candidateErasure } from './candidate-erasure';
export { retryRuleAction } from './retry-rule-action';
export { jobBacktest } from './job-backtest';
