import type { WebClient } from '@slack/web-api';

export interface FetchedMessage {
  ts: string;
  text: string;
  user: string | null;
}

/** One message by channel and ts, whether it is a thread parent, a reply or neither. */
export async function fetchMessage(
  client: WebClient,
  channel: string,
  ts: string,
): Promise<FetchedMessage | null> {
  const { messages } = await client.conversations.replies({ channel, ts, inclusive: true, limit: 200 });
  const found = messages?.find((m) => m.ts === ts);
  return found ? { ts, text: found.text ?? '', user: found.user ?? null } : null;
}
