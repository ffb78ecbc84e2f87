import type { RespondFn } from '@slack/bolt';
import type { Actor } from '../../domain/actors.js';
import { type AskListFilter, listAsks } from '../../domain/asks/list-asks.js';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import { buildAskList, LIST_PAGE_SIZE } from './ask-list.js';

/** Answers privately with one page of the partnership's asks; `replace` swaps the page in place. */
export async function showAskList(
  context: PartnershipContext,
  respond: RespondFn,
  request: { viewer: Actor; filter: AskListFilter; skip: number; replace: boolean },
): Promise<void> {
  const { asks, total } = await listAsks(context.workspace.repositories.asks, {
    partnershipId: context.partnership.id,
    viewer: request.viewer,
    filter: request.filter,
    skip: request.skip,
    limit: LIST_PAGE_SIZE,
  });
  await respond({
    response_type: 'ephemeral',
    replace_original: request.replace,
    ...buildAskList(request.filter, asks, total, request.skip),
  });
}
