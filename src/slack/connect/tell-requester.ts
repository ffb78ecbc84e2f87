import type { WebClient } from '@slack/web-api';
import { errorFields } from '../../logger.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { MessageContent } from '../shared/blocks.js';

/**
 * Tells the person privately: through the command's response_url (an ephemeral message where they ran
 * `/rapport connect`, valid 30 minutes), or by direct message when there is none or it is refused.
 */
export async function tellRequester(
  deps: Pick<SlackDeps, 'logger'>,
  client: WebClient,
  to: { userId: string; responseUrl: string | null },
  message: MessageContent,
): Promise<void> {
  if (to.responseUrl) {
    try {
      const answer = await fetch(to.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
      });
      if (answer.ok) return;
      deps.logger.event('warn', 'connect: response_url refused the report', { status: answer.status });
    } catch (error) {
      deps.logger.event('warn', 'connect: response_url unreachable', errorFields(error));
    }
  }
  await client.chat.postMessage({ channel: to.userId, ...message });
}
