import type { Clock } from '../../domain/ports.js';
import type { CommandArgs } from '../commands/command-args.js';
import { permalinkOf } from '../shared/permalink.js';
import { APPROVAL_LIST_LIMIT, buildApprovalList } from './approval-list.js';

/** `/rapport approvals`: the channel's sign-offs, pending first, privately. */
export const showApprovals =
  (clock: Clock) =>
  async ({ command, respond, client, context }: CommandArgs): Promise<void> => {
    const { approvals } = context.workspace.repositories;
    const found = await approvals.listByChannel(command.channel_id, APPROVAL_LIST_LIMIT + 1);
    const shown = found.slice(0, APPROVAL_LIST_LIMIT);
    const listed = await Promise.all(
      shown.map(async (approval) => {
        const card = approval.card && { channel: approval.card.channelId, ts: approval.card.ts };
        return { approval, permalink: await permalinkOf(client, card) };
      }),
    );
    const message = buildApprovalList(listed, found.length > shown.length, clock.now());
    await respond({ response_type: 'ephemeral', ...message });
  };
