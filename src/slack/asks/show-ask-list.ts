import type { RespondFn } from '@slack/bolt';
import type { Actor } from '../../domain/actors.js';
import { type AskListFilter, listAsks } from '../../domain/asks/list-asks.js';
import type { SlackDeps } from '../bolt/deps.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { buildAskList, LIST_PAGE_SIZE } from './ask-list.js';

/** Answers privately with one page of the channel's asks; `replace` swaps the page in place. */
export async function showAskList(
  deps: SlackDeps,
  respond: RespondFn,
  request: { channelId: string; viewer: Actor; filter: AskListFilter; skip: number; replace: boolean },
): Promise<void> {
  const partnership = await deps.repositories.partnerships.findByChannel(request.channelId);
  if (!partnership) {
    await respond({ response_type: 'ephemeral', ...buildNotSetUpHint() });
    return;
  }
  const { asks, total } = await listAsks(deps.repositories.asks, {
    partnershipId: partnership.id,
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
