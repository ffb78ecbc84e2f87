import { type ReminderSender, sweep } from '../domain/follow-ups/sweep.js';
import type { AppLogger } from '../logger.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Job } from './scheduler.js';

const DAY_MS = 86_400_000;

/**
 * Every minute. One replica sweeps a given minute (a marker in the store); within a sweep each
 * follow-up is claimed atomically, so a sweep that overruns into the next minute never doubles a reminder.
 * The minute's marker keeps its first name, `nag-sweep:<minute>`, so replicas of the previous release
 * and this one never both sweep the same minute during a rolling upgrade.
 */
export const reminderSweepJob = (deps: {
  logger: AppLogger;
  /** How reminders reach people of `workspace`. */
  senderIn(workspace: Workspace): ReminderSender;
}): Job => ({
  name: 'reminders',
  schedule: '* * * * *',
  async run(workspace, now) {
    const { repositories, directory } = workspace;
    const minute = now.toISOString().slice(0, 16);
    if (!(await repositories.markers.claim(`nag-sweep:${minute}`, now, new Date(now.getTime() + DAY_MS))))
      return;
    const report = await sweep(
      {
        ...repositories,
        timeZoneOf: async (userId) => (await directory.user(userId))?.timeZone ?? null,
        sender: deps.senderIn(workspace),
      },
      now,
    );
    if (report.claimed > 0) deps.logger.event('info', 'reminder sweep', { minute, ...report });
  },
});
