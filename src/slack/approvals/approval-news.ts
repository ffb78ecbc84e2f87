import type { Approval, AuditEntry } from '../../domain/approvals/approval.js';
import { slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { mentions } from '../shared/mention.js';
import { describeProgress } from './approval-card.js';

const quote = (text: string) => `> ${safeText(text, 1000).replace(/\n/g, '\n> ')}`;
/** Approvers with no decision, whatever the state (settled approvals have no pending approvers). */
const undecided = (approval: Approval) =>
  approval.approvers
    .filter((a) => !approval.decisions.some((d) => d.approverId === a.userId))
    .map((a) => a.userId);

/**
 * What the card's thread is told after a change: backups asked in place of an approver, and the
 * outcome, mentioning the requester. Decisions themselves show on the card. Null when there is no news.
 */
export function approvalNews(approval: Approval, entries: AuditEntry[]): string | null {
  const requester = `<@${approval.requester.userId}>`;
  const lines: string[] = [];
  for (const entry of entries) {
    const seat = approval.approvers.find((a) => a.userId === entry.approverId);
    if (entry.action === 'escalated' && seat?.backupId) {
      lines.push(
        `<@${seat.backupId}>, please decide in place of <@${seat.userId}>, who has not decided yet. Due ${slackDate(approval.dueAt)}.`,
      );
    }
    if (entry.action === 'settled' && entry.verdict === 'approved') {
      lines.push(`${requester} *Approved.* ${describeProgress(approval)}.`);
    }
    if (entry.action === 'settled' && entry.verdict === 'rejected') {
      const rejects = approval.decisions.filter((d) => d.verdict === 'rejected');
      lines.push(`${requester} *Rejected.* ${describeProgress(approval)}.`);
      for (const d of rejects) lines.push(`<@${d.by.userId}> rejected it:`, quote(d.comment ?? ''));
    }
    const waiting = undecided(approval);
    if (entry.action === 'expired') {
      lines.push(
        `${requester} *Expired:* no outcome by the due time. ${describeProgress(approval)}.` +
          (waiting.length > 0 ? ` Not decided: ${mentions(waiting)}.` : ''),
      );
    }
    if (entry.action === 'withdrawn') {
      lines.push(
        `*Withdrawn* by ${requester}.` +
          (waiting.length > 0 ? ` Nothing more is needed from ${mentions(waiting)}.` : ''),
      );
    }
  }
  return lines.length > 0 ? lines.join('\n') : null;
}
