import type { WebClient } from '@slack/web-api';
import type { Ask } from '../../domain/asks/ask.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { buildCustomerNeed } from '../../domain/trackers/customer-need.js';
import { type IssueTrackers, NO_TRACKER, TrackerRefusal } from '../../domain/trackers/tracker.js';
import type { InWorkspace } from '../bolt/deps.js';
import { permalinkOf } from '../shared/permalink.js';
import { linkedIssueOf } from './tell-issue.js';

/**
 * Once an ask is linked to an issue in a tracker that keeps customers' wishes (Linear's customer needs),
 * the issue is told which customer wants it, once; with several customers' asks on one issue, engineering
 * sees each of them. The tracker records it idempotently, so a retried pass does not record it twice. A
 * refusal is logged and not retried.
 */
export async function noteCustomerNeed(
  client: WebClient,
  deps: InWorkspace & { trackers: IssueTrackers },
  ask: Ask,
  partnership: Partnership,
): Promise<Ask> {
  const linked = linkedIssueOf(deps.trackers, ask);
  if (!linked || linked.told.customer || !linked.tracker.recordCustomerNeed) return ask;
  const { issue, told, tracker } = linked;
  const thread = ask.card ? { channel: ask.card.channelId, ts: ask.card.ts } : null;
  const need = buildCustomerNeed(ask, partnership, issue.key, await permalinkOf(client, thread));
  const fields = { ask: ask.id, issue: issue.key };
  try {
    const recorded = await tracker.recordCustomerNeed?.(issue.key, need);
    deps.logger.event('info', 'customer need recorded on the issue', { ...fields, as: recorded });
  } catch (error) {
    if (!(error instanceof TrackerRefusal)) throw error;
    deps.logger.event('warn', 'the issue refused the customer need', { ...fields, error: error.message });
  }
  const next = { ...told, customer: true };
  await deps.repositories.asks.recordIssueTold(ask.id, next);
  return { ...ask, tracker: { ...(ask.tracker ?? NO_TRACKER), told: next } };
}
