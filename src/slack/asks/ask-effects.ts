import type { WebClient } from '@slack/web-api';
import { shipAlong } from '../../app/asks/ship-along.js';
import type { Ask } from '../../domain/asks/ask.js';
import { enhancementGroup } from '../../domain/asks/link-enhancements.js';
import { trackedMessageId } from '../../domain/conversations/tracked-message.js';
import { closeMessage } from '../../domain/conversations/watch-messages.js';
import { track } from '../../domain/follow-ups/track.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { EffectLedger } from '../../effects/effect-ledger.js';
import type { EffectSubject } from '../../effects/effect-runner.js';
import type { SimilarRequests } from '../../similar/similar-requests.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { InWorkspace } from '../bolt/deps.js';
import { askForFeedback } from '../feedback/ask-for-feedback.js';
import { refreshHomes } from '../home/publish-home.js';
import { changesSince } from '../shared/changes-since.js';
import { isSlackRefusal } from '../shared/classify-slack-failure.js';
import { type EffectDeps, inPass } from '../shared/effect-deps.js';
import { postOnce } from '../shared/post-once.js';
import { buildAskCard, type GroupFacts } from './ask-card.js';
import { buildAskNotice } from './ask-notice.js';
import { noteCustomerNeed } from './note-customer-need.js';
import { sendIssue } from './send-issue.js';
import { showTwin } from './show-twin.js';
import { tellIssue } from './tell-issue.js';
import { tellUnlinked } from './tell-unlinked.js';

/**
 * Everything that follows a change of an ask, whoever made it: the follow-up re-planned (an answer stops
 * the clock; a message raised as an ask stops being watched), the status card (posted once, then edited,
 * with the group's other cards), each change announced once in its thread, the tracker's issue (created
 * once, told which customer wants it, then told of later activity), the triage twin with its internal
 * notes and other customers' similar requests (the index follows the change first), its owner's DM when
 * its issue is gone, and the Home tabs of its owner and requester. Calls go out with the workspace's
 * effect client (a few quick retries inside); the runner retries the pass after that.
 */
export const askEffects = (
  effectDeps: EffectDeps & { similar: SimilarRequests },
): EffectSubject<Workspace, Ask> => ({
  type: 'ask',
  store: (workspace) => workspace.repositories.askEffects,
  load: (workspace, id) => workspace.repositories.asks.findById(id),
  history: (ask) => ({ entries: ask.history, notes: ask.internalNotes }),
  async present(stored, pass) {
    const client = pass.workspace.effectClient;
    const deps = inPass(effectDeps, pass);
    await effectDeps.similar.follow(pass.workspace, stored);
    const partnership = await deps.repositories.partnerships.findById(stored.partnershipId);
    if (partnership) await replan(deps, stored, partnership);
    const shown = await showCard(client, deps, stored, pass.ledger);
    await announce(client, deps, shown, pass.ledger);
    // A tracker that is down must not hold up Slack: the twin and Home tabs are shown, then the pass fails.
    let ask = shown;
    let trackerDown: unknown = null;
    // Only an ask sent or linked to a tracker needs them (a look-up in the store).
    if (partnership && shown.tracker) {
      try {
        const withTracker = { ...deps, trackers: await effectDeps.trackersOf(pass.workspace) };
        ask = await sendIssue(client, withTracker, shown, partnership, pass.ledger);
        ask = await noteCustomerNeed(client, withTracker, ask, partnership);
        await tellIssue(withTracker, ask, pass.ledger);
      } catch (error) {
        trackerDown = error;
      }
    }
    const similar = () => effectDeps.similar.suggest(pass.workspace, ask);
    if (partnership) await showTwin(client, deps, ask, partnership, pass.ledger, similar);
    await tellUnlinked(client, deps, ask, pass.ledger);
    await refreshHomes(client, deps, [ask.ownerId, ask.requester.userId]);
    if (trackerDown) throw trackerDown;
  },
});

async function replan(deps: InWorkspace, ask: Ask, partnership: Partnership): Promise<void> {
  const trackDeps = { ...deps.repositories, clock: deps.clock };
  await track(trackDeps, { type: 'ask', ask }, partnership);
  if (ask.source) {
    const id = trackedMessageId(ask.source.channelId, ask.source.messageTs);
    await closeMessage(trackDeps, partnership, id, ask.requester.userId, 'raised');
  }
}

/** The card, and the other customers' cards of its group, which show the group's totals too. */
async function showCard(client: WebClient, deps: InWorkspace, ask: Ask, ledger: EffectLedger): Promise<Ask> {
  const group = await enhancementGroup(deps.repositories.asks, ask);
  const facts = groupFacts(group);
  let shown = ask;
  if (ask.card) await updateCard(client, deps, ask, facts);
  else {
    // In the source message's thread when the ask was raised from a message.
    const target = { channel: ask.channelId, threadTs: ask.source?.messageTs ?? null };
    const key = `ask:${ask.id}:card`;
    const ts = await postOnce(client, ledger, key, target, buildAskCard(ask, facts));
    const card = { channelId: ask.channelId, ts };
    await deps.repositories.asks.recordCard(ask.id, card);
    await ledger.record({}, key);
    shown = { ...ask, card };
  }
  for (const other of group) {
    if (other.id !== ask.id && other.card) await updateCard(client, deps, other, facts);
  }
  return shown;
}

function groupFacts(group: Ask[]): GroupFacts | null {
  if (group.length < 2) return null;
  return {
    customers: new Set(group.map((a) => a.partnershipId)).size,
    voters: new Set(group.flatMap((a) => a.voters.map((v) => v.userId))).size,
  };
}

async function updateCard(client: WebClient, deps: InWorkspace, ask: Ask, facts: GroupFacts | null) {
  const card = ask.card as { channelId: string; ts: string };
  try {
    await client.chat.update({ channel: card.channelId, ts: card.ts, ...buildAskCard(ask, facts) });
  } catch (error) {
    // A card deleted, or a channel archived or left: nothing to edit any more, and retrying cannot help.
    if (!isSlackRefusal(error)) throw error;
    deps.logger.event('warn', 'status card could not be edited', { ask: ask.id, error: String(error) });
  }
}

/**
 * Each change not yet announced, once, in the card's thread. A resolution asks the requester for a
 * rating; shipping ships the rest of the enhancement's group.
 */
async function announce(client: WebClient, deps: InWorkspace, ask: Ask, ledger: EffectLedger) {
  if (!ask.card) return;
  const thread = { channel: ask.card.channelId, threadTs: ask.source?.messageTs ?? ask.card.ts };
  for (const { entries, end } of changesSince(ask.history, ledger.announced)) {
    const notice = buildAskNotice(ask, entries);
    const key = `ask:${ask.id}:notice:${end}`;
    if (notice) await postOnce(client, ledger, key, thread, { text: notice });
    await askForFeedback(client, deps, ask, entries);
    await shipAlong(deps, ask, entries);
    await ledger.record({ announced: end }, key);
  }
}
