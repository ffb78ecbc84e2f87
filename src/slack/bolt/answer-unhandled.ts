import type { ReceiverEvent } from '@slack/bolt';
import { type AppLogger, errorFields } from '../../logger.js';
import { COMMAND } from '../commands/ids.js';
import { firstInputBlockId } from '../shared/view-state.js';
import { postPrivately } from './answer-privately.js';
import type { RequestKind } from './describe-request.js';

// Customers cannot run slash commands (Slack does not share them): the welcome message's buttons are theirs.
export const BUTTON_GONE =
  `This button is no longer active: it belongs to an earlier version of Rapport. Use the buttons on ` +
  `this channel's pinned welcome message, or, at the vendor, run \`${COMMAND} help\`.`;
export const FORM_GONE = `This form is no longer active. Close it and start again from \`${COMMAND} help\`.`;

interface UnhandledBody {
  response_url?: string;
  view?: { blocks: { type: string; block_id?: string }[] };
}

/**
 * A request no listener took (a button of an old message after an upgrade, a form opened by an earlier
 * version): acknowledged at once instead of Bolt's 404 after 3 s, and the person told it is no longer
 * active (privately through its response_url; a form by an inline error, or closed when it has no input).
 */
export async function answerUnhandled(
  kind: RequestKind,
  body: UnhandledBody,
  ack: ReceiverEvent['ack'],
  logger: AppLogger,
): Promise<void> {
  logger.event('info', 'no listener takes this request: answered as no longer active');
  if (kind === 'view_submission' && body.view) {
    const blockId = firstInputBlockId(body.view);
    await ack(
      blockId
        ? { response_action: 'errors', errors: { [blockId]: FORM_GONE } }
        : { response_action: 'clear' },
    );
    return;
  }
  await ack(kind === 'options' ? { options: [] } : undefined);
  if ((kind === 'block_action' || kind === 'shortcut') && body.response_url) {
    await postPrivately(body.response_url, BUTTON_GONE).catch((error: unknown) =>
      logger.event('warn', 'could not tell the person the button is no longer active', errorFields(error)),
    );
  }
}
