import type { Context } from '@slack/bolt';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { PartnershipRepository } from '../../domain/ports.js';

const MEMO = 'rapportPartnershipByChannel';

/**
 * A channel's partnership, read once per request: a message's listener and the activity middleware
 * after it both need it, and Bolt hands both the same context. The read happens where it is first
 * asked for, so nothing moves before an ack.
 */
export function partnershipOfChannel(
  context: Context,
  partnerships: PartnershipRepository,
  channelId: string,
): Promise<Partnership | null> {
  context[MEMO] ??= new Map<string, Promise<Partnership | null>>();
  const memo: Map<string, Promise<Partnership | null>> = context[MEMO];
  let found = memo.get(channelId);
  if (found === undefined) {
    found = partnerships.findByChannel(channelId);
    memo.set(channelId, found);
  }
  return found;
}
