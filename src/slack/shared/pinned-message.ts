import type { WebClient } from '@slack/web-api';
import type { MessageContent } from './blocks.js';

export type PinnedOutcome = 'posted' | 'updated' | 'not_in_channel';

const slackError = (error: unknown) => (error as { data?: { error?: string } }).data?.error;

/**
 * Keeps one pinned message current: edited in place when it exists, otherwise (first time, or
 * someone deleted it) posted, recorded through `record` and pinned. If the bot is not in the channel
 * it joins public channels by itself; private ones need an /invite, which the caller tells the user.
 */
export async function keepPinned(
  client: WebClient,
  target: { channel: string; ts: string | null; record: (ts: string) => Promise<void> },
  message: MessageContent,
): Promise<PinnedOutcome> {
  const { channel } = target;
  if (target.ts) {
    try {
      await client.chat.update({ channel, ts: target.ts, ...message });
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
  await target.record(ts);
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
