import type { Partnership } from '../../domain/partnerships/partnership.js';
import { describeHours } from '../render/describe-hours.js';
import { safeText, truncate } from '../render/escape.js';
import { context, header, type MessageContent, section } from './blocks.js';

/** The message pinned in the shared channel: what Rapport does here and how to ask. */
export function buildWelcomeMessage(p: Partnership): MessageContent {
  const account = safeText(p.accountName, 120);
  const backup = p.backupOwnerId ? ` (backup: <@${p.backupOwnerId}>)` : '';
  return {
    text: `Rapport is now looking after the partnership with ${p.accountName}.`,
    blocks: [
      header(`Welcome, ${truncate(p.accountName, 120)}`),
      section(
        `This channel is where *${account}* and our team work together. Rapport keeps track of every ` +
          'request here so that nothing goes unanswered: each one gets an owner, a visible status and updates ' +
          'until it is done.',
      ),
      section(
        `*Your main contact:* <@${p.ownerId}>${backup}\n` +
          `*We answer during:* ${describeHours(p.businessHours, p.timeZone)}`,
      ),
      context(
        'Requests, ideas and sign-offs can be raised right here; Rapport will post their status in this channel.',
      ),
    ],
  };
}
