/**
 * Rapport in Socket Mode end to end: the real app, started with an app-level token, connects to the fake
 * Slack's Socket Mode server and gets commands, clicks, submissions and events as envelopes.
 *
 * What takes real time: Bolt's Socket Mode client waits `clientPingTimeout` (5 s) before each reconnect,
 * and Bolt's App passes no setting for it to the client (only a hand-built SocketModeReceiver takes one),
 * so the two tests that reconnect take about 5 s each; the rest run in well under a second. Only the embedded store: the transport is the subject, the stores are covered by
 * the HTTP suites.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriverUser, RecordedCall, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS } from '../../src/slack/asks/ids.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import {
  buttonValue,
  modalOpenedAfter,
  openModalByCommand,
  raiseHelpRequest,
  replyThrough,
  setUpAcme,
} from '../support/flows.js';
import { channels, type Harness, people, startHarness } from '../support/rapport-harness.js';
import { tempDataDir } from '../support/stores.js';
import { waitFor } from '../support/wait-for.js';

describe('Socket Mode end to end', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness({ dataDir: tempDataDir() }, { socketMode: true });
  });
  afterEach(async () => {
    expect(h.fake.violations).toEqual([]);
    expect(h.fake.socketMode.unacknowledged).toBe(0); // none lost
    await h.stop();
  });

  const socket = () => h.fake.socketMode;
  const connectionsOpened = () => h.fake.callsTo('apps.connections.open').length;
  const react = (user: DriverUser, ts: string, eventId: string, retryNum?: number) =>
    h.driver.reaction({
      user,
      channelId: channels.shared,
      ts,
      name: 'ticket',
      eventId,
      ...(retryNum === undefined ? {} : { retryNum }),
    });
  const customerMessage = (text: string) =>
    h.driver.userMessage({ user: people.carol, channelId: channels.shared, text });
  const cardsInThreadOf = (ts: string) =>
    h.fake.callsTo('chat.postMessage').filter((c: RecordedCall) => c.args.thread_ts === ts);
  const askCount = async () => {
    const partnership = await h.rapport.store.partnerships.findByChannel(channels.shared);
    return (await h.rapport.store.asks.list({ partnershipId: partnership?.id ?? '' }, { limit: 9, skip: 0 }))
      .total;
  };
  const helpCommand = async () => {
    const { responseUrl } = await h.driver.command({
      user: people.alice,
      channelId: channels.shared,
      text: 'help',
    });
    return replyThrough(h, responseUrl);
  };

  it('connects with the app-level token and answers a slash command privately, acked over the socket', async () => {
    const open = h.fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toMatch(/^xapp-/);
    expect(socket().openConnections).toBe(1);

    const reply = await helpCommand();
    expect(reply.args.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.args.blocks)).toContain('/rapport setup');
    expect(socket().sent).toEqual([
      expect.objectContaining({ type: 'slash_commands', accepts_response_payload: true, retry_attempt: 0 }),
    ]);
    expect(socket().acks.map((a) => a.envelope_id)).toEqual(socket().sent.map((e) => e.envelope_id));
  });

  it('keeps a modal open with inline errors from the ack payload, then takes a valid submission', async () => {
    const view = await openModalByCommand(h, people.alice, 'setup');
    const valid = {
      [SETUP_BLOCKS.accountName]: { [INPUT]: 'Acme Corp' },
      [SETUP_BLOCKS.backupOwnerId]: { [INPUT]: people.bob.id },
      [SETUP_BLOCKS.champion]: { [INPUT]: [people.carol.id] },
      [SETUP_BLOCKS.technical]: { [INPUT]: [people.dave.id] },
      [SETUP_BLOCKS.triageChannelId]: { [INPUT]: channels.triage },
    };
    const bad = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { ...valid, [SETUP_BLOCKS.backupOwnerId]: { [INPUT]: people.carol.id } },
    });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { [SETUP_BLOCKS.backupOwnerId]: 'The backup owner must be someone at your company.' },
    });
    expect(socket().acks.at(-1)?.payload).toMatchObject({ response_action: 'errors' });
    expect(h.fake.openModals()).toHaveLength(1); // kept open, the input still in it
    expect(await h.rapport.store.partnerships.findByChannel(channels.shared)).toBeNull();

    const good = await h.driver.viewSubmission({ user: people.alice, view, values: valid });
    expect(good.body).toBe('');
    expect(h.fake.openModals()).toHaveLength(0);
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('is set up'));
    expect(await h.rapport.store.partnerships.findByChannel(channels.shared)).toMatchObject({
      accountName: 'Acme Corp',
    });
    const submissions = socket().sent.filter((e) => e.payload.type === 'view_submission');
    expect(submissions.map((e) => e.type)).toEqual(['interactive', 'interactive']);
  });

  it('opens a form from a button click on an ask card', async () => {
    await setUpAcme(h);
    await raiseHelpRequest(h, people.alice, 'Export fails', 'high');
    const card = h.fake
      .messagesIn(channels.shared)
      .find((m: StoredMessage) => String(m.text).startsWith('ACME-1 ')) as StoredMessage;
    const before = h.fake.callsTo('views.open').length;
    const click = await h.driver.blockAction({
      user: people.bob,
      channelId: channels.shared,
      message: card,
      actions: [{ action_id: ASK_ACTIONS.update, value: buttonValue(card, ASK_ACTIONS.update) }],
    });
    expect(click.body).toBe('');
    const form = await modalOpenedAfter(h, before);
    expect(form.callback_id).toBeTruthy();
    expect(socket().sent.at(-1)?.payload).toMatchObject({
      type: 'block_actions',
      trigger_id: click.triggerId,
    });
  });

  it('handles a reaction once when Slack retries it (retry_attempt)', async () => {
    await setUpAcme(h);
    const message = await customerMessage('Our nightly sync fails\nsince Tuesday');
    await react(people.dave, message.ts, 'Ev0SOCKET1');
    await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === message.ts);
    await react(people.dave, message.ts, 'Ev0SOCKET1', 1);
    await h.rapport.settled();

    expect(
      socket()
        .sent.filter((e) => e.type === 'events_api')
        .map((e) => e.retry_attempt),
    ).toEqual([0, 0, 1]);
    expect(cardsInThreadOf(message.ts)).toHaveLength(1);
    expect(await askCount()).toBe(1);
  });

  it('acknowledges an envelope Slack could not have sent, once, with one warning and no error', async () => {
    // A slash command with no user, team or response_url: refused before Bolt reads it.
    const ack = await socket().deliver('slash_commands', { command: '/rapport', text: 'help' });
    expect(ack.payload?.response_action).toBeUndefined();
    expect(h.logs.filter((l) => l.includes('malformed request refused'))).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes('"level":"error"'))).toEqual([]);
    expect(await helpCommand()).toBeDefined(); // the connection still serves
  });

  it('reconnects after the socket drops mid-stream: the unacknowledged envelope comes again and is handled once, none is lost', async () => {
    await setUpAcme(h);
    const message = await customerMessage('Webhooks arrive twice');
    socket().dropConnectionOnNextAck(); // the app handles the reaction; its ack is lost with the connection
    const reaction = react(people.dave, message.ts, 'Ev0DROPPED');
    await waitFor('the connection to drop', () => socket().openConnections === 0);
    const command = h.driver.command({ user: people.alice, channelId: channels.shared, text: 'help' });

    const [reacted, commanded] = await Promise.all([reaction, command]); // ~5 s: Bolt's reconnect delay
    expect(reacted.status).toBe(200);
    expect(connectionsOpened()).toBe(1); // a new one (setUpAcme cleared the record of the first)
    expect(socket().connectionsAccepted).toBe(2);
    const sent = socket().sent.map((e) => [e.type, e.retry_attempt]);
    expect(sent).toEqual([
      ['events_api', 0], // the user's message
      ['events_api', 0], // the reaction, its ack lost
      ['events_api', 1], // the reaction again after the reconnect (the order within one write is kept)
      ['slash_commands', 0], // sent while no connection was open: delivered after the reconnect
    ]);
    await h.rapport.settled();
    expect(cardsInThreadOf(message.ts)).toHaveLength(1);
    expect(await askCount()).toBe(1);
    expect(h.logs.filter((l) => l.includes('duplicate event delivery skipped'))).toHaveLength(1);
    await replyThrough(h, commanded.responseUrl);
    expect(h.fake.callsTo('response_url')).toHaveLength(1);
  });

  it('reconnects when Slack asks for a refresh (disconnect), delivering what came in meanwhile', async () => {
    socket().announceDisconnect('refresh_requested');
    await waitFor('the old connection to close', () => socket().openConnections === 0);
    const reply = await helpCommand(); // ~5 s: Bolt's reconnect delay
    expect(reply.args.response_type).toBe('ephemeral');
    expect(connectionsOpened()).toBe(2);
    expect(socket().connectionsAccepted).toBe(2);
  });
});
