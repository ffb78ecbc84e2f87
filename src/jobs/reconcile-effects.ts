import type { EffectRunner } from '../effects/effect-runner.js';
import type { AppLogger } from '../logger.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Job } from './scheduler.js';

/** A bound on one tick's work per kind of record; the rest is still owed next minute. */
export const MAX_RECONCILED_PER_TICK = 100;

/**
 * Every minute, and once at start: carries out the effects that changes still owe because the process
 * that stored them died, or Slack failed and the retry time has come. Each record is claimed with a
 * lease, so of several replicas ticking at once one takes each.
 */
export const reconcileEffectsJob = (deps: { effects: EffectRunner<Workspace>; logger: AppLogger }): Job => ({
  name: 'effects',
  schedule: '* * * * *',
  runAtStart: true,
  async run(workspace, now) {
    const taken = await deps.effects.reconcile(workspace, now, MAX_RECONCILED_PER_TICK);
    if (taken > 0) deps.logger.event('info', 'owed effects taken over', { count: taken });
  },
});
