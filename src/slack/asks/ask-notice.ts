import type { Ask, HistoryEntry } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import { safeText } from '../shared/escape.js';

const quote = (text: string) => `> ${safeText(text, 2800).replace(/\n/g, '\n> ')}`;

/**
 * What the ask's thread is told about one change: for the requester, what changed and the note meant
 * for them; for the owner, details someone added. Null when the change is nothing to announce (a vote).
 */
export function buildAskNotice(ask: Ask, entries: HistoryEntry[]): string | null {
  const details = entries.find((e) => e.action === 'details');
  if (details) {
    // Details are news for the owner, who has to act on them.
    return `<@${ask.ownerId}> <@${details.by.userId}> added details to *${ask.ref}*:\n${quote(details.note ?? '')}`;
  }
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
  const noted = entries.find((e) => e.note);
  const note = noted?.note;
  if (lines.length === 0 && !note) return null;
  // A note alone says whose it is (a tracker comment is its author's, when the workspace mapped them).
  const news = `News on *${ask.ref}* from <@${noted?.by.userId}>:`;
  return [`<@${ask.requester.userId}> ${lines.join(' ') || news}`, note ? quote(note) : '']
    .filter(Boolean)
    .join('\n');
}
