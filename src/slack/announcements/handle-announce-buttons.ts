import type { AllMiddlewareArgs } from '@slack/bolt';
import {
  cancelAnnouncement,
  confirmAnnouncement,
  type DecideError,
} from '../../app/announcements/decide-announcement.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { buildCustomerMessage, cancelButton, describeLocalTime } from './announcement-message.js';

type Args = ButtonArgs & AllMiddlewareArgs<ActorContext>;

const idOf = (body: Args['body']) => body.actions[0]?.value ?? '';
const GONE = 'This announcement no longer exists.';

/** Why the button did nothing, privately, leaving the preview as it was. */
async function refuse(respond: Args['respond'], error: DecideError): Promise<void> {
  const text = error.code === 'not_found' ? GONE : error.message;
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** Send (or Schedule): confirmed by its sender, then sent at once when it is due. */
export const handleSendAnnouncement =
  (deps: SlackDeps) =>
  async ({ body, respond, context }: Args): Promise<void> => {
    const { repositories } = context.workspace;
    const result = await confirmAnnouncement(
      { announcements: repositories.announcements, clock: deps.clock },
      { actor: context.actor, id: idOf(body) },
    );
    if (!result.ok) return refuse(respond, result.error);
    const a = result.value;
    const title = safeText(a.title, 150);
    const due = (a.sendAt?.getTime() ?? 0) <= deps.clock.now().getTime();
    if (due) {
      await respond({
        replace_original: true,
        text: `Sending *${title}* now. I will tell you here what it reached.`,
      });
    } else {
      const when = describeLocalTime(a.sendAt as Date, a.timeZone);
      const text = `*${title}* is scheduled for ${when}. You can cancel it until then.`;
      await respond({ replace_original: true, text, blocks: [section(text), cancelButton(a.id)] });
    }
    if (due) await deps.sendAnnouncements(context.workspace);
  };

/** Cancel: until sending starts. */
export const handleCancelAnnouncement =
  (deps: SlackDeps) =>
  async ({ body, respond, context }: Args): Promise<void> => {
    const { repositories } = context.workspace;
    const result = await cancelAnnouncement(
      { announcements: repositories.announcements, clock: deps.clock },
      { actor: context.actor, id: idOf(body) },
    );
    if (!result.ok) return refuse(respond, result.error);
    await respond({
      replace_original: true,
      text: `Cancelled *${safeText(result.value.title, 150)}*: nothing was sent.`,
    });
  };

/** Send me a test: the message exactly as customers will see it, in the sender's own DM only. */
export const handleTestAnnouncement = async ({ body, client, respond, context }: Args): Promise<void> => {
  const announcement = await context.workspace.repositories.announcements.findById(idOf(body));
  if (announcement === null || announcement.createdBy !== context.actor.userId) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: GONE });
    return;
  }
  await client.chat.postMessage({ channel: context.actor.userId, ...buildCustomerMessage(announcement) });
};
