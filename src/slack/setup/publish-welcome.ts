import type { WebClient } from '@slack/web-api';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { PartnershipRepository } from '../../domain/ports.js';
import { keepPinned, type PinnedOutcome } from '../shared/pinned-message.js';
import { buildWelcomeMessage } from './welcome-message.js';

export type WelcomeOutcome = PinnedOutcome;

/**
 * Keeps one pinned welcome message per partnership: posted and pinned the first time, edited in
 * place afterwards (posted again if someone deleted it). If the bot is not in the channel it joins
 * public channels by itself; private ones need an /invite, which the caller tells the user.
 */
export function publishWelcome(
  client: WebClient,
  partnerships: PartnershipRepository,
  partnership: Partnership,
): Promise<WelcomeOutcome> {
  return keepPinned(
    client,
    {
      channel: partnership.channelId,
      ts: partnership.welcomeMessageTs,
      record: (ts) => partnerships.recordWelcomeMessage(partnership.id, ts),
    },
    buildWelcomeMessage(partnership),
  );
}
