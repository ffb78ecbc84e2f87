import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { AskKind } from '../../domain/asks/ask.js';
import { ASK_LIST_FILTERS } from '../../domain/asks/list-asks.js';
import type { SlackDeps } from '../bolt/deps.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { buildAskModal } from './ask-modal.js';
import { showAskList } from './show-ask-list.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** "Ask for help" / "Suggest an improvement": the ask form for anyone in the channel, either side. */
export const handleAskButton =
  (deps: SlackDeps, kind: AskKind) =>
  async ({ ack, body, client, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const partnership = body.channel
      ? await deps.repositories.partnerships.findByChannel(body.channel.id)
      : null;
    if (!partnership) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...buildNotSetUpHint() });
      return;
    }
    const view = buildAskModal({ channelId: partnership.channelId, kind, source: null, authorId: null }, '');
    await client.views.open({ trigger_id: body.trigger_id, view });
  };

/** "See open asks": the first page, privately. */
export const handleSeeOpenAsks =
  (deps: SlackDeps) =>
  async ({ ack, body, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const viewer = await deps.directory.actor(body.user.id, body.user.team_id);
    await showAskList(deps, respond, {
      channelId: body.channel?.id ?? '',
      viewer,
      filter: 'open',
      skip: 0,
      replace: false,
    });
  };

const pageValue = z.object({ filter: z.enum(ASK_LIST_FILTERS), skip: z.number().int().min(0) });

/** Previous/Next on a private list: the page is replaced in place. */
export const handleListPage =
  (deps: SlackDeps) =>
  async ({ ack, body, action, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const page = parseMetadata(action.value ?? '', pageValue);
    if (!page) {
      deps.logger.event('warn', 'malformed list page button', { value: action.value });
      return;
    }
    const viewer = await deps.directory.actor(body.user.id, body.user.team_id);
    await showAskList(deps, respond, {
      channelId: body.channel?.id ?? '',
      viewer,
      ...page,
      replace: true,
    });
  };
