import damerauLevenshtein from 'damerau-levenshtein';

/**
 * The known key closest to a mistyped one, if it is close enough to be what was meant
 * (`levle` → `level`, `风险等极` → `风险等级`); undefined when nothing is plausibly meant.
 */
export function closestKey(written: string, known: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    // Damerau–Levenshtein: a swap of two neighbours (`levle`, `itmes`), the commonest typo, is one edit.
    const d = damerauLevenshtein(lower, candidate.toLowerCase()).steps;
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Allow about one edit in three characters, at least one: short keys need a near-exact match.
  const allowed = Math.max(1, Math.floor(written.length / 3));
  return bestDistance <= allowed ? best : undefined;
}
