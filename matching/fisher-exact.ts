// Fisher's exact test for a 2×2 table, the test a labour economist reaches for when groups are small
// (chi-square needs expected counts of 5 or more). Two-sided: the probability, with the margins fixed,
// of a table at most as likely as the one seen. Log-factorials keep large counts finite.

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}

/**
 * p-value for the table
 *   group A: `aSelected` selected, `aNot` not;  group B: `bSelected` selected, `bNot` not.
 */
export function fisherExactTwoSided(
  aSelected: number,
  aNot: number,
  bSelected: number,
  bNot: number,
): number {
  const rowA = aSelected + aNot;
  const rowB = bSelected + bNot;
  const selected = aSelected + bSelected;
  const total = rowA + rowB;
  if (total === 0) return 1;
  const logConstant =
    logFactorial(rowA) +
    logFactorial(rowB) +
    logFactorial(selected) +
    logFactorial(total - selected) -
    logFactorial(total);
  const logP = (x: number) =>
    logConstant -
    (logFactorial(x) +
      logFactorial(rowA - x) +
      logFactorial(selected - x) +
      logFactorial(rowB - selected + x));
  const observed = logP(aSelected);
  let p = 0;
  for (let x = Math.max(0, selected - rowB); x <= Math.min(rowA, selected); x++) {
    const lp = logP(x);
    // A relative tolerance so tables exactly as likely as the observed one are not lost to rounding.
    if (lp <= observed + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
