import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { DIGEST_ACTIONS } from '../../src/slack/digests/ids.js';
import type { Harness } from './rapport-harness.js';

/** `/rapport digest` in a partnership's channel, then **Post now** on its preview: both digests posted. */
export async function postDigestsNow(h: Harness, user: DriverUser, channelId: string): Promise<void> {
  const before = h.fake.ephemeralsTo(user.id).length;
  await h.driver.command({ user, channelId, text: 'digest' });
  await h.rapport.settled();
  const preview = h.fake
    .ephemeralsTo(user.id)
    .slice(before)
    .find((e) => JSON.stringify(e.blocks).includes(DIGEST_ACTIONS.postNow));
  if (!preview) throw new Error(`no digest preview in ${channelId}`);
  await h.driver.blockAction({
    user,
    channelId,
    message: { ts: preview.message_ts, text: preview.text, blocks: preview.blocks },
    isEphemeral: true,
    actions: [{ action_id: DIGEST_ACTIONS.postNow }],
  });
  await h.rapport.settled();
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
