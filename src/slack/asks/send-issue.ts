import type { WebClient } from '@slack/web-api';
import type { Ask } from '../../domain/asks/ask.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { activityNow } from '../../domain/trackers/ask-issue-actions.js';
import { buildIssueDraft } from '../../domain/trackers/issue-draft.js';
import { type IssueTrackers, isTrackedKind, TrackerRefusal } from '../../domain/trackers/tracker.js';
import type { EffectLedger } from '../../effects/effect-ledger.js';
import type { InWorkspace } from '../bolt/deps.js';
import { permalinkOf } from '../shared/permalink.js';

/**
 * The tracker side of an ask's effects: an issue wanted and not yet created is created, exactly once.
 * The attempt is recorded in the ledger before the call; a pass that finds such an attempt unconfirmed
 * (a crash, a lost answer) searches the tracker for the ask's issue first and adopts it. A refusal that
 * retrying cannot fix is recorded on the ask (shown on its twin and the owner's Home tab); anything else
 * fails the pass, which is retried after the tracker's Retry-After.
 */
export async function sendIssue(
  client: WebClient,
  deps: InWorkspace & { trackers: IssueTrackers },
  ask: Ask,
  partnership: Partnership,
  ledger: EffectLedger,
): Promise<Ask> {
  const wanted = ask.tracker;
  if (!wanted?.requested || wanted.issue || wanted.failure || !isTrackedKind(ask.kind)) return ask;
  const route = partnership.trackers[ask.kind];
  const refuse = async (failure: string) => {
    await deps.repositories.asks.recordTrackerFailure(ask.id, failure);
    return { ...ask, tracker: { ...wanted, failure } };
  };
  const tracker = route && deps.trackers[route.tracker];
  if (!route || !tracker)
    return refuse('No tracker is set up for this kind of request: use /rapport tracker.');
  const thread = ask.card ? { channel: ask.card.channelId, ts: ask.card.ts } : null;
  const draft = buildIssueDraft(ask, ask.kind, partnership, route, await permalinkOf(client, thread));
  const key = `ask:${ask.id}:issue`;
  try {
    const earlier = ledger.unconfirmed(key) ? await tracker.findCreated(route.project, draft) : null;
    if (!earlier) await ledger.beginPosting(key);
    const issue = earlier ?? (await tracker.create(route.project, draft));
    const told = activityNow(ask);
    await deps.repositories.asks.recordIssue(ask.id, issue, told);
    await ledger.record({}, key);
    deps.logger.event('info', 'issue created for ask', { ask: ask.id, issue: issue.key, adopted: !!earlier });
    const link = { tracker: issue.tracker, key: issue.key, url: issue.url };
    return { ...ask, tracker: { ...wanted, issue: link, due: issue.due, told } };
  } catch (error) {
    if (!(error instanceof TrackerRefusal)) throw error;
    await ledger.record({}, key);
    return refuse(error.message);
  }
}
