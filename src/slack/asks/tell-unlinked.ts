import type { WebClient } from '@slack/web-api';
import type { Ask } from '../../domain/asks/ask.js';
import { TRACKER_LABELS } from '../../domain/trackers/tracker.js';
import type { EffectLedger } from '../../effects/effect-ledger.js';
import type { InWorkspace } from '../bolt/deps.js';
import { safeText } from '../shared/escape.js';
import { postOnce } from '../shared/post-once.js';

/**
 * The ask's issue was deleted or moved away: its owner is told privately, by DM (never in the shared
 * channel), once, with what to do about it.
 */
export async function tellUnlinked(
  client: WebClient,
  deps: InWorkspace,
  ask: Ask,
  ledger: EffectLedger,
): Promise<void> {
  const unlinked = ask.tracker?.unlinked;
  if (!unlinked) return;
  const { issue, why, at } = unlinked;
  const key = `ask:${ask.id}:unlinked:${at.getTime()}`;
  const text =
    `The ${TRACKER_LABELS[issue.tracker]} issue ${safeText(issue.key, 200)} was ${why}, so *${ask.ref}* ` +
    `(${safeText(ask.content.title, 200)}) is no longer linked to it. Link it again or send it to the ` +
    'tracker again from its triage message.';
  await postOnce(client, ledger, key, { channel: ask.ownerId, threadTs: null }, { text });
  await deps.repositories.asks.recordUnlinkTold(ask.id, at);
  await ledger.record({}, key);
}
