import type { WebClient } from '@slack/web-api';

/** A link to a message, or null when there is none or Slack will not give one: a message without a link beats none. */
export async function permalinkOf(
  client: WebClient,
  at: { channel: string; ts: string } | null,
): Promise<string | null> {
  if (!at) return null;
  try {
    return (await client.chat.getPermalink({ channel: at.channel, message_ts: at.ts })).permalink ?? null;
  } catch {
    return null;
  }
}
