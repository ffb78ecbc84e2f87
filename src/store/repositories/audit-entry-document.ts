import type { AuditEntry } from '../../domain/approvals/approval.js';

/** An approval's audit entry as stored: entries written before `to` existed have none. */
export type AuditEntryDocument = Omit<AuditEntry, 'to'> & { to?: string[] };

/** How reminders and escalations named their people before `to` existed: "to <@U1>, <@U2>". */
const MENTIONS_NOTE = /^to <@\w+>(, <@\w+>)*$/;

/**
 * Older reminders and escalations are read with their people as ids and no note, as if written
 * today, so nothing past the store sees Slack syntax; the approval's next write stores them so.
 * Any other note (a title, a comment) is the user's own text and is kept as it is.
 */
export function fromAuditEntryDocument({ to, ...entry }: AuditEntryDocument): AuditEntry {
  if (to) return { ...entry, to };
  const named = entry.action === 'reminded' || entry.action === 'escalated';
  if (!named || !entry.note || !MENTIONS_NOTE.test(entry.note)) return { ...entry, to: [] };
  const ids = [...entry.note.matchAll(/<@(\w+)>/g)].map(([, id]) => id as string);
  return { ...entry, note: null, to: ids };
}
