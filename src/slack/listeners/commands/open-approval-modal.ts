import { approvalRequestForm } from '../../approvals/request-form.js';
import type { SlackDeps } from '../../deps.js';
import { buildNotSetUpHint } from '../../views/not-set-up-hint.js';
import type { CommandArgs } from './handle-rapport-command.js';

/** `/rapport approval [title]`: the sign-off request form, pre-filled with the title. */
export async function openApprovalModal(
  deps: SlackDeps,
  { command, respond, client }: CommandArgs,
  rest: string,
): Promise<void> {
  const view = await approvalRequestForm(deps, command.channel_id, rest);
  if (!view) {
    await respond({ response_type: 'ephemeral', ...buildNotSetUpHint() });
    return;
  }
  await client.views.open({ trigger_id: command.trigger_id, view });
}
