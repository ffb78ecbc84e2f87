import { signOffAnnouncement } from '../../app/announcements/sign-off-announcement.js';
import type { Verdict } from '../../domain/approvals/approval.js';
import type { SlackDeps } from '../bolt/deps.js';
import { section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { mention } from '../shared/mention.js';
import { cancelButton } from './announcement-message.js';
import { type AnnounceButtonArgs, decideDeps, idOf, refuse, startIfDue } from './handle-announce-buttons.js';
import { describeScheduled } from './schedule-notice.js';

/**
 * Approve or Decline, in the colleague's sign-off DM: their DM shows what they decided, and the sender is
 * told by DM (approved: when it goes, with Cancel; declined: that nothing was sent).
 */
export const handleSignOff =
  (deps: SlackDeps, verdict: Verdict) =>
  async ({ body, client, respond, context }: AnnounceButtonArgs): Promise<void> => {
    const result = await signOffAnnouncement(decideDeps(deps, context), {
      actor: context.actor,
      id: idOf(body),
      verdict,
    });
    if (!result.ok) return refuse(respond, result.error);
    const a = result.value;
    const title = safeText(a.title, 150);
    const by = mention(context.actor.userId);
    if (verdict === 'approved') {
      const { text } = describeScheduled(a, deps.clock.now());
      const told = `${by} signed off *${title}*. ${text}`;
      await client.chat.postMessage({
        channel: a.createdBy,
        text: told,
        blocks: [section(told), cancelButton(a.id)],
      });
      await respond({ replace_original: true, text: `You approved *${title}*.` });
      await startIfDue(deps, context, a);
      return;
    }
    await client.chat.postMessage({
      channel: a.createdBy,
      text: `${by} declined *${title}*: it was not sent.`,
    });
    await respond({ replace_original: true, text: `You declined *${title}*: it will not be sent.` });
  };
