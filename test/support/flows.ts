import { afterEach, beforeEach, expect } from 'vitest';
import type {
  DriverUser,
  RecordedCall,
  StoredMessage,
  StoredView,
} from '../../src/playground/slack-simulator/index.js';
import { ASK_BLOCKS } from '../../src/slack/asks/ids.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { channels, type Harness, type HarnessOptions, people, startHarness } from './rapport-harness.js';
import type { StoreKind } from './stores.js';
import { TestClock } from './test-clock.js';

/**
 * For each test: the app on a fresh store of `kind` (on `clock` when given); afterwards no Block Kit
 * violation, and everything stopped. `use` receives each test's harness, and may set things up.
 */
export function harnessForEachTest(
  kind: StoreKind,
  use: (h: Harness) => void | Promise<void>,
  clock?: () => TestClock,
  options: HarnessOptions = {},
) {
  let h: Harness | null = null;
  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    h = await startHarness(kind.freshLocation(), { ...options, ...(clock ? { clock: clock() } : {}) });
    await use(h);
  });
  afterEach(async () => {
    if (!h) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
    h = null;
  });
}

/**
 * The same with Acme set up and the clock at `startAt`. `use` receives each test's harness and clock.
 */
export function acmeForEachTest(
  kind: StoreKind,
  startAt: string,
  use: (h: Harness, clock: TestClock) => void,
  options: HarnessOptions = {},
) {
  let clock = new TestClock(startAt);
  harnessForEachTest(
    kind,
    async (h) => {
      use(h, clock);
      await setUpAcme(h);
    },
    () => {
      clock = new TestClock(startAt);
      return clock;
    },
    options,
  );
}

/** `/rapport ask <title>` by `user` with the urgency chosen, through the form, until its card is posted. */
export async function raiseHelpRequest(h: Harness, user: DriverUser, title: string, urgency: string) {
  const view = await openModalByCommand(h, user, `ask ${title}`);
  await h.driver.viewSubmission({ user, view, values: { [ASK_BLOCKS.urgency]: { [INPUT]: urgency } } });
  await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('this is now'));
  await h.rapport.settled();
}

/** Runs a command that opens a modal and returns the view Slack shows. */
export async function openModalByCommand(
  h: Harness,
  user: DriverUser,
  text: string,
  channelId = channels.shared,
) {
  const before = h.fake.callsTo('views.open').length;
  await h.driver.command({ user, channelId, text });
  return modalOpenedAfter(h, before);
}

/** The first modal opened after the first `before` views.open calls: count them before the click or command. */
export async function modalOpenedAfter(h: Harness, before: number): Promise<StoredView> {
  const opened = await h.fake.waitForCall(
    'views.open',
    (c) => h.fake.callsTo('views.open').indexOf(c) >= before,
  );
  return opened.response.view as StoredView;
}

/**
 * Sets up the shared channel as the 'Acme Corp' partnership through the real setup flow, then clears
 * the fake's record so tests see only their own calls. Returns the pinned welcome message.
 */
export async function setUpAcme(h: Harness): Promise<StoredMessage> {
  return setUpPartnership(h, channels.shared, 'Acme Corp');
}

/** The same flow for any channel and account name. */
export async function setUpPartnership(
  h: Harness,
  channelId: string,
  accountName: string,
): Promise<StoredMessage> {
  const view = await openModalByCommand(h, people.alice, 'setup', channelId);
  await h.driver.viewSubmission({
    user: people.alice,
    view,
    values: {
      [SETUP_BLOCKS.accountName]: { [INPUT]: accountName },
      [SETUP_BLOCKS.backupOwnerId]: { [INPUT]: people.bob.id },
      [SETUP_BLOCKS.champion]: { [INPUT]: [people.carol.id] },
      [SETUP_BLOCKS.technical]: { [INPUT]: [people.dave.id] },
      [SETUP_BLOCKS.triageChannelId]: { [INPUT]: channels.triage },
    },
  });
  await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('is set up'));
  const welcome = h.fake.messagesIn(channelId)[0] as StoredMessage;
  h.fake.reset();
  return welcome;
}

/** Every Web API call that put text into a channel (messages, edits, ephemerals), as JSON. */
export function textsPostedTo(h: Harness, channel: string): string[] {
  return h.fake.calls
    .filter((c: RecordedCall) => ['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(c.method))
    .filter((c) => c.args.channel === channel)
    .map((c) => JSON.stringify(c.args));
}

/** The value of a message's button (Rapport puts the ask or feedback id there), found by action_id. */
export function buttonValue(message: StoredMessage, actionId: string): string {
  const value = (message.blocks as { elements?: { action_id?: string; value?: string }[] }[] | undefined)
    ?.flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === actionId)?.value;
  if (value === undefined) throw new Error(`no button ${actionId} on message ${message.ts}`);
  return value;
}

/** Someone at the vendor shares the triage channel with another organisation after setup. */
export function shareTriageChannel(h: Harness): void {
  const members = [people.alice.id, people.bob.id];
  h.fake.addChannel({ id: channels.triage, name: 'acme-triage', isExtShared: true, members });
}

/** The private answer sent through an interaction's response URL (commands, button clicks). */
export function replyThrough(h: Harness, responseUrl: string | undefined): Promise<RecordedCall> {
  return h.fake.waitForCall('response_url', (c) =>
    Boolean(responseUrl?.endsWith(`/${String(c.args.responseUrlId)}`)),
  );
}

/** Runs `/rapport <text>` as `user` and resolves to its private answer. */
export async function commandReply(
  h: Harness,
  user: DriverUser,
  text: string,
  channelId = channels.shared,
): Promise<RecordedCall> {
  const { responseUrl } = await h.driver.command({ user, channelId, text });
  return replyThrough(h, responseUrl);
}
