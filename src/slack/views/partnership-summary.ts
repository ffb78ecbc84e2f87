import type { ContactRole, Partnership } from '../../domain/partnerships/partnership.js';
import { describeHours } from '../render/describe-hours.js';
import { safeText } from '../render/escape.js';
import { type MessageContent, section } from './blocks.js';

export const ROLE_LABELS: Record<ContactRole, string> = {
  champion: 'Champion',
  executive_sponsor: 'Executive sponsor',
  technical: 'Technical contact',
  billing: 'Billing contact',
  end_user: 'End user',
};

/** The partnership's settings, shown privately to whoever asks. */
export function buildPartnershipSummary(p: Partnership): MessageContent {
  const contacts = p.contacts.length
    ? p.contacts.map((c) => `<@${c.userId}> (${ROLE_LABELS[c.role]})`).join(', ')
    : '_none listed yet_';
  const lines = [
    `*${safeText(p.accountName, 200)}* — asks are numbered ${p.refPrefix}-1, ${p.refPrefix}-2, …`,
    `*Owner:* <@${p.ownerId}>${p.backupOwnerId ? `   *Backup:* <@${p.backupOwnerId}>` : ''}`,
    `*Customer contacts:* ${contacts}`,
    `*Business hours:* ${describeHours(p.businessHours, p.timeZone)}`,
    `*Internal triage channel:* ${p.triageChannelId ? `<#${p.triageChannelId}>` : '_none_'}`,
    `*Reactions:* :${p.reactions.help}: raises a help request, :${p.reactions.enhancement}: an enhancement`,
  ];
  return { text: `Partnership ${safeText(p.accountName, 200)}`, blocks: [section(lines.join('\n'))] };
}
