import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { approvalRequestForm } from './request-form.js';

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
