import type { WebClient } from '@slack/web-api';
import type { Recipient } from '../../domain/follow-ups/escalation.js';
import { reminderKey } from '../../domain/follow-ups/follow-up.js';
import type { ReminderItem, ReminderSender } from '../../domain/follow-ups/sweep.js';
import type { Clock } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import { permalinkOf } from '../shared/permalink.js';
import { effectMetadata, listPostedOrAssumeNone } from '../shared/post-once.js';
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

/** A reminder's metadata names each follow-up it reminds about, by the key of the reminder it was due. */
const reminderMetadata = (items: ReminderItem[]) =>
  effectMetadata('reminder', { reminds: items.map((i) => ({ key: reminderKey(i.followUp) })) });

const remindedKeys = (payload: Record<string, unknown>): unknown[] =>
  Array.isArray(payload.reminds) ? payload.reminds.map((r) => (r as { key?: unknown } | null)?.key) : [];

/**
 * The items to send: all of them, unless one may have been sent by a sweep that stopped before recording
 * it. Only then are the recipient's latest messages read (the DM's, or the triage channel's), and the
 * items a reminder there already names are left out: the common path costs no Slack call.
 */
async function notSentYet(
  client: WebClient,
  to: Omit<Recipient, 'rung'>,
  items: ReminderItem[],
  logger: AppLogger,
): Promise<ReminderItem[]> {
  if (!items.some((i) => i.maybeSent)) return items;
  const posted = await listPostedOrAssumeNone(client, { channel: to.id, threadTs: null }, logger);
  const sent = new Set(posted.flatMap((m) => remindedKeys(m.payload)));
  return items.filter((i) => !(i.maybeSent && sent.has(reminderKey(i.followUp))));
}

export interface ReminderSenderDeps {
  client: WebClient;
  clock: Clock;
  /** A person's Home tab lists what they owe: refreshed after each reminder. */
  reminded(userId: string): Promise<void>;
  /** Told whether each reminder message reached Slack (operations metrics). */
  counted(recipient: 'user' | 'channel', outcome: ReminderOutcome): void;
  /** True when the channel is shared with another organisation (Slack Connect). */
  isExternallyShared(channelId: string): Promise<boolean>;
  logger: AppLogger;
}

/**
 * Reminders go to people by DM and to the triage channel as a post: never to a shared channel. The
 * triage channel is checked again first, as for every internal post: one shared with another
 * organisation since setup gets nothing (logged). The owner, reminded at every rung, still is.
 */
export function slackReminderSender(deps: ReminderSenderDeps): ReminderSender {
  const { client, clock, logger } = deps;
  async function deliver(to: Omit<Recipient, 'rung'>, items: ReminderItem[]): Promise<void> {
    try {
      const fresh = await notSentYet(client, to, items, logger);
      // Everything was found sent: recorded as such by the sweep, and nothing is posted.
      if (fresh.length === 0) return;
      const shown = await Promise.all(
        fresh.map(async (item) => ({ ...item, permalink: await permalinkOf(client, location(item)) })),
      );
      await client.chat.postMessage({
        channel: to.id,
        ...buildReminderMessage(shown, clock.now()),
        metadata: reminderMetadata(fresh),
      });
    } catch (error) {
      deps.counted(to.kind, 'failed');
      throw error;
    }
    deps.counted(to.kind, 'sent');
    if (to.kind === 'user') await deps.reminded(to.id);
  }
  return {
    async send(to, items) {
      if (to.kind === 'user' || !(await deps.isExternallyShared(to.id))) return deliver(to, items);
      logger.event('warn', 'triage channel is shared with another organisation: reminder withheld', {
        channel: to.id,
        items: items.map((i) => i.followUp.id),
      });
    },
  };
}
