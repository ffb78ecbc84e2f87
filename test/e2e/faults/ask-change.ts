/**
 * One change of an ask and everything it must show, for the fault tests of effects: ACME-2 (raised by
 * alice, with a card in #acme-vendor and a twin in #acme-triage) is moved to In progress by bob, with a
 * note for the customer and an internal note.
 */
import { expect } from 'vitest';
import type {
  FakeSlack,
  SlackDriver,
  StoredMessage,
  StoredView,
} from '../../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS, ASK_BLOCKS, UPDATE_BLOCKS } from '../../../src/slack/asks/ids.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import { buttonValue, openModalByCommand } from '../../support/flows.js';
import { channels, type Harness, people } from '../../support/rapport-harness.js';

const REF = 'ACME-2';
const TITLE = 'Invoices show the wrong tax';
export const NOTICE = 'is now *In progress*';
const INTERNAL_NOTE = 'INTERNAL: the index was dropped';

/** Raises ACME-2 after setUpTwoPartnerships (which cleared the fake's messages) and waits for its card. */
export async function raiseSecondAsk(h: Harness): Promise<void> {
  const view = await openModalByCommand(h, people.alice, `ask ${TITLE}`, channels.shared);
  await h.driver.viewSubmission({
    user: people.alice,
    view,
    values: { [ASK_BLOCKS.urgency]: { [INPUT]: 'high' } },
  });
  await h.rapport.settled();
  expect(cardOf(h.fake).text).toContain(TITLE);
}

export const cardOf = (fake: FakeSlack) =>
  fake.messagesIn(channels.shared).find((m: StoredMessage) => m.text.startsWith(`${REF} `)) as StoredMessage;
const twinOf = (fake: FakeSlack) =>
  fake
    .messagesIn(channels.triage)
    .find((m: StoredMessage) => m.text.startsWith(`[internal] ${REF} `)) as StoredMessage;
export const noticesIn = (fake: FakeSlack) =>
  fake.messagesIn(channels.shared, { threadTs: cardOf(fake).ts }).filter((m) => m.text.includes(NOTICE));

/** bob opens the update form from the card and saves the change; the form is acknowledged at once. */
export async function changeSecondAsk(fake: FakeSlack, driver: SlackDriver): Promise<void> {
  const opened = fake.callsTo('views.open').length;
  const message = cardOf(fake);
  await driver.blockAction({
    user: people.bob,
    channelId: channels.shared,
    message,
    actions: [{ action_id: ASK_ACTIONS.update, value: buttonValue(message, ASK_ACTIONS.update) }],
  });
  const view = (await fake.waitForCall('views.open', (c) => fake.callsTo('views.open').indexOf(c) >= opened))
    .response.view as StoredView;
  const res = await driver.viewSubmission({
    user: people.bob,
    view,
    values: {
      [UPDATE_BLOCKS.status]: { [INPUT]: 'in_progress' },
      [UPDATE_BLOCKS.note]: { [INPUT]: 'Found it: a slow query.' },
      [UPDATE_BLOCKS.internalNote]: { [INPUT]: INTERNAL_NOTE },
    },
  });
  expect(res.body).toBe('');
}

export const isShown = (fake: FakeSlack) => JSON.stringify(cardOf(fake).blocks).includes('In progress');

/** Everything the change shows, each exactly once, and nothing internal in the shared channel. */
export function expectShownOnce(fake: FakeSlack): void {
  expect(isShown(fake)).toBe(true);
  const notices = noticesIn(fake);
  expect(notices).toHaveLength(1);
  expect(notices[0]?.text).toContain('Found it: a slow query.');
  const twin = twinOf(fake);
  expect(JSON.stringify(twin.blocks)).toContain('In progress');
  const notes = fake
    .messagesIn(channels.triage, { threadTs: twin.ts })
    .filter((m) => m.text.includes(INTERNAL_NOTE));
  expect(notes).toHaveLength(1);
  expect(fake.messagesIn(channels.shared).some((m) => m.text.includes('INTERNAL'))).toBe(false);
}
