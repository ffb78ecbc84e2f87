import { pollLinkedIssues } from '../app/trackers/poll-issues.js';
import { inWorkspace, type SlackDeps } from '../slack/bolt/deps.js';
import type { Job } from './scheduler.js';

/** Issues read per round at most: 200 calls to GitHub (Linear: one), within 5,000 an hour at a 5-minute interval. */
export const MAX_ISSUES_PER_POLL = 200;

/**
 * Every `everyMinutes`, for deployments that cannot receive webhooks: the issues linked to open asks are
 * read and what they say applied as a webhook would. Checked every minute; the round of each interval is
 * claimed once in the store, so one replica polls it.
 */
export const trackerPollJob = (deps: SlackDeps & { everyMinutes: number }): Job => ({
  name: 'tracker-poll',
  schedule: '* * * * *',
  async run(workspace, now) {
    const trackers = Object.values(await deps.trackersOf(workspace));
    if (trackers.length === 0) return;
    const interval = deps.everyMinutes * 60_000;
    const round = Math.floor(now.getTime() / interval);
    const claimed = await workspace.repositories.markers.claim(
      `tracker-poll:${round}`,
      now,
      new Date(now.getTime() + 2 * interval),
    );
    if (!claimed) return;
    const useCases = { ...inWorkspace(deps, workspace), clock: { now: () => now } };
    for (const tracker of trackers) {
      const result = await pollLinkedIssues(useCases, tracker, {
        vendorTeamId: workspace.teamId,
        batch: MAX_ISSUES_PER_POLL,
        skip: 0,
      });
      deps.logger.event(result.changed > 0 ? 'info' : 'debug', 'tracker polled', {
        tracker: tracker.name,
        ...result,
      });
    }
  },
});
