// Every workflow the worker registers. Workflow code is deterministic: no I/O, no Node built-ins.
export { connectionCheck } from './connection-check';
