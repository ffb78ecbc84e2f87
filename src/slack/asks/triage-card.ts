import type { KnownBlock } from '@slack/types';
import { type Ask, KIND_LABELS } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { SimilarRequest } from '../../similar/similar-requests.js';
import { context, type MessageContent, mrkdwn } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { buildSimilarBlocks } from '../similar/similar-blocks.js';
import { buildIssueBlocks } from '../trackers/issue-blocks.js';
import { askButtons } from './ask-buttons.js';

const NOTES_SHOWN = 5;

/**
 * The ask's internal twin in the vendor-only triage channel: status, who owes what, internal notes, its
 * tracker issue, and other customers' enhancements that may be the same request.
 */
export function buildTriageCard(
  ask: Ask,
  partnership: Pick<Partnership, 'accountName' | 'trackers'>,
  similar: SimilarRequest[],
): MessageContent {
  const header = `*${ask.ref}* · ${KIND_LABELS[ask.kind]} · ${safeText(partnership.accountName, 80)} · *${STATUS_LABELS[ask.status]}*`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: mrkdwn(`${header}\n*${safeText(ask.content.title, 300)}*`) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Owner*\n<@${ask.ownerId}>`),
        mrkdwn(`*Raised by*\n<@${ask.requester.userId}> (${ask.requester.side})`),
        ...(ask.promisedDate ? [mrkdwn(`*Promised for*\n${ask.promisedDate}`)] : []),
        ...(ask.content.urgency ? [mrkdwn(`*Urgency*\n${ask.content.urgency}`)] : []),
      ],
    },
  ];
  const notes = ask.internalNotes.slice(-NOTES_SHOWN);
  if (notes.length > 0) {
    const lines = notes.map((n) => `• <@${n.by.userId}>: ${safeText(n.text, 2800 / NOTES_SHOWN)}`);
    const older = ask.internalNotes.length - notes.length;
    blocks.push({
      type: 'section',
      text: mrkdwn(`*Internal notes*${older > 0 ? ` (${older} older not shown)` : ''}\n${lines.join('\n')}`),
    });
  }
  blocks.push(context('Internal: only your team sees this. Nothing here is posted in the shared channel.'));
  blocks.push(...buildIssueBlocks(ask, partnership));
  const buttons = askButtons(ask, ['update', 'take']);
  if (buttons) blocks.push(buttons);
  blocks.push(...buildSimilarBlocks(ask, similar));
  return {
    text: `[internal] ${ask.ref} ${safeText(ask.content.title, 200)} (${STATUS_LABELS[ask.status]})`,
    blocks,
  };
}
