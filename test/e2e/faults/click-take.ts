import type {
  DriverUser,
  RecordedCall,
  StoredMessage,
} from '../../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS } from '../../../src/slack/asks/ids.js';
import { buttonValue, replyThrough } from '../../support/flows.js';
import { channels, type Harness } from '../../support/rapport-harness.js';

/** `user` clicks Take on an ask's card in the shared channel; resolves with the private reply. */
export async function clickTake(h: Harness, user: DriverUser, card: StoredMessage): Promise<RecordedCall> {
  const { responseUrl } = await h.driver.blockAction({
    user,
    channelId: channels.shared,
    message: card,
    actions: [{ action_id: ASK_ACTIONS.take, value: buttonValue(card, ASK_ACTIONS.take) }],
  });
  return replyThrough(h, responseUrl);
}
