import { describe, expect, it } from 'vitest';
import type { DriverUser, StoredMessage, StoredView } from '../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS, ASK_BLOCKS, UPDATE_BLOCKS } from '../../src/slack/asks/ids.js';
import { FEEDBACK_ACTIONS, FEEDBACK_BLOCKS } from '../../src/slack/feedback/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import {
  buttonValue,
  harnessForEachTest,
  modalOpenedAfter,
  openModalByCommand,
  setUpAcme,
  shareTriageChannel,
  textsPostedTo,
} from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storedAsksInChannel } from '../support/stored-asks.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds())('asks end to end ($name store)', (kind) => {
  let h: Harness;

  harnessForEachTest(kind, async (started) => {
    h = started;
    await setUpAcme(h);
  });

  const card = (ref: string) =>
    h.fake
      .messagesIn(channels.shared)
      .find((m: StoredMessage) => String(m.text).startsWith(`${ref} `)) as StoredMessage;

  async function raiseHelp(text = 'Export fails\nThe CSV export times out after 30 s') {
    const view = await openModalByCommand(h, people.alice, `ask ${text}`);
    const res = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [ASK_BLOCKS.urgency]: { [INPUT]: 'high' } },
    });
    expect(res.body).toBe('');
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('this is now'));
    return view;
  }

  async function clickUpdate(user: DriverUser, ref: string) {
    const before = h.fake.callsTo('views.open').length;
    const message = card(ref);
    await h.driver.blockAction({
      user,
      channelId: channels.shared,
      message,
      actions: [
        {
          action_id: ASK_ACTIONS.update,
          value: buttonValue(message, ASK_ACTIONS.update),
        },
      ],
    });
    return before;
  }

  async function openUpdate(user: DriverUser, ref: string): Promise<StoredView> {
    const before = await clickUpdate(user, ref);
    return modalOpenedAfter(h, before);
  }

  it('records a help request from /rapport ask: pre-filled form, numbered card in the channel, private thanks', async () => {
    const view = await raiseHelp();
    const blockValue = (id: string) =>
      (
        view.blocks.find((b: { block_id: string }) => b.block_id === id) as {
          element: { initial_value?: string };
        }
      ).element.initial_value;
    expect(blockValue(ASK_BLOCKS.title)).toBe('Export fails');
    expect(blockValue(ASK_BLOCKS.details)).toBe('The CSV export times out after 30 s');

    const posted = card('ACME-1');
    expect(JSON.stringify(posted.blocks)).toContain('*ACME-1* · Help request');
    expect(JSON.stringify(posted.blocks)).toContain('Open');
    expect(JSON.stringify(posted.blocks)).toContain('high');
    const [ask] = await storedAsksInChannel(h.rapport.store, channels.shared);
    expect(ask).toMatchObject({
      ref: 'ACME-1',
      status: 'open',
      ownerId: people.alice.id,
      card: { channelId: channels.shared, ts: posted.ts },
    });
  });

  it('walks a status change: card edited in place, requester told in the thread, internal note never in the shared channel', async () => {
    await raiseHelp();
    const update = await openUpdate(people.bob, 'ACME-1');
    expect(update.blocks.map((b: { block_id: string }) => b.block_id)).toContain(UPDATE_BLOCKS.internalNote);
    const res = await h.driver.viewSubmission({
      user: people.bob,
      view: update,
      values: {
        [UPDATE_BLOCKS.status]: { [INPUT]: 'in_progress' },
        [UPDATE_BLOCKS.note]: { [INPUT]: 'We found the slow query and are fixing it.' },
        [UPDATE_BLOCKS.internalNote]: {
          [INPUT]: 'SECRET: the index on exports was dropped by the migration',
        },
      },
    });
    expect(res.body).toBe('');
    const reply = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === card('ACME-1').ts);
    expect(reply.args.text).toContain(`<@${people.alice.id}> *ACME-1* is now *In progress*.`);
    expect(reply.args.text).toContain('We found the slow query');
    await h.fake.waitForCall('chat.update');
    expect(JSON.stringify(card('ACME-1').blocks)).toContain('In progress');
    expect(
      h.fake
        .callsTo('chat.postMessage')
        .filter((c) => c.args.channel === channels.shared && !c.args.thread_ts),
    ).toHaveLength(1);
    expect(textsPostedTo(h, channels.shared).filter((t) => t.includes('SECRET'))).toEqual([]);

    // The internal side: a mirror in the triage channel carries the internal note, in its thread too.
    await h.rapport.settled();
    const mirror = h.fake
      .messagesIn(channels.triage)
      .find((m: StoredMessage) => String(m.text).startsWith('[internal] ACME-1 '));
    expect(JSON.stringify(mirror?.blocks)).toContain('SECRET: the index on exports was dropped');
    expect(JSON.stringify(mirror?.blocks)).toContain('In progress');
    const threadNote = h.fake.messagesIn(channels.triage, { threadTs: mirror?.ts as string })[0];
    expect(threadNote?.text).toContain('Internal note on *ACME-1*: SECRET');

    await h.restart();
    const again = await openUpdate(people.bob, 'ACME-1');
    const statusOptions = (
      again.blocks.find((b: { block_id: string }) => b.block_id === UPDATE_BLOCKS.status) as {
        element: { options: { value: string }[] };
      }
    ).element.options.map((o) => o.value);
    expect(statusOptions).toEqual(['in_progress', 'waiting_on_customer', 'resolved']);
  });

  it('refuses illegal transitions inline and customer-side status changes privately', async () => {
    await raiseHelp();
    const stale = await openUpdate(people.alice, 'ACME-1'); // opened while the ask is still open
    const update = await openUpdate(people.bob, 'ACME-1');
    await h.driver.viewSubmission({
      user: people.bob,
      view: update,
      values: { [UPDATE_BLOCKS.status]: { [INPUT]: 'resolved' } },
    });
    await h.fake.waitForCall('chat.update');
    const forged = await h.driver.viewSubmission({
      user: people.alice,
      view: stale,
      values: { [UPDATE_BLOCKS.status]: { [INPUT]: 'waiting_on_customer' } },
    });
    expect(forged.body).toEqual({
      response_action: 'errors',
      errors: { [UPDATE_BLOCKS.status]: 'ACME-1 can’t go from Resolved to Waiting on customer.' },
    });

    const views = h.fake.callsTo('views.open').length;
    await clickUpdate(people.carol, 'ACME-1');
    const refusal = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.user === people.carol.id);
    expect(refusal.args.text).toContain('Only the vendor team can change the status of *ACME-1*');
    expect(h.fake.callsTo('views.open')).toHaveLength(views);
  });

  it('plans an enhancement only with a promised date, and shows the promise on the card', async () => {
    const view = await openModalByCommand(h, people.alice, 'idea Bulk export');
    const missing = await h.driver.viewSubmission({ user: people.alice, view, values: {} });
    expect(missing.body).toMatchObject({
      response_action: 'errors',
      errors: { [ASK_BLOCKS.details]: expect.any(String) },
    });
    await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [ASK_BLOCKS.details]: { [INPUT]: 'Finance exports 40 reports by hand each month' } },
    });
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('ACME-1'));
    expect(JSON.stringify(card('ACME-1').blocks)).toContain('Enhancement');

    const update = await openUpdate(people.alice, 'ACME-1');
    const noDate = await h.driver.viewSubmission({
      user: people.alice,
      view: update,
      values: { [UPDATE_BLOCKS.status]: { [INPUT]: 'planned' } },
    });
    expect(noDate.body).toMatchObject({
      errors: { [UPDATE_BLOCKS.promisedDate]: 'Planned work needs a promised date.' },
    });
    await h.driver.viewSubmission({
      user: people.alice,
      view: update,
      values: {
        [UPDATE_BLOCKS.status]: { [INPUT]: 'planned' },
        [UPDATE_BLOCKS.promisedDate]: { [INPUT]: '2026-12-15' },
      },
    });
    const reply = await h.fake.waitForCall('chat.postMessage', (c) => Boolean(c.args.thread_ts));
    expect(reply.args.text).toContain('*ACME-1* is now *Planned*. Promised for *2026-12-15*.');
    expect(JSON.stringify(card('ACME-1').blocks)).toContain('Promised for*\\n2026-12-15');
  });

  it('asks the customer with /rapport need; the contact who owes it can update it but sees no internal note field', async () => {
    const view = await openModalByCommand(h, people.bob, 'need A reference call with your CFO');
    await h.driver.viewSubmission({
      user: people.bob,
      view,
      values: { [ASK_BLOCKS.contactId]: { [INPUT]: people.carol.id } },
    });
    await h.fake.waitForCall('chat.postEphemeral', (c) =>
      String(c.args.text).includes(`owned by <@${people.carol.id}>`),
    );
    const update = await openUpdate(people.carol, 'ACME-1');
    expect(update.blocks.map((b: { block_id: string }) => b.block_id)).not.toContain(
      UPDATE_BLOCKS.internalNote,
    );
    await h.driver.viewSubmission({
      user: people.carol,
      view: update,
      values: {
        [UPDATE_BLOCKS.status]: { [INPUT]: 'resolved' },
        [UPDATE_BLOCKS.note]: { [INPUT]: 'Booked for Tuesday' },
      },
    });
    const reply = await h.fake.waitForCall('chat.postMessage', (c) => Boolean(c.args.thread_ts));
    expect(reply.args.text).toContain(`<@${people.bob.id}> *ACME-1* is now *Resolved*.`);
  });

  it('points to setup when asked in a channel that is not a partnership', async () => {
    const res = await h.driver.command({
      user: people.alice,
      channelId: channels.triage,
      text: 'ask help me',
    });
    const reply = await h.fake.waitForCall('response_url');
    expect(res.status).toBe(200);
    expect(reply.args.text).toContain('isn’t a Rapport partnership yet');
  });

  async function click(user: DriverUser, ref: string, actionId: string) {
    const message = card(ref);
    const askId = buttonValue(message, actionId);
    await h.driver.blockAction({
      user,
      channelId: channels.shared,
      message,
      actions: [{ action_id: actionId, value: askId }],
    });
    await h.rapport.settled();
  }

  it('lets the vendor side take an ask, announces the new owner once, and refuses customers privately', async () => {
    await raiseHelp();
    await click(people.bob, 'ACME-1', ASK_ACTIONS.take);
    const news = await h.fake.waitForCall('chat.postMessage', (c) => Boolean(c.args.thread_ts));
    expect(news.args.text).toContain(`*ACME-1* is now owned by <@${people.bob.id}>.`);
    expect(JSON.stringify(card('ACME-1').blocks)).toContain(`*Owner*\\n<@${people.bob.id}>`);
    await click(people.bob, 'ACME-1', ASK_ACTIONS.take); // double click
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts)).toHaveLength(1);

    await click(people.carol, 'ACME-1', ASK_ACTIONS.take);
    const refusal = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.user === people.carol.id);
    expect(refusal.args.text).toBe('Only people at the vendor can own a request.');
  });

  it('counts +1s on an enhancement once per person, from both sides, and lists the voters', async () => {
    const view = await openModalByCommand(h, people.alice, 'idea Saved filters');
    await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [ASK_BLOCKS.details]: { [INPUT]: 'Analysts rebuild the same filter daily' } },
    });
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('ACME-1'));
    await click(people.carol, 'ACME-1', ASK_ACTIONS.vote);
    await click(people.carol, 'ACME-1', ASK_ACTIONS.vote);
    await click(people.bob, 'ACME-1', ASK_ACTIONS.vote);
    const blocks = JSON.stringify(card('ACME-1').blocks);
    expect(blocks).toContain('+1 (2)');
    expect(blocks).toContain(`Wanted by 2: <@${people.carol.id}>, <@${people.bob.id}>`);
  });

  it('lets only the requester withdraw, and says so in the thread', async () => {
    await raiseHelp();
    await click(people.bob, 'ACME-1', ASK_ACTIONS.withdraw);
    const refusal = await h.fake.waitForCall('chat.postEphemeral', (c) => c.args.user === people.bob.id);
    expect(refusal.args.text).toBe(`Only <@${people.alice.id}>, who raised ACME-1, can withdraw it.`);
    await click(people.alice, 'ACME-1', ASK_ACTIONS.withdraw);
    const news = await h.fake.waitForCall('chat.postMessage', (c) => Boolean(c.args.thread_ts));
    expect(news.args.text).toContain('*ACME-1* is now *Withdrawn*.');
    expect(JSON.stringify(card('ACME-1').blocks)).not.toContain(ASK_ACTIONS.withdraw);
  });

  it('withholds the internal mirror if the triage channel has since been shared with another organisation', async () => {
    shareTriageChannel(h);
    await raiseHelp();
    await h.rapport.settled();
    expect(h.fake.messagesIn(channels.triage)).toEqual([]);
    expect(h.logs.some((l) => l.includes('internal mirror withheld'))).toBe(true);
  });

  it('asks the requester privately for a rating when a help request is resolved, and records it with a comment', async () => {
    await raiseHelp();
    const update = await openUpdate(people.bob, 'ACME-1');
    await h.driver.viewSubmission({
      user: people.bob,
      view: update,
      values: { [UPDATE_BLOCKS.status]: { [INPUT]: 'resolved' } },
    });
    const dm = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === people.alice.id);
    expect(dm.args.text).toBe('*ACME-1* was resolved. How did we do?');
    const question = h.fake.message(String(dm.response.channel), String(dm.response.ts)) as StoredMessage;

    await h.driver.blockAction({
      user: people.bob,
      channelId: String(dm.response.channel),
      message: question,
      actions: [
        {
          action_id: FEEDBACK_ACTIONS.bad,
          value: buttonValue(question, FEEDBACK_ACTIONS.bad),
        },
      ],
    });
    await h.rapport.settled();
    const askId = buttonValue(question, FEEDBACK_ACTIONS.good);
    expect(await h.rapport.store.feedback.findByAsk(askId)).toMatchObject({ rating: null });

    await h.driver.blockAction({
      user: people.alice,
      channelId: String(dm.response.channel),
      message: question,
      actions: [{ action_id: FEEDBACK_ACTIONS.good, value: askId }],
    });
    await h.rapport.settled();
    expect(await h.rapport.store.feedback.findByAsk(askId)).toMatchObject({
      rating: 'good',
      userId: people.alice.id,
    });
    const thanks = h.fake.message(String(dm.response.channel), String(dm.response.ts)) as StoredMessage;
    expect(thanks.text).toBe('Thanks for rating *ACME-1* as good.');

    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user: people.alice,
      channelId: String(dm.response.channel),
      message: thanks,
      actions: [{ action_id: FEEDBACK_ACTIONS.comment, value: askId }],
    });
    const opened = await modalOpenedAfter(h, before);
    await h.driver.viewSubmission({
      user: people.alice,
      view: opened,
      values: { [FEEDBACK_BLOCKS.comment]: { [INPUT]: 'Quick and clear' } },
    });
    expect(await h.rapport.store.feedback.findByAsk(askId)).toMatchObject({
      rating: 'good',
      comment: 'Quick and clear',
    });
    await h.rapport.settled();
    expect(
      (h.fake.message(String(dm.response.channel), String(dm.response.ts)) as StoredMessage).text,
    ).toContain('We got your comment too.');

    // Reopened and resolved again: no second survey for the same ask.
    const reopen = await openUpdate(people.bob, 'ACME-1');
    await h.driver.viewSubmission({
      user: people.bob,
      view: reopen,
      values: { [UPDATE_BLOCKS.status]: { [INPUT]: 'open' } },
    });
    await h.rapport.settled();
    const again = await openUpdate(people.bob, 'ACME-1');
    await h.driver.viewSubmission({
      user: people.bob,
      view: again,
      values: { [UPDATE_BLOCKS.status]: { [INPUT]: 'resolved' } },
    });
    await h.rapport.settled();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === people.alice.id)).toHaveLength(
      1,
    );
  });

  it('reassigns from the update form to another vendor-side person, never to a customer', async () => {
    await raiseHelp();
    const update = await openUpdate(people.alice, 'ACME-1');
    const toCustomer = await h.driver.viewSubmission({
      user: people.alice,
      view: update,
      values: { [UPDATE_BLOCKS.ownerId]: { [INPUT]: people.carol.id } },
    });
    expect(toCustomer.body).toEqual({
      response_action: 'errors',
      errors: { [UPDATE_BLOCKS.ownerId]: 'The owner must be someone at your company.' },
    });
    await h.driver.viewSubmission({
      user: people.alice,
      view: update,
      values: { [UPDATE_BLOCKS.ownerId]: { [INPUT]: people.bob.id } },
    });
    const news = await h.fake.waitForCall('chat.postMessage', (c) => c.args.thread_ts === card('ACME-1').ts);
    expect(news.args.text).toContain(`*ACME-1* is now owned by <@${people.bob.id}>.`);
  });
});
