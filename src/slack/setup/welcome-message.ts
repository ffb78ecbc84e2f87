import type { Partnership } from '../../domain/partnerships/partnership.js';
import { context, header, type MessageContent, plain, section } from '../shared/blocks.js';
import { describeResponseTargets } from '../shared/describe-duration.js';
import { describeHours } from '../shared/describe-hours.js';
import { safeText, truncate } from '../shared/escape.js';
import { WELCOME_ACTIONS } from './ids.js';

/**
 * The message pinned in the shared channel: what Rapport does here and how to ask. The customer reads
 * it, so it promises response times but keeps escalation (who gets reminded) internal.
 */
export function buildWelcomeMessage(p: Partnership): MessageContent {
  const account = safeText(p.accountName, 120);
  const backup = p.backupOwnerId ? ` (backup: <@${p.backupOwnerId}>)` : '';
  return {
    text: `Rapport is now looking after the partnership with ${account}.`,
    blocks: [
      header(`Welcome, ${truncate(p.accountName, 120)}`),
      section(
        `This channel is where *${account}* and our team work together. Rapport keeps track of every ` +
          'request here so that nothing goes unanswered: each one gets an owner, a visible status and updates ' +
          'until it is done.',
      ),
      section(
        `*Your main contact:* <@${p.ownerId}>${backup}\n` +
          `*We answer during:* ${describeHours(p.businessHours, p.timeZone)}\n` +
          `We aim to answer ${describeResponseTargets(p.sla.firstResponse)}.`,
      ),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: WELCOME_ACTIONS.askForHelp,
            text: plain('Ask for help'),
            style: 'primary',
          },
          {
            type: 'button',
            action_id: WELCOME_ACTIONS.suggestImprovement,
            text: plain('Suggest an improvement'),
          },
          { type: 'button', action_id: WELCOME_ACTIONS.seeOpenAsks, text: plain('See open asks') },
          { type: 'button', action_id: WELCOME_ACTIONS.askForApproval, text: plain('Ask for approval') },
        ],
      },
      context(
        `Everyone in this channel can use these buttons, or react to any message with :${p.reactions.help}: (help) or :${p.reactions.enhancement}: (improvement). Each request gets a status card here that shows every change. *Ask for approval* asks named people on both sides to approve a decision by a due time.`,
      ),
    ],
  };
}
