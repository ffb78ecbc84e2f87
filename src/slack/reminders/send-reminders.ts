import type { WebClient } from '@slack/web-api';
import type { ReminderItem, ReminderSender } from '../../domain/follow-ups/sweep.js';
import type { Clock } from '../../domain/ports.js';
import { permalinkOf } from '../shared/permalink.js';
import { buildReminderMessage } from './reminder-message.js';

/** Where an item lives in Slack: the ask's status card (or its source message), the message, the approval card. */
function location(item: ReminderItem): { channel: string; ts: string } | null {
  if (item.subject.type === 'message')
    return { channel: item.subject.message.channelId, ts: item.subject.message.ts };
  if (item.subject.type === 'approval') {
    const card = item.subject.approval.card;
    return card && { channel: card.channelId, ts: card.ts };
  }
  const { card, source } = item.subject.ask;
  if (card) return { channel: card.channelId, ts: card.ts };
  return source ? { channel: source.channelId, ts: source.messageTs } : null;
}

export type ReminderOutcome = 'sent' | 'failed';

/** Reminders go to people by DM and to the triage channel as a post: never to a shared channel. */
export function slackReminderSender(
  client: WebClient,
  clock: Clock,
  /** A person's Home tab lists what they owe: refreshed after each reminder. */
  reminded: (userId: string) => Promise<void>,
  /** Told whether each reminder message reached Slack (operations metrics). */
  counted: (recipient: 'user' | 'channel', outcome: ReminderOutcome) => void,
): ReminderSender {
  return {
    async send(to, items) {
      try {
        const shown = await Promise.all(
          items.map(async (item) => ({ ...item, permalink: await permalinkOf(client, location(item)) })),
        );
        await client.chat.postMessage({ channel: to.id, ...buildReminderMessage(shown, clock.now()) });
      } catch (error) {
        counted(to.kind, 'failed');
        throw error;
      }
      counted(to.kind, 'sent');
      if (to.kind === 'user') await reminded(to.id);
    },
  };
}
