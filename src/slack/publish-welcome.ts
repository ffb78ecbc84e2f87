import type { WebClient } from '@slack/web-api';
import type { Partnership } from '../domain/partnerships/partnership.js';
import type { PartnershipRepository } from '../domain/ports.js';
import { buildWelcomeMessage } from './views/welcome-message.js';

export type WelcomeOutcome = 'posted' | 'updated' | 'not_in_channel';

const slackError = (error: unknown) => (error as { data?: { error?: string } }).data?.error;

/**
 * Keeps one pinned welcome message per partnership: posted and pinned the first time, edited in
 * place afterwards (posted again if someone deleted it). If the bot is not in the channel it joins
 * public channels by itself; private ones need an /invite, which the caller tells the user.
 */
export async function publishWelcome(
  client: WebClient,
  partnerships: PartnershipRepository,
  partnership: Partnership,
): Promise<WelcomeOutcome> {
  const message = buildWelcomeMessage(partnership);
  const channel = partnership.channelId;
  if (partnership.welcomeMessageTs) {
    try {
      await client.chat.update({ channel, ts: partnership.welcomeMessageTs, ...message });
      return 'updated';
    } catch (error) {
      if (slackError(error) !== 'message_not_found') throw error;
    }
  }
  const post = () => client.chat.postMessage({ channel, ...message });
  let posted: Awaited<ReturnType<typeof post>>;
  try {
    posted = await post();
  } catch (error) {
    if (slackError(error) !== 'not_in_channel') throw error;
    if (!(await tryJoin(client, channel))) return 'not_in_channel';
    posted = await post();
  }
  const ts = posted.ts as string;
  await partnerships.recordWelcomeMessage(partnership.id, ts);
  await client.pins.add({ channel, timestamp: ts }).catch((error) => {
    if (slackError(error) !== 'already_pinned') throw error;
  });
  return 'posted';
}

async function tryJoin(client: WebClient, channel: string): Promise<boolean> {
  try {
    await client.conversations.join({ channel });
    return true;
  } catch {
    return false; // private channels cannot be joined; the bot must be invited
  }
}
