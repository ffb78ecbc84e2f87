import type { MarkerRepository } from '../domain/ports.js';
import type { AppLogger } from '../logger.js';
import type { Job } from './scheduler.js';

/** Once-only markers (event ids and the like) carry an expiry; this deletes the expired ones. */
export async function runPurgeExpiredMarkers(
  deps: { markers: MarkerRepository; logger: AppLogger },
  now: Date,
) {
  const purged = await deps.markers.purgeExpired(now);
  if (purged > 0) deps.logger.event('debug', 'purged expired markers', { purged });
}

export const purgeExpiredMarkersJob = (deps: { logger: AppLogger }): Job => ({
  name: 'purge-expired-markers',
  schedule: '7 * * * *',
  run: (workspace, now) =>
    runPurgeExpiredMarkers({ markers: workspace.repositories.markers, logger: deps.logger }, now),
});
