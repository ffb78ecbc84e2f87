import type { Partnership } from '../partnerships/partnership.js';
import type { FollowUp } from './follow-up.js';

/** owner -> backup -> final (the named escalation user, else the triage channel). */
export type Rung = 'owner' | 'backup' | 'final';

export interface Recipient {
  kind: 'user' | 'channel';
  id: string;
  rung: Rung;
}

export type ReminderKind = 'due_soon' | 'overdue';

const RUNGS: Rung[] = ['owner', 'backup', 'final'];

/** How far up the ladder a follow-up is after `overdueNags` overdue reminders. */
export function ladderLevel(p: Partnership, overdueNags: number): number {
  if (overdueNags >= p.escalation.finalAfterNags) return 2;
  return overdueNags >= p.escalation.backupAfterNags ? 1 : 0;
}

/**
 * Who gets this reminder: the owner always, and the rungs above once enough overdue reminders went
 * unanswered. A heads-up before the due time stays with the owner. For an ask owed by a customer
 * contact the rung above is the partnership's owner, who can chase it in person.
 */
export function recipientsFor(f: FollowUp, p: Partnership, kind: ReminderKind): Recipient[] {
  const level = kind === 'due_soon' ? 0 : ladderLevel(p, f.round.overdueNags);
  const backup = f.side === 'vendor' ? p.backupOwnerId : p.ownerId;
  const final = p.escalation.userId
    ? { kind: 'user' as const, id: p.escalation.userId }
    : p.triageChannelId
      ? { kind: 'channel' as const, id: p.triageChannelId }
      : null;
  const candidates = [
    { kind: 'user' as const, id: f.ownerId },
    backup ? { kind: 'user' as const, id: backup } : null,
    final,
  ];
  const recipients: Recipient[] = [];
  candidates.forEach((c, rank) => {
    if (c && rank <= level && !recipients.some((r) => r.id === c.id)) {
      recipients.push({ ...c, rung: RUNGS[rank] as Rung });
    }
  });
  return recipients;
}
