import type { WebClient } from '@slack/web-api';
import type { Ask } from '../../domain/asks/ask.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { Repositories } from '../../domain/ports.js';
import type { EffectLedger } from '../../effects/effect-ledger.js';
import type { AppLogger } from '../../logger.js';
import type { SimilarRequest } from '../../similar/similar-requests.js';
import type { SlackDirectory } from '../bolt/directory.js';
import { isSlackRefusal } from '../shared/classify-slack-failure.js';
import { safeText } from '../shared/escape.js';
import { internalTriageChannel } from '../shared/internal-triage-channel.js';
import { postOnce } from '../shared/post-once.js';
import { buildTriageCard } from './triage-card.js';

interface TwinDeps {
  repositories: Repositories;
  directory: SlackDirectory;
  logger: AppLogger;
}

/**
 * The internal twin in the triage channel (posted once, then edited) and each internal note not yet
 * posted, in its thread. The triage channel is checked again first: it may have been shared since.
 */
export async function showTwin(
  client: WebClient,
  deps: TwinDeps,
  ask: Ask,
  partnership: Partnership,
  ledger: EffectLedger,
  similar: () => Promise<SimilarRequest[]>,
): Promise<void> {
  const triage = await internalTriageChannel(
    { isExternallyShared: (channelId) => deps.directory.isExternallyShared(channelId), logger: deps.logger },
    partnership,
    'internal mirror withheld',
  );
  if (!triage) {
    // Notes withheld now are never posted later, even if a triage channel is set up afterwards.
    if (ledger.notesPosted < ask.internalNotes.length)
      await ledger.record({ notesPosted: ask.internalNotes.length });
    return;
  }
  const message = buildTriageCard(ask, partnership, await similar());
  let mirror = ask.mirror;
  if (mirror) {
    try {
      await client.chat.update({ channel: mirror.channelId, ts: mirror.ts, ...message });
    } catch (error) {
      if (!isSlackRefusal(error)) throw error;
      deps.logger.event('warn', 'internal mirror could not be edited', { ask: ask.id, error: String(error) });
    }
  } else {
    const key = `ask:${ask.id}:twin`;
    const ts = await postOnce(client, ledger, key, { channel: triage, threadTs: null }, message);
    mirror = { channelId: triage, ts };
    await deps.repositories.asks.recordMirror(ask.id, mirror);
    await ledger.record({}, key);
  }
  const thread = { channel: mirror.channelId, threadTs: mirror.ts };
  for (let i = ledger.notesPosted; i < ask.internalNotes.length; i++) {
    const note = ask.internalNotes[i] as Ask['internalNotes'][number];
    const text = `Internal note on *${ask.ref}*: ${safeText(note.text, 2800)}`;
    const key = `ask:${ask.id}:note:${i + 1}`;
    await postOnce(client, ledger, key, thread, { text });
    await ledger.record({ notesPosted: i + 1 }, key);
  }
}
