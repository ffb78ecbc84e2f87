import type { LimitCounterRepository } from '../domain/limits/person-limits.js';
import type { MarkerRepository } from '../domain/ports.js';
import type { AppLogger } from '../logger.js';
import type { Job } from './scheduler.js';

/** Once-only markers (event ids and the like) and per-person limit counters expire; this deletes them. */
export async function runPurgeExpiredMarkers(
  deps: { markers: MarkerRepository; limits: LimitCounterRepository; logger: AppLogger },
  now: Date,
) {
  const purged = await deps.markers.purgeExpired(now);
  if (purged > 0) deps.logger.event('debug', 'purged expired markers', { purged });
  const counters = await deps.limits.purgeExpired(now);
  if (counters > 0) deps.logger.event('debug', 'purged expired limit counters', { counters });
}

export const purgeExpiredMarkersJob = (deps: { logger: AppLogger }): Job => ({
  name: 'purge-expired-markers',
  schedule: '7 * * * *',
  run: (workspace, now) => {
    const { markers, limits } = workspace.repositories;
    return runPurgeExpiredMarkers({ markers, limits, logger: deps.logger }, now);
  },
});
