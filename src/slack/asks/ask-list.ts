import type { KnownBlock } from '@slack/types';
import type { AskSummary } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import type { AskListFilter } from '../../domain/asks/list-asks.js';
import { context, type MessageContent, plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { ASK_ACTIONS } from './ids.js';

export const LIST_PAGE_SIZE = 10;

const FILTER_LABELS: Record<AskListFilter, string> = {
  open: 'Open asks',
  mine: 'Asks you raised',
  all: 'All asks',
};

/** A private, paginated list of a partnership's asks, newest first; well inside the 50-block limit. */
export function buildAskList(
  filter: AskListFilter,
  asks: AskSummary[],
  total: number,
  skip: number,
): MessageContent {
  const heading = `*${FILTER_LABELS[filter]}* (${total})`;
  if (total === 0)
    return { text: `${FILTER_LABELS[filter]}: none`, blocks: [section(`${heading}\nNothing here yet.`)] };
  const lines = asks.map(
    (a) => `• *${a.ref}* ${safeText(a.title, 120)} — ${STATUS_LABELS[a.status]}, owner <@${a.ownerId}>`,
  );
  const blocks: KnownBlock[] = [section(`${heading}\n${lines.join('\n')}`)];
  const shown = `Showing ${skip + 1}–${skip + asks.length} of ${total}`;
  const buttons = [
    ...(skip > 0
      ? [pageButton(ASK_ACTIONS.listPrevious, 'Previous', filter, Math.max(0, skip - LIST_PAGE_SIZE))]
      : []),
    ...(skip + asks.length < total
      ? [pageButton(ASK_ACTIONS.listNext, 'Next', filter, skip + LIST_PAGE_SIZE)]
      : []),
  ];
  blocks.push(context(shown));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: `${FILTER_LABELS[filter]} (${total})`, blocks };
}

const pageButton = (actionId: string, label: string, filter: AskListFilter, skip: number) => ({
  type: 'button' as const,
  action_id: actionId,
  text: plain(label),
  value: JSON.stringify({ filter, skip }),
});
