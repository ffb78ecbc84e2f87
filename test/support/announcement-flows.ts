import type { StateValuesInput, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ANNOUNCE_ACTIONS } from '../../src/slack/announcements/ids.js';
import { openModalByCommand } from './flows.js';
import { type Harness, people } from './rapport-harness.js';

/**
 * Alice writes an announcement (or an incident) in `channelId` with the form's `values`, and clicks
 * **Send** on the preview Rapport DMs her; returns once both requests have settled.
 */
export async function announceAndSend(h: Harness, channelId: string, values: StateValuesInput) {
  const user = people.alice;
  const view = await openModalByCommand(h, user, 'announce', channelId);
  await h.driver.viewSubmission({ user, view, values });
  await h.rapport.settled();
  const preview = h.fake.dmsTo(user.id).at(-1) as StoredMessage;
  await h.driver.blockAction({
    user,
    channelId: preview.channel,
    message: preview,
    actions: [{ action_id: ANNOUNCE_ACTIONS.send }],
  });
  await h.rapport.settled();
}
