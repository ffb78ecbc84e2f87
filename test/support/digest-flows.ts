/** The steps of a digest posted by hand: `/rapport digest`'s private preview, and its Post now button. */
import type { DriverUser, EphemeralMessage } from '../../src/playground/slack-simulator/index.js';
import { DIGEST_ACTIONS } from '../../src/slack/digests/ids.js';
import { channels, type Harness, people } from './rapport-harness.js';

/** The private message to `user` containing `text`, once the work in progress has settled. */
export async function ephemeralTo(h: Harness, user: DriverUser, text: string): Promise<EphemeralMessage> {
  await h.rapport.settled();
  const found = h.fake.ephemeralsTo(user.id).find((e) => JSON.stringify(e).includes(text));
  if (!found) throw new Error(`no ephemeral to ${user.id} containing ${text}`);
  return found;
}

/** Alice runs `/rapport digest` in the shared channel: the preview she alone sees, with Post now. */
export async function digestPreview(h: Harness): Promise<EphemeralMessage> {
  await h.driver.command({ user: people.alice, channelId: channels.shared, text: 'digest' });
  return ephemeralTo(h, people.alice, 'Post now');
}

/** `user` clicks the preview's Post now; resolves once the work it started has settled. */
export async function clickPostNow(h: Harness, preview: EphemeralMessage, user: DriverUser = people.alice) {
  await h.driver.blockAction({
    user,
    channelId: channels.shared,
    message: { ts: preview.message_ts, text: preview.text, blocks: preview.blocks },
    isEphemeral: true,
    actions: [{ action_id: DIGEST_ACTIONS.postNow }],
  });
  await h.rapport.settled();
}
