import { describe, expect, it } from 'vitest';
import type { AutopilotPhase } from '../../../temporal/autopilot-api';
import {
  enterPhase,
  finishCycleTiming,
  KEPT_CYCLES,
  startCycleTiming,
  type CycleTiming,
} from '../../../workflows/cycle-timings';

type State = { phase: AutopilotPhase; cycle: number; cycleTimings?: CycleTiming[] };
const at = (second: number) => new Date(Date.UTC(2026, 11, 4, 6, 0, second)).toISOString();

function runCycle(state: State, startSecond: number, failed = false) {
  state.cycle += 1;
  startCycleTiming(state, at(startSecond));
  enterPhase(state, 'training', at(startSecond + 1));
  enterPhase(state, 'sourcing', at(startSecond + 3));
  finishCycleTiming(state, at(startSecond + 7), failed);
}

describe('the autopilot times its cycles’ phases', () => {
  it('records when each phase began and when the cycle finished, and sets the phase', () => {
    const state: State = { phase: 'sleeping', cycle: 0 }; // an older run: no timings yet
    runCycle(state, 0, true);
    expect(state.phase).toBe('sourcing');
    expect(state.cycleTimings).toEqual([
      {
        cycle: 1,
        startedAt: at(0),
        finishedAt: at(7),
        failed: true,
        phases: [
          { phase: 'training', startedAt: at(1) },
          { phase: 'sourcing', startedAt: at(3) },
        ],
      },
    ]);
  });

  it(`keeps the last ${KEPT_CYCLES} cycles and drops a cycle that ran no phase (autopilot off)`, () => {
    const state: State = { phase: 'sleeping', cycle: 0 };
    for (let i = 0; i < 7; i++) runCycle(state, i * 10);
    state.cycle += 1;
    startCycleTiming(state, at(59));
    finishCycleTiming(state, at(59), false);
    expect(state.cycleTimings!.map((c) => c.cycle)).toEqual([3, 4, 5, 6, 7]);
  });

  it('does not add a phase to a cycle that already finished', () => {
    const state: State = { phase: 'sleeping', cycle: 0 };
    runCycle(state, 0);
    enterPhase(state, 'tracking', at(30));
    expect(state.cycleTimings![0]!.phases).toHaveLength(2);
    expect(state.phase).toBe('tracking');
  });
});
