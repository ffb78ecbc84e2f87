import type { AllMiddlewareArgs } from '@slack/bolt';
import {
  cancelAnnouncement,
  confirmAnnouncement,
  type DecideDeps,
} from '../../app/announcements/decide-announcement.js';
import type { Announcement } from '../../domain/announcements/announcement.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { mention } from '../shared/mention.js';
import { buildCustomerMessage, buildSignOffRequest, cancelButton } from './announcement-message.js';
import { describeScheduled } from './schedule-notice.js';

export type AnnounceButtonArgs = ButtonArgs & AllMiddlewareArgs<ActorContext>;
type Args = AnnounceButtonArgs;

export const idOf = (body: Args['body']) => body.actions[0]?.value ?? '';
const GONE = 'This announcement no longer exists.';

export const decideDeps = (deps: SlackDeps, context: ActorContext): DecideDeps => ({
  announcements: context.workspace.repositories.announcements,
  clock: deps.clock,
  settings: deps.announcementSettings,
});

/** Why the button did nothing, privately, leaving the message as it was. */
export async function refuse(
  respond: Args['respond'],
  error: { code: 'not_found' } | { message: string },
): Promise<void> {
  const text = 'message' in error ? error.message : GONE;
  await respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** Sends it (or tells its owners of the hold window) at once when that is what its schedule says. */
export async function startIfDue(deps: SlackDeps, context: ActorContext, a: Announcement): Promise<void> {
  const { due } = describeScheduled(a, deps.clock.now());
  if (due || a.holdUntil !== null) await deps.sendAnnouncements(context.workspace);
}

/**
 * Send (or Schedule): confirmed by its sender, then sent at once when it is due. One that needs a sign-off
 * is put to the colleague named first; if they cannot be asked, it is a draft again.
 */
export const handleSendAnnouncement =
  (deps: SlackDeps) =>
  async ({ body, client, respond, context }: Args): Promise<void> => {
    const result = await confirmAnnouncement(decideDeps(deps, context), {
      actor: context.actor,
      id: idOf(body),
    });
    if (!result.ok) return refuse(respond, result.error);
    const a = result.value;
    if (a.notifyChannel) {
      deps.logger.event('info', 'announcement confirmed with @channel', {
        announcement: a.id,
        by: context.actor.userId,
        at: deps.clock.now().toISOString(),
      });
    }
    if (a.state === 'awaiting_signoff' && a.signOff) {
      await askForSignOff(context, client, a);
      const text = `*${safeText(a.title, 150)}* waits for ${mention(a.signOff.approverId)}’s sign-off. You can cancel it until it is sent.`;
      await respond({ replace_original: true, text, blocks: [section(text), cancelButton(a.id)] });
      return;
    }
    const { text, due } = describeScheduled(a, deps.clock.now());
    const blocks = due ? [section(text)] : [section(text), cancelButton(a.id)];
    await respond({ replace_original: true, text, blocks });
    await startIfDue(deps, context, a);
  };

async function askForSignOff(context: ActorContext, client: Args['client'], a: Announcement): Promise<void> {
  const { announcements, partnerships } = context.workspace.repositories;
  const ids = new Set(a.partnershipIds);
  const targets = (await partnerships.listAll()).filter((p) => ids.has(p.id));
  try {
    await client.chat.postMessage({
      channel: a.signOff?.approverId ?? '',
      ...buildSignOffRequest(a, targets),
    });
  } catch (error) {
    await announcements.transition(a.id, ['awaiting_signoff'], 'draft');
    throw error;
  }
}

/** Cancel: until sending starts. */
export const handleCancelAnnouncement =
  (deps: SlackDeps) =>
  async ({ body, respond, context }: Args): Promise<void> => {
    const result = await cancelAnnouncement(decideDeps(deps, context), {
      actor: context.actor,
      id: idOf(body),
    });
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
