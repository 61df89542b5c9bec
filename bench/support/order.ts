/**
 * How far a completion order is from the order things were decided in. `completed` lists the
 * decision indices (0 = decided first) in the order they completed.
 * - inversions: pairs completed the other way round (0 = exactly in decision order).
 * - kendallTau: 1 − 2 · inversions / pairs (1 = same order, −1 = reversed, ~0 = unrelated).
 */
export function completionOrder(completed: number[]): {
  inversions: number;
  pairs: number;
  kendallTau: number;
} {
  let inversions = 0;
  for (let i = 0; i < completed.length; i += 1)
    for (let j = i + 1; j < completed.length; j += 1) if (completed[i]! > completed[j]!) inversions += 1;
  const pairs = (completed.length * (completed.length - 1)) / 2;
  return { inversions, pairs, kendallTau: pairs === 0 ? 1 : 1 - (2 * inversions) / pairs };
}
