import { DateTime } from 'luxon';
import type { ContactRole, Partnership } from '../../domain/partnerships/partnership.js';
import { describeTags } from '../../domain/partnerships/partnership-tags.js';
import { type MessageContent, section } from '../shared/blocks.js';
import { describeDuration, describeResponseTargets } from '../shared/describe-duration.js';
import { describeHours } from '../shared/describe-hours.js';
import { describeSchedule } from '../shared/describe-schedule.js';
import { escapeText, safeText } from '../shared/escape.js';

export const ROLE_LABELS: Record<ContactRole, string> = {
  champion: 'Champion',
  executive_sponsor: 'Executive sponsor',
  technical: 'Technical contact',
  billing: 'Billing contact',
  end_user: 'End user',
};

/**
 * The partnership's settings, shown privately to whoever asks. `now` only picks the next holiday;
 * it defaults to the wall clock because the status command passes no clock.
 */
export function buildPartnershipSummary(p: Partnership, now: Date): MessageContent {
  const contacts = p.contacts.length
    ? p.contacts.map((c) => `<@${c.userId}> (${ROLE_LABELS[c.role]})`).join(', ')
    : '_none listed yet_';
  const lines = [
    `*${safeText(p.accountName, 200)}* — asks are numbered ${p.refPrefix}-1, ${p.refPrefix}-2, …`,
    `*Owner:* <@${p.ownerId}>${p.backupOwnerId ? `   *Backup:* <@${p.backupOwnerId}>` : ''}`,
    `*Customer contacts:* ${contacts}`,
    `*Business hours:* ${describeHours(p.businessHours, p.timeZone)}`,
    `*Holidays:* ${describeHolidays(p.businessHours.holidays, localDate(now, p.timeZone))}`,
    `*Internal triage channel:* ${p.triageChannelId ? `<#${p.triageChannelId}>` : '_none_'}`,
    `*Reactions:* :${p.reactions.help}: raises a help request, :${p.reactions.enhancement}: an enhancement`,
    `*First response:* ${describeResponseTargets(p.sla.firstResponse)}`,
    `*Owner updates:* at least every ${describeDuration(p.sla.updateEvery)} while a request is open`,
    `*Resolution:* help requests within ${describeDuration(p.sla.resolution)}`,
    `*Escalation:* ${describeEscalation(p)}`,
    `*Status digest:* ${escapeText(describeSchedule(p.digest, now))}`,
    `*Tags (internal):* ${safeText(describeTags(p.tags), 700)}`,
  ];
  return { text: `Partnership ${safeText(p.accountName, 200)}`, blocks: [section(lines.join('\n'))] };
}

function describeEscalation(p: Partnership): string {
  const { backupAfterNags, finalAfterNags, userId } = p.escalation;
  const target = userId
    ? `<@${userId}>`
    : p.triageChannelId
      ? `<#${p.triageChannelId}>`
      : '_nobody: name someone or choose a triage channel_';
  const reminders = `${backupAfterNags} unanswered reminder${backupAfterNags === 1 ? '' : 's'}`;
  return `to the backup owner after ${reminders}, finally to ${target} after ${finalAfterNags}`;
}

/** '3 listed, next 2026-12-24'; holidays are sorted 'YYYY-MM-DD' strings, so they compare as text. */
function describeHolidays(holidays: string[], today: string): string {
  if (holidays.length === 0) return '_none listed_';
  const next = holidays.find((d) => d >= today);
  return `${holidays.length} listed, ${next ? `next ${next}` : 'none ahead'}`;
}

const localDate = (now: Date, timeZone: string) =>
  DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
