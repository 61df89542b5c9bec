import type { AutopilotPhase } from '../temporal/autopilot-api';

// When each phase of the autopilot's recent cycles began and when the cycle ended, kept in the workflow's
// state (no activity, no new command: a running autopilot replays unchanged) and read by the status query,
// so the job screen can draw a cycle's timeline from what really happened. Times come from the workflow
// clock, which is deterministic on replay.

export type TimedPhase = Extract<
  AutopilotPhase,
  'training' | 'sourcing' | 'matching' | 'selecting' | 'exporting' | 'tracking'
>;

export interface CycleTiming {
  cycle: number;
  startedAt: string;
  /** Null while the cycle runs. */
  finishedAt: string | null;
  /** The cycle stopped at an error (the last phase entered is where). */
  failed: boolean;
  /** In the order they began; each one ends where the next begins, the last where the cycle finished. */
  phases: { phase: TimedPhase; startedAt: string }[];
}

/** Enough for "how long do cycles take" without growing the state carried across continue-as-new. */
export const KEPT_CYCLES = 5;

type Timed = { phase: AutopilotPhase; cycle: number; cycleTimings?: CycleTiming[] };

export function startCycleTiming(state: Timed, at: string): void {
  state.cycleTimings = [
    ...(state.cycleTimings ?? []),
    { cycle: state.cycle, startedAt: at, finishedAt: null, failed: false, phases: [] },
  ];
}

/** The autopilot moves on to `phase`; it is timed as part of the cycle that is running. */
export function enterPhase(state: Timed, phase: TimedPhase, at: string): void {
  state.phase = phase;
  const current = state.cycleTimings?.at(-1);
  if (current && current.cycle === state.cycle && current.finishedAt === null)
    current.phases.push({ phase, startedAt: at });
}

export function finishCycleTiming(state: Timed, at: string, failed: boolean): void {
  const current = state.cycleTimings?.at(-1);
  if (!current || current.cycle !== state.cycle || current.finishedAt !== null) return;
  current.finishedAt = at;
  current.failed = failed;
  // A cycle that found the autopilot off ran no phase: nothing to draw, and it would push real ones out.
  if (current.phases.length === 0) state.cycleTimings!.pop();
  state.cycleTimings = state.cycleTimings!.slice(-KEPT_CYCLES);
}
