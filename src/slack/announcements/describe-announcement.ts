import { dueAt } from '../../app/announcements/decide-announcement.js';
import type { Announcement, DeliveryCounts } from '../../domain/announcements/announcement.js';
import { slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { mention } from '../shared/mention.js';
import { describeLocalTime } from './announcement-message.js';

/** One announcement as a line of a list: its state, where it went and what came back. */
export function describeAnnouncement(a: Announcement, counts: DeliveryCounts): string {
  const title = safeText(a.title, 150);
  const to = `${a.partnershipIds.length} partnership${a.partnershipIds.length === 1 ? '' : 's'}`;
  const reach = `reached ${counts.posted}, failed ${counts.failed}, replies ${counts.replies}, reactions ${counts.reactions}`;
  const left = a.exclusions.length > 0 ? `, ${a.exclusions.length} left out by their owners` : '';
  if (a.state === 'awaiting_signoff') {
    return `• *${title}* — waiting for ${mention(a.signOff?.approverId ?? '')}’s sign-off, to ${to}`;
  }
  if (a.state === 'scheduled') {
    const when = describeLocalTime(dueAt(a, a.sendAt ?? a.createdAt), a.timeZone);
    return `• *${title}* — scheduled for ${when}, to ${to}${left}`;
  }
  if (a.state === 'cancelled') return `• *${title}* — cancelled, to ${to}`;
  if (a.state === 'deleted') return `• *${title}* — deleted everywhere, was sent to ${to}: ${reach}`;
  if (a.state === 'sending') return `• *${title}* — sending to ${to}: ${reach}, ${counts.pending} to go`;
  return `• *${title}* — sent ${slackDate(a.startedAt ?? a.createdAt)} to ${to}: ${reach}`;
}
