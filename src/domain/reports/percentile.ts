import type { DurationFigures } from './value-report.js';

/**
 * Nearest-rank percentile: the smallest value that at least `percent`% of the values do not exceed
 * (for 10 values, the 90th percentile is the 9th smallest and the median the 5th). Always one of the
 * values, never an interpolation. Null for no values.
 */
export function nearestRank(values: readonly number[], percent: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  // Integer arithmetic: 0.9 * 70 is 63.00000000000001 in floating point, which would round up a rank.
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[rank - 1] as number;
}

/** Median and 90th percentile of durations in whole minutes. */
export const durationFigures = (minutes: readonly number[]): DurationFigures => ({
  count: minutes.length,
  medianMinutes: nearestRank(minutes, 50),
  p90Minutes: nearestRank(minutes, 90),
});
