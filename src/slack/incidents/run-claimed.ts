import type { IncidentUpdateDelivery } from '../../domain/incidents/incident.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import { type PacingOptions, postPaced } from '../digests/paced-poster.js';
import type { StepOutcome } from './update-steps.js';

/** Renewed before each call: a dead holder's deliveries are taken over this long after its last try. */
const LEASE_MS = 10 * 60_000;

interface RunDeps {
  repositories: Repositories;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  logger: AppLogger;
}

export interface ClaimedWork {
  step: (delivery: IncidentUpdateDelivery) => Promise<StepOutcome>;
  afterBatch: () => Promise<void>;
  pacing: Omit<PacingOptions, 'clock' | 'sleep'>;
}

/**
 * Claims the update's deliveries in `state`, a batch at a time, and runs `step` on each within the
 * pacing, recording each outcome as soon as Slack answers: a crash leaves only the calls in flight unsure.
 */
export async function runClaimed(
  deps: RunDeps,
  state: 'pending' | 'replied',
  announcementId: string,
  update: number,
  token: string,
  batch: number,
  work: ClaimedWork,
): Promise<void> {
  const deliveries = deps.repositories.incidentUpdateDeliveries;
  const leaseUntil = () => new Date(deps.clock.now().getTime() + LEASE_MS);
  for (;;) {
    const claims: IncidentUpdateDelivery[] = [];
    const lease = { token, until: leaseUntil() };
    while (claims.length < batch) {
      const claim = await deliveries.claim(announcementId, update, state, deps.clock.now(), lease);
      if (claim === null) break;
      claims.push(claim);
    }
    if (claims.length === 0) return;
    const outcomes = await postPaced(
      claims,
      async (delivery) => {
        // Renewed before each try: 429s and outages may keep a delivery waiting longer than a lease.
        if (!(await deliveries.renew(delivery.id, token, leaseUntil()))) return takenOver(deps, delivery);
        const done = await work.step(delivery);
        const outcome =
          'replyTs' in done
            ? { state: 'replied' as const, replyTs: done.replyTs }
            : 'edited' in done
              ? { state: 'edited' as const }
              : { state: 'failed' as const, error: done.refused };
        if (!(await deliveries.finish(delivery.id, token, outcome))) takenOver(deps, delivery);
      },
      { clock: deps.clock, sleep: deps.sleep, ...work.pacing },
    );
    for (const outcome of outcomes) {
      // Still transient after the pacing's retries: the lease runs out and a later run tries again.
      if (!outcome.ok) {
        deps.logger.event('warn', 'incident update not done yet', {
          delivery: outcome.job.id,
          error: outcome.error,
        });
      }
    }
    await work.afterBatch();
  }
}

function takenOver(deps: RunDeps, delivery: IncidentUpdateDelivery): void {
  deps.logger.event('warn', 'incident update delivery taken over meanwhile', { delivery: delivery.id });
}
