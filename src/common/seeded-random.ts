/**
 * A small deterministic random generator (mulberry32) for demo data: the same seed gives the
 * same sequence on every machine, so every seeded database holds the same names and patterns.
 * Not for anything secret (codes and tokens come from node:crypto).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One element of `items`, drawn with `random`. */
export const pickOne = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** `count` distinct indices below `n`, drawn with `random` (a partial Fisher–Yates shuffle). */
export function pickIndices(random: () => number, n: number, count: number): number[] {
  const indices = Array.from({ length: n }, (_, i) => i);
  const k = Math.min(count, n);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (n - i));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, k);
}
