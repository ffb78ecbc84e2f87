import type { WebClient } from '@slack/web-api';
import type { Ask, HistoryEntry } from '../../domain/asks/ask.js';
import { trackedMessageId } from '../../domain/conversations/tracked-message.js';
import { closeMessage } from '../../domain/conversations/watch-messages.js';
import { track } from '../../domain/follow-ups/track.js';
import type { SlackDeps } from '../bolt/deps.js';
import { refreshHomes } from '../home/publish-home.js';
import { publishAsk } from './publish-ask.js';

/**
 * Everything that follows a change of an ask: the nag engine re-plans it (an answer stops the clock,
 * a message raised as an ask stops being watched on its own), then Slack shows it.
 */
export async function askChanged(
  client: WebClient,
  deps: SlackDeps,
  ask: Ask,
  entries: HistoryEntry[],
  newInternalNote: string | null,
): Promise<Ask> {
  const repos = deps.repositories;
  const partnership = await repos.partnerships.findById(ask.partnershipId);
  if (partnership) {
    const trackDeps = { ...repos, clock: deps.clock };
    await track(trackDeps, { type: 'ask', ask }, partnership);
    if (ask.version === 1 && ask.source) {
      const id = trackedMessageId(ask.source.channelId, ask.source.messageTs);
      await closeMessage(trackDeps, partnership, id, ask.requester.userId, 'raised');
    }
  }
  const published = await publishAsk(client, deps, ask, entries, newInternalNote);
  await refreshHomes(client, deps, [ask.ownerId, ask.requester.userId]);
  return published;
}
