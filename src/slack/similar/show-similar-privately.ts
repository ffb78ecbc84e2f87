import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../domain/actors.js';
import type { Ask } from '../../domain/asks/ask.js';
import type { SimilarRequests } from '../../similar/similar-requests.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { InWorkspace } from '../bolt/deps.js';
import { isSlackRefusal } from '../shared/classify-slack-failure.js';
import { internalTriageChannel } from '../shared/internal-triage-channel.js';
import { buildSimilarBlocks } from './similar-blocks.js';

/**
 * After someone at the vendor updates an enhancement: the other customers' requests that may be the same,
 * shown to them only. Ephemeral in the partnership's triage channel (never in the shared channel, even
 * ephemerally); by direct message when there is no internal triage channel or they are not in it.
 */
export async function showSimilarToUpdater(
  deps: InWorkspace & { similar: SimilarRequests },
  client: WebClient,
  workspace: Workspace,
  ask: Ask,
  updater: Actor,
): Promise<void> {
  if (updater.side !== 'vendor' || ask.kind !== 'enhancement') return;
  const similar = await deps.similar.suggest(workspace, ask);
  if (similar.length === 0) return;
  const message = {
    text: `Maybe the same request as ${ask.ref}, at another customer (internal)`,
    blocks: buildSimilarBlocks(ask, similar),
  };
  const partnership = await deps.repositories.partnerships.findById(ask.partnershipId);
  const triage = partnership
    ? await internalTriageChannel(
        {
          isExternallyShared: (channelId) => deps.directory.isExternallyShared(channelId),
          logger: deps.logger,
        },
        partnership,
        'similar requests sent by direct message',
      )
    : null;
  if (triage) {
    try {
      await client.chat.postEphemeral({ channel: triage, user: updater.userId, ...message });
      return;
    } catch (error) {
      // Not a member of the triage channel: a direct message reaches them instead.
      if (!isSlackRefusal(error)) throw error;
    }
  }
  await client.chat.postMessage({ channel: updater.userId, ...message });
}
