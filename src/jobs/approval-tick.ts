import { checkDueApproval } from '../app/approvals/approval-use-cases.js';
import type { Consequences } from '../app/consequences.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Job } from './scheduler.js';

/** A bound on one tick's work; the rest is still due next minute. */
export const MAX_APPROVALS_PER_TICK = 200;

/**
 * Every minute, and once at start: expires pending approvals past their due time and passes undecided
 * approvers to their backups at the escalation point, through the same use case as a person's change, so
 * the card, the thread, the reminders and the Home tabs follow alike. Each change is a compare-and-set:
 * of several replicas ticking at once exactly one makes it, and only its effects are owed.
 */
export const approvalTickJob = (deps: {
  newId: () => string;
  consequencesIn(workspace: Workspace): Consequences;
}): Job => ({
  name: 'approvals',
  schedule: '* * * * *',
  runAtStart: true,
  async run(workspace, now) {
    const { repositories } = workspace;
    const at = {
      repositories,
      clock: { now: () => now },
      newId: deps.newId,
      consequences: deps.consequencesIn(workspace),
    };
    for (const due of await repositories.approvals.listDue(now, MAX_APPROVALS_PER_TICK)) {
      await checkDueApproval(at, due.id);
    }
  },
});
