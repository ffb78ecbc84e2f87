import { dueAt } from '../../app/announcements/decide-announcement.js';
import type { Announcement } from '../../domain/announcements/announcement.js';
import { safeText } from '../shared/escape.js';
import { describeLocalTime } from './announcement-message.js';

/** What its sender is told once an announcement is scheduled; `due` when it goes at once. */
export function describeScheduled(a: Announcement, now: Date): { text: string; due: boolean } {
  const title = safeText(a.title, 150);
  const at = dueAt(a, now);
  if (a.holdUntil !== null) {
    const to = `${a.partnershipIds.length} partnerships`;
    return {
      text: `*${title}* goes to ${to} on ${describeLocalTime(at, a.timeZone)}. Their owners are told now and can leave their customer out until then; I will tell you who does. You can cancel it until it is sent.`,
      due: false,
    };
  }
  if (a.inWorkingHours && at.getTime() <= now.getTime()) {
    const text = `Sending *${title}* to each partnership in its next working hours. I will tell you here what it reached.`;
    return { text, due: true };
  }
  if (at.getTime() <= now.getTime()) {
    return { text: `Sending *${title}* now. I will tell you here what it reached.`, due: true };
  }
  const when = describeLocalTime(at, a.timeZone);
  return { text: `*${title}* is scheduled for ${when}. You can cancel it until then.`, due: false };
}
