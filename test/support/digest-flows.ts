/** The steps of a digest posted by hand (`/rapport digest`'s private preview, its Post now) and reading it. */
import type {
  DriverUser,
  EphemeralMessage,
  StoredMessage,
} from '../../src/playground/slack-simulator/index.js';
import { DIGEST_ACTIONS } from '../../src/slack/digests/ids.js';
import { channels, type Harness, people } from './rapport-harness.js';

/** The private message to `user` containing `text`, once the work in progress has settled. */
export async function ephemeralTo(h: Harness, user: DriverUser, text: string): Promise<EphemeralMessage> {
  await h.rapport.settled();
  const found = h.fake.ephemeralsTo(user.id).find((e) => JSON.stringify(e).includes(text));
  if (!found) throw new Error(`no ephemeral to ${user.id} containing ${text}`);
  return found;
}

/** `user` (Alice) runs `/rapport digest` in `channelId` (the shared channel): the preview they alone see. */
export async function digestPreview(
  h: Harness,
  user: DriverUser = people.alice,
  channelId: string = channels.shared,
): Promise<EphemeralMessage> {
  const before = h.fake.ephemeralsTo(user.id).length;
  await h.driver.command({ user, channelId, text: 'digest' });
  await h.rapport.settled();
  const preview = h.fake
    .ephemeralsTo(user.id)
    .slice(before)
    .find((e) => JSON.stringify(e.blocks).includes(DIGEST_ACTIONS.postNow));
  if (!preview) throw new Error(`no digest preview in ${channelId}`);
  return preview;
}

/** `user` clicks the preview's Post now; resolves once the work it started has settled. */
export async function clickPostNow(
  h: Harness,
  preview: EphemeralMessage,
  user: DriverUser = people.alice,
  channelId: string = channels.shared,
) {
  await h.driver.blockAction({
    user,
    channelId,
    message: { ts: preview.message_ts, text: preview.text, blocks: preview.blocks },
    isEphemeral: true,
    actions: [{ action_id: DIGEST_ACTIONS.postNow }],
  });
  await h.rapport.settled();
}

/** The preview and Post now in a partnership's channel: both digests posted. */
export async function postDigestsNow(h: Harness, user: DriverUser, channelId: string): Promise<void> {
  await clickPostNow(h, await digestPreview(h, user, channelId), user, channelId);
}

/** The latest digest titled `title` ('Status digest', 'Internal digest') posted in `channel`. */
export const digestIn = (h: Harness, channel: string, title: string): StoredMessage | undefined =>
  h.fake
    .messagesIn(channel)
    .filter((m) => JSON.stringify(m.blocks).includes(title))
    .at(-1);

/** The texts of a digest's headers, sections and context lines, in order (buttons left out). */
export const digestTexts = (m: StoredMessage | undefined): string[] =>
  (m?.blocks ?? []).flatMap((block) => {
    const b = block as { type: string; text?: { text: string }; elements?: { text?: string }[] };
    if (b.type === 'context') return b.elements?.map((e) => e.text ?? '') ?? [];
    return b.text ? [b.text.text] : [];
  });

/** A digest's list whose heading starts with `heading` ('*Incidents', '*Announcements'), or undefined. */
export const digestList = (m: StoredMessage | undefined, heading: string): string | undefined =>
  digestTexts(m).find((t) => t.startsWith(heading));
