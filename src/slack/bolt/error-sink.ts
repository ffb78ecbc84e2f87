import { randomBytes } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';
import { errorFields } from '../../logger.js';
import { postPrivately } from './answer-privately.js';
import type { RapportContext } from './rapport-context.js';

/** A short reference the user can quote and an operator can grep for in the logs. */
export const newErrorRef = () => `E-${randomBytes(3).toString('hex').toUpperCase()}`;

export const apologyText = (ref: string) =>
  `Sorry, something went wrong on our side and your last action may not have gone through. ` +
  `Please try again in a moment. (reference ${ref})`;

/** Bolt's extended error handler arguments (the type is not exported; it is the last overload of app.error). */
type ExtendedErrorArgs = Parameters<Parameters<App['error']>[0]>[0];

interface PayloadBody {
  response_url?: string;
  user_id?: string;
  channel_id?: string;
  user?: { id?: string };
  channel?: { id?: string };
  type?: string;
}

/**
 * Every listener error ends here: logged with context (on the request's logger when it has one), and the
 * waiting user gets an apology, never a stack (and the request is marked failed, so TracedApp does not
 * take it for one nobody listens to). The apology goes out with the request's own workspace client: with
 * distribution, `app.client` has no token.
 */
export function registerErrorSink(app: App, logger: AppLogger): void {
  app.error(async ({ error, body, context }: ExtendedErrorArgs) => {
    const ref = newErrorRef();
    const rapport = context as Partial<RapportContext> | undefined;
    rapport?.markFailed?.();
    const log = rapport?.log ?? logger;
    const b = (body ?? {}) as PayloadBody;
    log.event('error', 'listener failed', {
      ref,
      payloadType: b.type ?? (b.user_id ? 'slash_command' : undefined),
      teamId: context?.teamId,
      userId: b.user_id ?? b.user?.id,
      ...errorFields((error as { original?: unknown }).original ?? error),
    });
    try {
      await tellUser(rapport?.workspace?.client ?? app.client, b, apologyText(ref));
    } catch (notifyError) {
      log.event('warn', 'could not tell the user about a failure', { ref, ...errorFields(notifyError) });
    }
  });
}

async function tellUser(client: WebClient, body: PayloadBody, text: string): Promise<void> {
  if (body.response_url) return postPrivately(body.response_url, text);
  const user = body.user_id ?? body.user?.id;
  if (!user) return;
  const channel = body.channel_id ?? body.channel?.id;
  if (channel) await client.chat.postEphemeral({ channel, user, text });
  else await client.chat.postMessage({ channel: user, text });
}
