import type { WebClient } from '@slack/web-api';
import type { Ask, HistoryEntry } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import { enhancementGroup } from '../../domain/asks/link-enhancements.js';
import type { Repositories } from '../../domain/ports.js';
import type { AppLogger } from '../../logger.js';
import type { SlackDirectory } from '../bolt/directory.js';
import { safeText } from '../shared/escape.js';
import { internalTriageChannel } from '../shared/internal-triage-channel.js';
import { buildAskCard, type GroupFacts } from './ask-card.js';
import { buildTriageCard } from './triage-card.js';

export interface PublishDeps {
  repositories: Repositories;
  directory: SlackDirectory;
  logger: AppLogger;
}

/**
 * Everything Slack shows after an ask is created or changed: the status card in the shared channel
 * (posted once, then edited), the news in its thread for the requester, and the internal mirror in
 * the triage channel with any new internal note. Returns the ask with its card and mirror recorded.
 */
export async function publishAsk(
  client: WebClient,
  deps: PublishDeps,
  ask: Ask,
  entries: HistoryEntry[],
  newInternalNote: string | null,
): Promise<Ask> {
  const group = await enhancementGroup(deps.repositories.asks, ask);
  const facts = groupFacts(group);
  const withCard = await publishCard(client, deps, ask, facts);
  // The other customers' cards show the group's totals too.
  for (const other of group) {
    if (other.id !== ask.id && other.card) await publishCard(client, deps, other, facts);
  }
  await postNews(client, withCard, entries);
  return publishMirror(client, deps, withCard, newInternalNote);
}

function groupFacts(group: Ask[]): GroupFacts | null {
  if (group.length < 2) return null;
  return {
    customers: new Set(group.map((a) => a.partnershipId)).size,
    voters: new Set(group.flatMap((a) => a.voters.map((v) => v.userId))).size,
  };
}

async function publishCard(
  client: WebClient,
  deps: PublishDeps,
  ask: Ask,
  group: GroupFacts | null,
): Promise<Ask> {
  const message = buildAskCard(ask, group);
  if (ask.card) {
    await client.chat.update({ channel: ask.card.channelId, ts: ask.card.ts, ...message });
    return ask;
  }
  // In the source message's thread when the ask was raised from a message.
  const posted = await client.chat.postMessage({
    channel: ask.channelId,
    ...(ask.source ? { thread_ts: ask.source.messageTs } : {}),
    ...message,
  });
  const card = { channelId: ask.channelId, ts: posted.ts as string };
  await deps.repositories.asks.recordCard(ask.id, card);
  return { ...ask, card };
}

/** Tells the requester, in the ask's thread, what changed and the note meant for them. */
async function postNews(client: WebClient, ask: Ask, entries: HistoryEntry[]): Promise<void> {
  if (!ask.card) return;
  const lines = entries.flatMap((entry) => {
    if (entry.action === 'status')
      return [`*${ask.ref}* is now *${STATUS_LABELS[entry.to as Ask['status']]}*.`];
    if (entry.action === 'owner') return [`*${ask.ref}* is now owned by <@${entry.to}>.`];
    if (entry.action === 'linked')
      return [`*${ask.ref}* is the same change other customers asked for; it is tracked with theirs.`];
    if (entry.action === 'promised_date') {
      return [
        entry.from
          ? `The promised date moved from ${entry.from} to *${entry.to}*.`
          : `Promised for *${entry.to}*.`,
      ];
    }
    return [];
  });
  const details = entries.find((e) => e.action === 'details');
  if (details) {
    // Details are news for the owner, who has to act on them.
    const text = `<@${ask.ownerId}> <@${details.by.userId}> added details to *${ask.ref}*:\n> ${safeText(details.note ?? '', 2800).replace(/\n/g, '\n> ')}`;
    await client.chat.postMessage({
      channel: ask.card.channelId,
      thread_ts: ask.source?.messageTs ?? ask.card.ts,
      text,
    });
    return;
  }
  const note = entries.find((e) => e.note)?.note;
  if (lines.length === 0 && !note) return;
  const text = [
    `<@${ask.requester.userId}> ${lines.join(' ') || `News on *${ask.ref}*:`}`,
    note ? `> ${safeText(note, 2800).replace(/\n/g, '\n> ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  await client.chat.postMessage({
    channel: ask.card.channelId,
    thread_ts: ask.source?.messageTs ?? ask.card.ts,
    text,
  });
}

/** The internal twin. It is checked again that the triage channel is not shared before anything internal goes there. */
async function publishMirror(
  client: WebClient,
  deps: PublishDeps,
  ask: Ask,
  newInternalNote: string | null,
): Promise<Ask> {
  const partnership = await deps.repositories.partnerships.findById(ask.partnershipId);
  if (!partnership) return ask;
  const triage = await internalTriageChannel(
    { isExternallyShared: (channelId) => deps.directory.isExternallyShared(channelId), logger: deps.logger },
    partnership,
    'internal mirror withheld',
  );
  if (!triage) return ask;
  const message = buildTriageCard(ask, partnership.accountName);
  let mirror = ask.mirror;
  if (mirror) await client.chat.update({ channel: mirror.channelId, ts: mirror.ts, ...message });
  else {
    const posted = await client.chat.postMessage({ channel: triage, ...message });
    mirror = { channelId: triage, ts: posted.ts as string };
    await deps.repositories.asks.recordMirror(ask.id, mirror);
  }
  if (newInternalNote) {
    await client.chat.postMessage({
      channel: mirror.channelId,
      thread_ts: mirror.ts,
      text: `Internal note on *${ask.ref}*: ${safeText(newInternalNote, 2800)}`,
    });
  }
  return { ...ask, mirror };
}
