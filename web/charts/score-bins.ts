// Match scores (0–100) counted in bands of ten for the job's histogram. The top band holds 90 to 100,
// so a perfect 100 has a bar and the ten bands cover every score.

export interface ScoreBin {
  /** Lowest score in the band. */
  from: number;
  /** Highest score in the band (inclusive). */
  to: number;
  people: number;
}

export const BIN_WIDTH = 10;

export function scoreBins(scores: readonly number[]): ScoreBin[] {
  const bins: ScoreBin[] = Array.from({ length: 100 / BIN_WIDTH }, (_, i) => ({
    from: i * BIN_WIDTH,
    to: i === 100 / BIN_WIDTH - 1 ? 100 : (i + 1) * BIN_WIDTH - 1,
    people: 0,
  }));
  for (const score of scores) {
    if (!Number.isFinite(score)) continue;
    const clamped = Math.min(100, Math.max(0, score));
    bins[Math.min(bins.length - 1, Math.floor(clamped / BIN_WIDTH))]!.people += 1;
  }
  return bins;
}

export function binLabel(bin: ScoreBin): string {
  return `${bin.from}–${bin.to}`;
}
