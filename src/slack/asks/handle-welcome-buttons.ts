import type { AllMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AskKind } from '../../domain/asks/ask.js';
import { ASK_LIST_FILTERS } from '../../domain/asks/list-asks.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { buildAskModal } from './ask-modal.js';
import { showAskList } from './show-ask-list.js';

type Args = ButtonArgs & AllMiddlewareArgs<PartnershipContext & ActorContext>;

/** "Ask for help" / "Suggest an improvement": the ask form for anyone in the channel, either side. */
export const handleAskButton =
  (kind: AskKind) =>
  async ({ body, client, context }: ButtonArgs & AllMiddlewareArgs<PartnershipContext>): Promise<void> => {
    const channelId = context.partnership.channelId;
    const view = buildAskModal({ channelId, kind, source: null, authorId: null }, '');
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/** "See open asks": the first page, privately. */
export const handleSeeOpenAsks = async ({ respond, context }: Args): Promise<void> => {
  await showAskList(context, respond, { viewer: context.actor, filter: 'open', skip: 0, replace: false });
};

const pageValue = z.object({ filter: z.enum(ASK_LIST_FILTERS), skip: z.number().int().min(0) });

/** Previous/Next on a private list: the page is replaced in place. */
export const handleListPage = async ({ action, respond, context }: Args): Promise<void> => {
  const page = parseMetadata(action.value ?? '', pageValue);
  if (!page) {
    context.log.event('warn', 'malformed list page button', { value: action.value });
    return;
  }
  await showAskList(context, respond, { viewer: context.actor, ...page, replace: true });
};
