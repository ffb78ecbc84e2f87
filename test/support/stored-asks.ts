import type { Ask } from '../../src/domain/asks/ask.js';
import type { Repositories } from '../../src/domain/ports.js';

/**
 * Every ask a partnership has, whole and newest first (the list the app shows carries only summaries).
 * An ask changed at or after the epoch is "active" for a digest, so that query returns them all.
 */
export async function storedAsks(repositories: Repositories, partnershipId: string): Promise<Ask[]> {
  const asks = await repositories.asks.listActive(partnershipId, [], new Date(0));
  return asks.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.number - a.number);
}

/** The same, for the partnership of a channel (none when the channel has none). */
export async function storedAsksInChannel(repositories: Repositories, channelId: string): Promise<Ask[]> {
  const partnership = await repositories.partnerships.findByChannel(channelId);
  return partnership ? storedAsks(repositories, partnership.id) : [];
}
