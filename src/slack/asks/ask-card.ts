import type { KnownBlock } from '@slack/types';
import { type Ask, KIND_LABELS } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import { context, type MessageContent, mrkdwn } from '../shared/blocks.js';
import { slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { askButtons } from './ask-buttons.js';

/** The one living status card of an ask in the shared channel. Public data only: no internal notes. */
export interface GroupFacts {
  /** How many customers (partnerships) asked for the same change. */
  customers: number;
  /** Distinct people who +1'd it across all of them. */
  voters: number;
}

export function buildAskCard(ask: Ask, group: GroupFacts | null = null): MessageContent {
  const { content } = ask;
  const fields = [
    `*Status*\n${STATUS_LABELS[ask.status]}`,
    `*Owner*\n<@${ask.ownerId}>`,
    `*Raised by*\n<@${ask.requester.userId}>`,
    `*Raised*\n${slackDate(ask.createdAt)}`,
  ];
  if (content.urgency) fields.push(`*Urgency*\n${content.urgency}`);
  if (content.dueDate)
    fields.push(`*${ask.kind === 'enhancement' ? 'Wanted by' : 'Due'}*\n${content.dueDate}`);
  if (ask.promisedDate)
    fields.push(`*Promised for*\n${ask.promisedDate}${promiseChanged(ask) ? ' (changed)' : ''}`);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: mrkdwn(`*${ask.ref}* · ${KIND_LABELS[ask.kind]}\n*${safeText(content.title, 300)}*`),
    },
  ];
  if (content.details) blocks.push({ type: 'section', text: mrkdwn(safeText(content.details, 2900)) });
  blocks.push({ type: 'section', fields: fields.map(mrkdwn) });
  const added = ask.history.filter((h) => h.action === 'details');
  if (added.length > 0) {
    const last = added.at(-1) as (typeof added)[number];
    blocks.push(
      context(
        `Details added (${added.length}), latest by <@${last.by.userId}>: ${safeText(last.note ?? '', 2000)}`,
      ),
    );
  }
  const latest = ask.history.filter((h) => h.note && h.action !== 'details').at(-1);
  if (latest?.note) blocks.push(context(`Latest update: ${safeText(latest.note, 2500)}`));
  if (ask.voters.length > 0) {
    blocks.push(
      context(
        `Wanted by ${ask.voters.length}: ${ask.voters
          .slice(0, 20)
          .map((v) => `<@${v.userId}>`)
          .join(', ')}${ask.voters.length > 20 ? ', …' : ''}`,
      ),
    );
  }
  if (group && group.customers > 1) {
    blocks.push(
      context(
        `The same change was asked for by ${group.customers} customers; ${group.voters} people want it in all.`,
      ),
    );
  }
  const buttons = askButtons(ask, ['update', 'take', 'vote', 'addDetails', 'withdraw']);
  if (buttons) blocks.push(buttons);
  return { text: `${ask.ref} ${safeText(content.title, 200)} (${STATUS_LABELS[ask.status]})`, blocks };
}

const promiseChanged = (ask: Ask) => ask.history.filter((h) => h.action === 'promised_date').length > 1;
