// The statistics the bench scripts share (bench/frames.mjs, bench/phone.mjs,
// bench/ab-report.mjs), so that a "median" means the same thing in every figure they report.

/** The figures of `xs` that are numbers (a run that timed out gives none). */
const numbers = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x));

/**
 * The median of the numbers in `xs`: the middle one, or the mean of the middle two for an even
 * count; null when there is none.
 */
export function median(xs) {
  const s = numbers(xs).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The `p`-th percentile of `xs` by nearest rank (the smallest value at or above which `p` % of
 * them lie, as a frame p95 is read: one of the measured frames, never an interpolation); null for
 * none.
 */
export function percentile(xs, p) {
  const s = numbers(xs).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
