import { type ApprovalDeps, type SavedChange, tickApproval } from '../domain/approvals/approval-actions.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { Job } from './scheduler.js';

/** A bound on one tick's work; the rest is still due next minute. */
export const MAX_APPROVALS_PER_TICK = 200;

export interface ApprovalTickDeps extends Pick<ApprovalDeps, 'approvals'> {
  /** Shows a change in Slack: the card, the news in its thread, the approvers' reminders re-planned. */
  announce(change: SavedChange): Promise<void>;
  logger: AppLogger;
}

/**
 * Every minute, and once at start: expires pending approvals past their due time and passes undecided
 * approvers to their backups at the escalation point. Each change is a compare-and-set, so of several
 * replicas ticking at once exactly one makes it, and only that one announces it.
 */
export const approvalTickJob = (deps: ApprovalTickDeps): Job => ({
  name: 'approvals',
  schedule: '* * * * *',
  runAtStart: true,
  async run(now) {
    const actionDeps = { approvals: deps.approvals, clock: { now: () => now } };
    for (const due of await deps.approvals.listDue(now, MAX_APPROVALS_PER_TICK)) {
      const result = await tickApproval(actionDeps, due.id);
      if (!result.ok || !result.value.changed) continue;
      try {
        await deps.announce(result.value);
      } catch (error) {
        // The change is stored; the card catches up with the next change of this approval.
        deps.logger.event('warn', 'could not show an approval change in Slack', {
          approval: due.id,
          ...errorFields(error),
        });
      }
    }
  },
});
