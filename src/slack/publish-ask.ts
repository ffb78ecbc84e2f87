import type { WebClient } from '@slack/web-api';
import type { Ask, HistoryEntry } from '../domain/asks/ask.js';
import { STATUS_LABELS } from '../domain/asks/lifecycle.js';
import type { AskRepository } from '../domain/ports.js';
import { safeText } from './render/escape.js';
import { buildAskCard } from './views/ask-card.js';

/** The thread where an ask's news goes: the source message's thread, or the card's own. */
const threadOf = (ask: Ask, cardTs: string) => ask.source?.messageTs ?? cardTs;

/** Posts the ask's status card the first time (in the source message's thread if any), edits it after. */
export async function publishAskCard(client: WebClient, asks: AskRepository, ask: Ask): Promise<Ask> {
  const message = buildAskCard(ask);
  if (ask.card) {
    await client.chat.update({ channel: ask.card.channelId, ts: ask.card.ts, ...message });
    return ask;
  }
  const posted = await client.chat.postMessage({
    channel: ask.channelId,
    ...(ask.source ? { thread_ts: ask.source.messageTs } : {}),
    ...message,
  });
  const card = { channelId: ask.channelId, ts: posted.ts as string };
  await asks.recordCard(ask.id, card);
  return { ...ask, card };
}

/** Tells the requester, in the ask's thread, what changed and the owner's note to them. */
export async function postAskNews(client: WebClient, ask: Ask, entries: HistoryEntry[]): Promise<void> {
  if (!ask.card) return;
  const lines = entries.flatMap((entry) => {
    if (entry.action === 'status')
      return [`*${ask.ref}* is now *${STATUS_LABELS[entry.to as Ask['status']]}*.`];
    if (entry.action === 'owner') return [`*${ask.ref}* is now owned by <@${entry.to}>.`];
    if (entry.action === 'promised_date') {
      return [
        entry.from
          ? `The promised date moved from ${entry.from} to *${entry.to}*.`
          : `Promised for *${entry.to}*.`,
      ];
    }
    return [];
  });
  const note = entries.find((e) => e.note)?.note;
  if (lines.length === 0 && !note) return;
  const text = [
    `<@${ask.requester.userId}> ${lines.join(' ') || `News on *${ask.ref}*:`}`,
    note ? `> ${safeText(note, 2800).replace(/\n/g, '\n> ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  await client.chat.postMessage({ channel: ask.card.channelId, thread_ts: threadOf(ask, ask.card.ts), text });
}
