import type { WebClient } from '@slack/web-api';
import type { NagItem, NagSender } from '../../domain/follow-ups/sweep.js';
import type { Clock } from '../../domain/ports.js';
import { buildNagMessage } from '../views/nag-message.js';

/** Where an item lives in Slack: the ask's status card (or its source message), or the message itself. */
function location(item: NagItem): { channel: string; ts: string } | null {
  if (item.subject.type === 'message')
    return { channel: item.subject.message.channelId, ts: item.subject.message.ts };
  const { card, source } = item.subject.ask;
  if (card) return { channel: card.channelId, ts: card.ts };
  return source ? { channel: source.channelId, ts: source.messageTs } : null;
}

async function permalinkOf(client: WebClient, item: NagItem): Promise<string | null> {
  const at = location(item);
  if (!at) return null;
  try {
    return (await client.chat.getPermalink({ channel: at.channel, message_ts: at.ts })).permalink ?? null;
  } catch {
    return null; // a reminder without a link beats no reminder
  }
}

/** Reminders go to people by DM and to the triage channel as a post: never to a shared channel. */
export function slackNagSender(
  client: WebClient,
  clock: Clock,
  /** A person's Home tab lists what they owe: refreshed after each reminder. */
  reminded: (userId: string) => Promise<void>,
): NagSender {
  return {
    async send(to, items) {
      const shown = await Promise.all(
        items.map(async (item) => ({ ...item, permalink: await permalinkOf(client, item) })),
      );
      await client.chat.postMessage({ channel: to.id, ...buildNagMessage(shown, clock.now()) });
      if (to.kind === 'user') await reminded(to.id);
    },
  };
}
