import type { CycleTiming, TimedPhase } from '../../workflows/cycle-timings';

// A cycle's phases as bars on a time line: where each began (ms after the cycle started) and how long it
// ran, from the times the autopilot recorded. A cycle still running has no end yet and is not drawn.

export interface PhaseSpan {
  phase: TimedPhase;
  label: string;
  startMs: number;
  durationMs: number;
}

export interface CycleTimeline {
  cycle: number;
  startedAt: string;
  totalMs: number;
  failed: boolean;
  spans: PhaseSpan[];
}

export const PHASE_WORDS: Record<TimedPhase, string> = {
  training: 'Training',
  sourcing: 'Sourcing',
  matching: 'Matching',
  selecting: 'Selecting',
  exporting: 'Exporting',
  tracking: 'Tracking',
};

export function cycleTimeline(timing: CycleTiming): CycleTimeline | null {
  if (timing.finishedAt === null || timing.phases.length === 0) return null;
  const start = Date.parse(timing.startedAt);
  const end = Date.parse(timing.finishedAt);
  const spans = timing.phases.map((entry, index) => {
    const from = Date.parse(entry.startedAt);
    const next = timing.phases[index + 1];
    const to = next ? Date.parse(next.startedAt) : end;
    return {
      phase: entry.phase,
      label: PHASE_WORDS[entry.phase],
      startMs: Math.max(0, from - start),
      durationMs: Math.max(0, to - from),
    };
  });
  return {
    cycle: timing.cycle,
    startedAt: timing.startedAt,
    totalMs: Math.max(0, end - start),
    failed: timing.failed,
    spans,
  };
}

/** The finished cycles, newest first. */
export function finishedTimelines(timings: readonly CycleTiming[]): CycleTimeline[] {
  return timings
    .map(cycleTimeline)
    .filter((t): t is CycleTimeline => t !== null)
    .reverse();
}

/** "0.4 s", "12 s", "3 min 5 s", "2 h 10 min": as long as it took, to a sensible precision. */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

export function describeTimeline(timeline: CycleTimeline): string {
  const parts = timeline.spans.map((s) => `${s.label} ${formatDuration(s.durationMs)}`).join(', ');
  return `Cycle ${timeline.cycle} took ${formatDuration(timeline.totalMs)}${timeline.failed ? ' and stopped at an error' : ''}: ${parts}`;
}
