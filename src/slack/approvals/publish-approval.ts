import type { WebClient } from '@slack/web-api';
import type { Approval, AuditEntry } from '../../domain/approvals/approval.js';
import { track } from '../../domain/follow-ups/track.js';
import type { SlackDeps } from '../bolt/deps.js';
import { refreshHomes } from '../home/publish-home.js';
import { buildApprovalCard } from './approval-card.js';
import { approvalNews } from './approval-news.js';

export type ApprovalPublishDeps = Pick<SlackDeps, 'repositories' | 'directory' | 'clock' | 'logger'>;

/** Everyone an approval concerns: whose Home tab lists it, or may now stop listing it. */
const peopleOf = (approval: Approval): string[] => [
  approval.requester.userId,
  ...approval.approvers.flatMap((a) => (a.backupId ? [a.userId, a.backupId] : [a.userId])),
];

/**
 * Everything that follows a change of an approval: the nag engine re-plans each approver's seat,
 * the card is posted once and then edited, the thread hears the news, Home tabs catch up.
 * Returns the approval with its card recorded.
 */
export async function approvalChanged(
  client: WebClient,
  deps: ApprovalPublishDeps,
  approval: Approval,
  entries: AuditEntry[],
): Promise<Approval> {
  const repos = deps.repositories;
  const partnership = await repos.partnerships.findById(approval.partnershipId);
  if (partnership) {
    const trackDeps = { ...repos, clock: deps.clock };
    for (const { userId } of approval.approvers) {
      await track(trackDeps, { type: 'approval', approval, approverId: userId }, partnership);
    }
  }
  const message = buildApprovalCard(approval, deps.clock.now(), partnership?.accountName ?? null);
  let card = approval.card;
  if (card) await client.chat.update({ channel: card.channelId, ts: card.ts, ...message });
  else {
    const posted = await client.chat.postMessage({ channel: approval.channelId, ...message });
    card = { channelId: approval.channelId, ts: posted.ts as string };
    await repos.approvals.recordCard(approval.id, card);
  }
  const news = approvalNews(approval, entries);
  if (news) await client.chat.postMessage({ channel: card.channelId, thread_ts: card.ts, text: news });
  await refreshHomes(client, deps, peopleOf(approval));
  return { ...approval, card };
}
