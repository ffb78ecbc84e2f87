import { describe, expect, it } from 'vitest';
import type { DriverUser, StoredMessage, StoredView } from '../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS, ASK_BLOCKS, ASK_SHORTCUTS, DETAILS_BLOCKS } from '../../src/slack/asks/ids.js';
import { SETUP_BLOCKS, WELCOME_ACTIONS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import {
  buttonValue,
  commandReply,
  harnessForEachTest,
  modalOpenedAfter,
  openModalByCommand,
  setUpAcme,
} from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storedAsksInChannel } from '../support/stored-asks.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds())('customer-side capture and listing ($name store)', (kind) => {
  let h: Harness;
  let welcome: StoredMessage;

  harnessForEachTest(kind, async (started) => {
    h = started;
    welcome = await setUpAcme(h);
  });

  async function clickOn(message: StoredMessage, user: DriverUser, actionId: string, value?: string) {
    return h.driver.blockAction({
      user,
      channelId: channels.shared,
      message,
      actions: [{ action_id: actionId, ...(value ? { value } : {}) }],
    });
  }

  async function customerAsks(user: DriverUser, title: string) {
    const before = h.fake.callsTo('views.open').length;
    await clickOn(welcome, user, WELCOME_ACTIONS.askForHelp);
    const opened = await modalOpenedAfter(h, before);
    const res = await h.driver.viewSubmission({
      user,
      view: opened,
      values: { [ASK_BLOCKS.title]: { [INPUT]: title } },
    });
    expect(res.body).toBe('');
    await h.fake.waitForCall(
      'chat.postEphemeral',
      (c) => String(c.args.text).includes('this is now') && String(c.args.text).includes('ACME-'),
    );
  }

  it('lets a customer-side user ask for help from the welcome message buttons', async () => {
    expect(JSON.stringify(welcome.blocks)).toContain(WELCOME_ACTIONS.askForHelp);
    await customerAsks(people.carol, 'SSO login loops <!here>');
    const card = h.fake
      .messagesIn(channels.shared)
      .find((m: StoredMessage) => String(m.text).startsWith('ACME-1 ')) as StoredMessage;
    expect(JSON.stringify(card.blocks)).toContain(`<@${people.carol.id}>`);
    expect(JSON.stringify(card.blocks)).toContain('&lt;!here&gt;');
    expect(JSON.stringify(card.blocks)).not.toContain('<!here>');
    const thanks = h.fake.callsTo('chat.postEphemeral').at(-1);
    expect(thanks?.args.user).toBe(people.carol.id);
    const asks = await storedAsksInChannel(h.rapport.store, channels.shared);
    expect(asks[0]?.requester).toEqual({
      userId: people.carol.id,
      teamId: people.carol.teamId,
      side: 'customer',
    });
  });

  it('lists open asks privately from the button, ten per page, with working Next and Previous', async () => {
    for (let i = 1; i <= 12; i++) await customerAsks(i % 2 ? people.carol : people.dave, `Question ${i}`);
    await clickOn(welcome, people.dave, WELCOME_ACTIONS.seeOpenAsks);
    const first = await h.fake.waitForCall('response_url', (c) =>
      String(c.args.text).startsWith('Open asks'),
    );
    expect(first.args).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Open asks (12)',
    });
    const firstText = JSON.stringify(first.args.blocks);
    expect(firstText).toContain('*ACME-12* Question 12');
    expect(firstText).not.toContain('*ACME-2* ');
    expect(firstText).toContain('Showing 1–10 of 12');

    const listMessage = {
      ts: '0',
      text: String(first.args.text),
      blocks: first.args.blocks,
    } as unknown as StoredMessage;
    await clickOn(
      listMessage,
      people.dave,
      ASK_ACTIONS.listNext,
      JSON.stringify({ filter: 'open', skip: 10 }),
    );
    const second = await h.fake.waitForCall('response_url', (c) => c.args.replace_original === true);
    expect(JSON.stringify(second.args.blocks)).toContain('Showing 11–12 of 12');
    expect(JSON.stringify(second.args.blocks)).toContain('*ACME-1* Question 1');
    expect(JSON.stringify(second.args.blocks)).toContain(ASK_ACTIONS.listPrevious);
  });

  it('answers /rapport list mine with only the viewer’s asks, and explains a wrong filter', async () => {
    await customerAsks(people.carol, 'From Carol');
    const view = await openModalByCommand(h, people.alice, 'ask From Alice');
    await h.driver.viewSubmission({ user: people.alice, view });
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('ACME-2'));

    const reply = await commandReply(h, people.alice, 'list mine', channels.shared);
    expect(JSON.stringify(reply.args.blocks)).toContain('From Alice');
    expect(JSON.stringify(reply.args.blocks)).not.toContain('From Carol');

    const usage = await commandReply(h, people.alice, 'list everything', channels.shared);
    expect(usage.args.text).toContain('/rapport list open');
  });

  const react = (
    user: DriverUser,
    name: string,
    channelId: string,
    ts: string,
    eventId?: string,
    retryNum?: number,
  ) =>
    h.driver.reaction({
      user,
      channelId,
      ts,
      name,
      ...(eventId ? { eventId } : {}),
      ...(retryNum ? { retryNum } : {}),
    });

  it('raises a customer message as a help request when someone reacts with :ticket:, once, despite retries and second reactions', async () => {
    const message = await h.driver.userMessage({
      user: people.carol,
      channelId: channels.shared,
      text: 'Our nightly sync fails <!channel>\nsince Tuesday, every run',
    });
    const first = await react(people.dave, 'ticket', channels.shared, message.ts, 'Ev0TICKET1');
    expect(first.status).toBe(200);
    const cardPost = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === message.ts);
    expect(cardPost.args.text).toContain('ACME-1 Our nightly sync fails &lt;!channel&gt;');
    const thanks = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.user === people.dave.id);
    expect(thanks.args.text).toContain('Raised *ACME-1*');

    await react(people.dave, 'ticket', channels.shared, message.ts, 'Ev0TICKET1', 1); // Slack's retry
    await react(people.alice, 'ticket', channels.shared, message.ts, 'Ev0TICKET2'); // another person
    await react(people.alice, 'thumbsup', channels.shared, message.ts, 'Ev0THUMBS1'); // not ours
    await h.rapport.settled();
    const asks = await storedAsksInChannel(h.rapport.store, channels.shared);
    expect(asks).toHaveLength(1);
    expect(asks[0]).toMatchObject({
      kind: 'help',
      ref: 'ACME-1',
      requester: { userId: people.carol.id, side: 'customer' },
      content: { title: 'Our nightly sync fails <!channel>', details: 'since Tuesday, every run' },
      source: { channelId: channels.shared, messageTs: message.ts },
    });
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === message.ts)).toHaveLength(1);
    expect(
      h.logs.some((l) => l.includes('duplicate event delivery skipped') && l.includes('Ev0TICKET1')),
    ).toBe(true);
  });

  it('raises an enhancement with :bulb:, and hints at setup in a channel that is not a partnership', async () => {
    const message = await h.driver.userMessage({
      user: people.carol,
      channelId: channels.shared,
      text: 'Could exports include the cost centre?',
    });
    await react(people.carol, 'bulb', channels.shared, message.ts);
    const cardPost = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === message.ts);
    expect(JSON.stringify(cardPost.args.blocks)).toContain('Enhancement');

    const internal = await h.driver.userMessage({
      user: people.alice,
      channelId: channels.triage,
      text: 'note to self',
    });
    await react(people.alice, 'ticket', channels.triage, internal.ts);
    const hint = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.channel === channels.triage);
    expect(hint.args.text).toContain('isn’t a Rapport partnership yet');
  });

  it('turns any message into an ask with the "Raise as request" shortcut, kind chosen in the form, once', async () => {
    const message = await h.driver.userMessage({
      user: people.carol,
      channelId: channels.shared,
      text: 'Dashboards should load under 2 s\nOurs take 9 s',
    });
    const stored = h.fake.message(channels.shared, message.ts) as StoredMessage;
    await h.driver.messageShortcut({
      user: people.alice,
      channelId: channels.shared,
      callbackId: ASK_SHORTCUTS.raise,
      message: stored,
    });
    const opened = await h.fake.waitForCall('views.open');
    const view = opened.response.view as StoredView;
    const initial = (id: string) =>
      (
        view.blocks.find((b: { block_id: string }) => b.block_id === id) as {
          element: { initial_value?: string };
        }
      ).element.initial_value;
    expect(initial(ASK_BLOCKS.title)).toBe('Dashboards should load under 2 s');

    await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [ASK_BLOCKS.kind]: { [INPUT]: 'enhancement' } },
    });
    const cardPost = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === message.ts);
    expect(JSON.stringify(cardPost.args.blocks)).toContain('Enhancement');
    expect(JSON.stringify(cardPost.args.blocks)).toContain(`*Raised by*\\n<@${people.carol.id}>`);

    const again = await h.driver.messageShortcut({
      user: people.bob,
      channelId: channels.shared,
      callbackId: ASK_SHORTCUTS.raise,
      message: stored,
    });
    const reply = await h.fake.waitForCall('response_url', (c) =>
      again.responseUrl.endsWith(String(c.args.responseUrlId)),
    );
    expect(reply.args.text).toBe('That message is already tracked as *ACME-1*.');
    expect(h.fake.callsTo('views.open')).toHaveLength(1);
  });

  it('lets a customer add details to an ask from its card; the owner hears of it in the thread', async () => {
    await customerAsks(people.carol, 'Export fails');
    const cardMessage = h.fake
      .messagesIn(channels.shared)
      .find((m: StoredMessage) => String(m.text).startsWith('ACME-1 ')) as StoredMessage;
    const askId = buttonValue(cardMessage, ASK_ACTIONS.addDetails);
    const before = h.fake.callsTo('views.open').length;
    await clickOn(cardMessage, people.dave, ASK_ACTIONS.addDetails, askId);
    const opened = await modalOpenedAfter(h, before);
    const view = opened;
    const blank = await h.driver.viewSubmission({
      user: people.dave,
      view,
      values: { [DETAILS_BLOCKS.text]: { [INPUT]: '   ' } },
    });
    expect(blank.body).toEqual({
      response_action: 'errors',
      errors: { [DETAILS_BLOCKS.text]: 'Write the details to add.' },
    });
    await h.driver.viewSubmission({
      user: people.dave,
      view,
      values: { [DETAILS_BLOCKS.text]: { [INPUT]: 'It also fails for PDF <!here>' } },
    });
    const news = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === cardMessage.ts);
    expect(news.args.text).toContain(`<@${people.alice.id}> <@${people.dave.id}> added details to *ACME-1*:`);
    expect(news.args.text).toContain('It also fails for PDF &lt;!here&gt;');
    await h.rapport.settled();
    expect(JSON.stringify(cardMessage.blocks)).toContain('Details added (1)');
    expect((await h.rapport.store.asks.findById(askId))?.history.at(-1)).toMatchObject({
      action: 'details',
      by: { userId: people.dave.id, side: 'customer' },
      note: 'It also fails for PDF <!here>',
    });
  });

  it('uses the partnership’s own reactions once they are changed in setup', async () => {
    const view = await openModalByCommand(h, people.alice, 'setup');
    const bad = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [SETUP_BLOCKS.helpReaction]: { [INPUT]: 'not an emoji!' } },
    });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { [SETUP_BLOCKS.helpReaction]: 'Use emoji names such as ticket or bulb, without colons.' },
    });
    await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [SETUP_BLOCKS.helpReaction]: { [INPUT]: ':SOS:' } },
    });
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('Saved your changes'));

    const message = await h.driver.userMessage({
      user: people.carol,
      channelId: channels.shared,
      text: 'Everything is down',
    });
    await react(people.carol, 'ticket', channels.shared, message.ts);
    await h.rapport.settled();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === message.ts)).toHaveLength(0);
    await react(people.carol, 'sos', channels.shared, message.ts);
    const cardPost = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === message.ts);
    expect(JSON.stringify(cardPost.args.blocks)).toContain('Help request');
  });

  it('still recognises a retried event delivery after a restart, so the message is raised once', async () => {
    const message = await h.driver.userMessage({
      user: people.carol,
      channelId: channels.shared,
      text: 'Invoices are missing',
    });
    await react(people.dave, 'ticket', channels.shared, message.ts, 'Ev0RESTART1');
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === message.ts);
    await h.restart();
    await react(people.dave, 'ticket', channels.shared, message.ts, 'Ev0RESTART1', 2);
    await h.rapport.settled();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === message.ts)).toHaveLength(1);
    expect(
      h.logs.some((l) => l.includes('duplicate event delivery skipped') && l.includes('Ev0RESTART1')),
    ).toBe(true);
  });
});
