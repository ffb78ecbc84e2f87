import type { Ask } from '../../domain/asks/ask.js';
import { activityNow } from '../../domain/trackers/ask-issue-actions.js';
import { issueNews } from '../../domain/trackers/issue-news.js';
import { type IssueTrackers, TrackerRefusal } from '../../domain/trackers/tracker.js';
import type { EffectLedger } from '../../effects/effect-ledger.js';
import type { InWorkspace } from '../bolt/deps.js';

/** The ask's issue, what the issue has been told, and the connected tracker it is in; null when any is missing. */
export function linkedIssueOf(trackers: IssueTrackers, ask: Ask) {
  const issue = ask.tracker?.issue;
  const told = ask.tracker?.told;
  const tracker = issue ? trackers[issue.tracker] : undefined;
  return issue && told && tracker ? { issue, told, tracker } : null;
}

/** A comment whose answer was lost is looked for among the issue's comments since a little before it. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Later activity on an ask linked to an issue goes to the issue as one comment per pass: details added,
 * how many people want it, a promise made. Posted once: the attempt is recorded first, and a pass that
 * finds it unconfirmed looks for the comment's hidden marker on the issue before posting it again. A
 * refusal (the issue locked, the token's permission gone) is logged and not retried.
 */
export async function tellIssue(
  deps: InWorkspace & { trackers: IssueTrackers },
  ask: Ask,
  ledger: EffectLedger,
): Promise<void> {
  const linked = linkedIssueOf(deps.trackers, ask);
  if (!linked) return;
  const { issue, told, tracker } = linked;
  const news = issueNews(ask, told);
  const now = activityNow(ask);
  if (!news) return;
  const key = `ask:${ask.id}:issue-news:${now.history}:${now.votes}`;
  const marker = `rapport:${key}`;
  const earlier = ledger.unconfirmed(key);
  try {
    const since = earlier ? new Date(earlier.at.getTime() - CLOCK_SKEW_MS) : null;
    if (!since || !(await tracker.hasComment(issue.key, marker, since))) {
      await ledger.beginPosting(key);
      await tracker.comment(issue.key, news, marker);
    }
  } catch (error) {
    if (!(error instanceof TrackerRefusal)) throw error;
    deps.logger.event('warn', 'the issue refused news of its ask', {
      ask: ask.id,
      issue: issue.key,
      error: error.message,
    });
  }
  await deps.repositories.asks.recordIssueTold(ask.id, { ...told, ...now });
  await ledger.record({}, key);
}
