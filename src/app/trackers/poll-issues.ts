import { ASK_KINDS, type AskStatus } from '../../domain/asks/ask.js';
import { LIFECYCLES, STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import type { IssueTracker } from '../../domain/trackers/tracker.js';
import type { AskUseCaseDeps } from '../asks/ask-use-case-deps.js';
import { followIssueFacts, followIssuePhase, forgetIssue, type IssueNews } from './follow-issue.js';

/** The statuses of open asks: what the tracker can still move. */
const CLOSED = new Set(ASK_KINDS.flatMap((kind) => LIFECYCLES[kind].closed));
const OPEN_STATUSES = (Object.keys(STATUS_LABELS) as AskStatus[]).filter((status) => !CLOSED.has(status));

export interface PollResult {
  /** Issues read this round. */
  read: number;
  /** Asks changed by what was read. */
  changed: number;
}

/**
 * For deployments that cannot receive webhooks: reads the issues of open asks, `batch` of them from
 * `skip` (the caller rotates through them, within the tracker's rate limits), and applies what they
 * say by the same use cases as a webhook: phase, due date and assignees, deletion. Comments are not
 * polled. A tracker failure stops the round; the next one goes on.
 */
export async function pollLinkedIssues(
  deps: AskUseCaseDeps,
  tracker: IssueTracker,
  request: { vendorTeamId: string; batch: number; skip: number },
): Promise<PollResult> {
  const asks = await deps.repositories.asks.listWithIssue(OPEN_STATUSES, {
    limit: request.batch,
    skip: request.skip,
  });
  const keys = [
    ...new Set(
      asks.flatMap((a) => (a.tracker?.issue?.tracker === tracker.name ? [a.tracker.issue.key] : [])),
    ),
  ];
  const issues = await tracker.readAll(keys);
  let changed = 0;
  for (const key of keys) {
    const news: IssueNews = { tracker: tracker.name, key, vendorTeamId: request.vendorTeamId };
    const issue = issues.get(key);
    if (!issue) {
      changed += (await forgetIssue(deps, news, 'deleted')).changed;
      continue;
    }
    changed += (await followIssueFacts(deps, news, { due: issue.due, assignees: issue.assignees })).changed;
    if (issue.status) changed += (await followIssuePhase(deps, news, issue.status)).changed;
  }
  return { read: keys.length, changed };
}
