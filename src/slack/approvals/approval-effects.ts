import type { WebClient } from '@slack/web-api';
import type { Approval } from '../../domain/approvals/approval.js';
import { track } from '../../domain/follow-ups/track.js';
import type { EffectLedger } from '../../effects/effect-ledger.js';
import type { EffectSubject } from '../../effects/effect-runner.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { InWorkspace } from '../bolt/deps.js';
import { refreshHomes } from '../home/publish-home.js';
import { changesSince } from '../shared/changes-since.js';
import { isSlackRefusal } from '../shared/classify-slack-failure.js';
import { type EffectDeps, inPass } from '../shared/effect-deps.js';
import { postOnce } from '../shared/post-once.js';
import { buildApprovalCard } from './approval-card.js';
import { approvalNews } from './approval-news.js';

/** Everyone an approval concerns: whose Home tab lists it, or may now stop listing it. */
const peopleOf = (approval: Approval): string[] => [
  approval.requester.userId,
  ...approval.approvers.flatMap((a) => (a.backupId ? [a.userId, a.backupId] : [a.userId])),
];

/**
 * Everything that follows a change of an approval, whoever made it (a decision, a withdrawal, the minute
 * job's expiry): each approver's reminders re-planned, the card posted once and then edited, each change
 * announced once in its thread, the Home tabs of everyone concerned.
 */
export const approvalEffects = (effectDeps: EffectDeps): EffectSubject<Workspace, Approval> => ({
  type: 'approval',
  store: (workspace) => workspace.repositories.approvalEffects,
  load: (workspace, id) => workspace.repositories.approvals.findById(id),
  history: (approval) => ({ entries: approval.audit, notes: [] }),
  async present(approval, pass) {
    const { ledger } = pass;
    const client = pass.workspace.effectClient;
    const deps = inPass(effectDeps, pass);
    const partnership = await deps.repositories.partnerships.findById(approval.partnershipId);
    if (partnership) {
      const trackDeps = { ...deps.repositories, clock: deps.clock };
      for (const { userId } of approval.approvers) {
        await track(trackDeps, { type: 'approval', approval, approverId: userId }, partnership);
      }
    }
    const card = await showCard(client, deps, approval, partnership?.accountName ?? null, ledger);
    const thread = { channel: card.channelId, threadTs: card.ts };
    for (const { entries, end } of changesSince(approval.audit, ledger.announced)) {
      const news = approvalNews(approval, entries);
      const key = `approval:${approval.id}:notice:${end}`;
      if (news) await postOnce(client, ledger, key, thread, { text: news });
      await ledger.record({ announced: end }, key);
    }
    await refreshHomes(client, deps, peopleOf(approval));
  },
});

async function showCard(
  client: WebClient,
  deps: InWorkspace,
  approval: Approval,
  accountName: string | null,
  ledger: EffectLedger,
): Promise<{ channelId: string; ts: string }> {
  const message = buildApprovalCard(approval, deps.clock.now(), accountName);
  if (approval.card) {
    try {
      await client.chat.update({ channel: approval.card.channelId, ts: approval.card.ts, ...message });
    } catch (error) {
      if (!isSlackRefusal(error)) throw error;
      deps.logger.event('warn', 'approval card could not be edited', {
        approval: approval.id,
        error: String(error),
      });
    }
    return approval.card;
  }
  const target = { channel: approval.channelId, threadTs: null };
  const key = `approval:${approval.id}:card`;
  const ts = await postOnce(client, ledger, key, target, message);
  const card = { channelId: approval.channelId, ts };
  await deps.repositories.approvals.recordCard(approval.id, card);
  await ledger.record({}, key);
  return card;
}
