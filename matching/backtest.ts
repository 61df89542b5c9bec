import { ndcgAt } from './metrics';

// A backtest on a team's own history: people who applied to a job were ranked by the matcher with a
// profile trained from the post alone (none of this job's outcomes, so nothing leaks), and we look at
// where the people Greenhouse later advanced or hired landed. Pure: the activity gathers the scores.

/** What Greenhouse did with an application, as far as a backtest cares. */
export type BacktestOutcome =
  /** Hired on this job. */
  | 'hired'
  /** Moved past the first stage by someone (later rejected or still in process). */
  | 'advanced'
  /** Rejected at the first stage. */
  | 'not-advanced'
  /** Still at the first stage: nobody has decided yet, so they count as neither. */
  | 'undecided';

export type BacktestPerson = { personId: string; score: number; outcome: BacktestOutcome };

export type BacktestPlace = { rank: number; score: number; outcome: BacktestOutcome; personId: string };

export type BacktestReport = {
  /** Applications ranked (every one with something readable). */
  ranked: number;
  /** The cut-off the figures speak of ("in the top 10"). */
  k: number;
  hires: { count: number; inTopK: number; ranks: number[] };
  advancedOrHired: {
    count: number;
    inTopK: number;
    /** Share of the advanced or hired found in the top k; null when there are none. */
    recallAtK: number | null;
    /** nDCG@k with hires worth 2 and advances 1; null when there are none. */
    ndcgAtK: number | null;
    /** What a random order would put in the top k on average, to compare with `inTopK`. */
    expectedInTopKByChance: number;
    ranks: number[];
  };
  /** Everyone in rank order, for the chart: ids and scores only, never names. */
  places: BacktestPlace[];
};

const gain: Record<BacktestOutcome, number> = { hired: 2, advanced: 1, 'not-advanced': 0, undecided: 0 };

/**
 * Ranks the people by score (ties in a fixed order by id, so a tie never favours the outcome) and says
 * where hires and advances landed.
 */
export function backtestReport(people: readonly BacktestPerson[], k = 10): BacktestReport {
  const places = [...people]
    .sort((a, b) => b.score - a.score || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
    .map((p, i): BacktestPlace => ({
      rank: i + 1,
      score: p.score,
      outcome: p.outcome,
      personId: p.personId,
    }));
  const ranksOf = (outcomes: BacktestOutcome[]) =>
    places.filter((p) => outcomes.includes(p.outcome)).map((p) => p.rank);
  const hireRanks = ranksOf(['hired']);
  const positiveRanks = ranksOf(['hired', 'advanced']);
  const inTop = (ranks: number[]) => ranks.filter((r) => r <= k).length;
  const positives = positiveRanks.length;
  const relevance = places.map((p) => gain[p.outcome]);
  return {
    ranked: places.length,
    k,
    hires: { count: hireRanks.length, inTopK: inTop(hireRanks), ranks: hireRanks },
    advancedOrHired: {
      count: positives,
      inTopK: inTop(positiveRanks),
      recallAtK: positives === 0 ? null : inTop(positiveRanks) / positives,
      ndcgAtK: positives === 0 ? null : ndcgAt(k, relevance),
      expectedInTopKByChance:
        places.length === 0 ? 0 : (positives * Math.min(k, places.length)) / places.length,
      ranks: positiveRanks,
    },
    places,
  };
}

/** The headline a team reads first: "Your 5 hires: 4 in the top 10 of 120 applications." */
export function backtestHeadline(report: BacktestReport): string {
  const { hires, advancedOrHired: adv, k, ranked } = report;
  const of = `of ${ranked} application${ranked === 1 ? '' : 's'}`;
  const hiresLine =
    hires.count === 0
      ? `No hires on this job yet`
      : `Your ${hires.count === 1 ? 'hire' : `${hires.count} hires`}: ${hires.inTopK} in the top ${k} ${of}`;
  const advLine =
    adv.count === 0
      ? 'nobody advanced past the first stage yet'
      : `${adv.count} advanced or hired: ${adv.inTopK} in the top ${k} (a random order would put ${adv.expectedInTopKByChance.toFixed(1)} there)`;
  return `${hiresLine}; ${advLine}.`;
}

/** Advanced or hired people per band of ranks ("1–10", "11–20", …), for the page's chart. */
export function rankBands(
  report: BacktestReport,
  size = 10,
): { label: string; hired: number; advanced: number; people: number }[] {
  const bands: { label: string; hired: number; advanced: number; people: number }[] = [];
  for (let start = 1; start <= report.ranked; start += size) {
    const end = Math.min(start + size - 1, report.ranked);
    const inBand = report.places.filter((p) => p.rank >= start && p.rank <= end);
    bands.push({
      label: start === end ? `${start}` : `${start}–${end}`,
      hired: inBand.filter((p) => p.outcome === 'hired').length,
      advanced: inBand.filter((p) => p.outcome === 'advanced').length,
      people: inBand.length,
    });
  }
  return bands;
}
