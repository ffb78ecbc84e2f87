import { describe, expect, it } from 'vitest';
import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import type { RunningRapport } from '../../src/rapport.js';
import { REASSIGN_BLOCKS, REMINDER_ACTIONS, SNOOZE_BLOCKS } from '../../src/slack/reminders/ids.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import {
  acmeForEachTest,
  modalOpenedAfter,
  openModalByCommand,
  raiseHelpRequest,
  shareTriageChannel,
} from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

// Monday 23 November 2026. Acme's hours are Mon–Fri 09:00–17:00 Europe/Berlin (08:00–16:00 UTC);
// alice (owner) works in Berlin, bob (backup) in New York (14:00–22:00 UTC on Acme's hours).
const MONDAY = '2026-11-23';

describe.each(storeKinds())('nags end to end ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(kind, `${MONDAY}T07:30:00Z`, (started, startedClock) => {
    h = started;
    clock = startedClock;
  });

  const at = (time: string, day = MONDAY) => clock.set(`${day}T${time}:00Z`);
  const sweep = async (rapport: RunningRapport = h.rapport) => {
    await rapport.runJob('reminders');
    await h.rapport.settled();
  };
  const dms = (user: DriverUser) => h.fake.dmsTo(user.id);
  const sharedTexts = () => h.fake.messagesIn(channels.shared).map((m) => JSON.stringify(m));

  const raise = (user: DriverUser, title: string, urgency = 'urgent') =>
    raiseHelpRequest(h, user, title, urgency);

  /** Clicks a button of the reminder item whose text mentions `about` (each item: a section, then its buttons). */
  async function clickOnReminder(user: DriverUser, message: StoredMessage, actionId: string, about: string) {
    const blocks = message.blocks as { elements?: { action_id: string; value: string }[] }[];
    const item = blocks.findIndex((b, i) => b.elements && JSON.stringify(blocks[i - 1]).includes(about));
    const value = blocks[item]?.elements?.find((e) => e.action_id === actionId)?.value;
    expect(value, `${actionId} on ${about}`).toBeDefined();
    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user,
      message,
      channelId: message.channel as string,
      actions: [{ action_id: actionId, value: value as string }],
    });
    return before;
  }

  async function openFromReminder(user: DriverUser, message: StoredMessage, actionId: string, ref: string) {
    return modalOpenedAfter(h, await clickOnReminder(user, message, actionId, ref));
  }

  it('sends the owner one private reminder listing every overdue ask, and nothing to the shared channel', async () => {
    at('08:00');
    await raise(people.alice, 'Checkout is down');
    await raise(people.alice, 'Login fails for everyone');
    const shared = sharedTexts();

    at('08:30'); // not yet due, and the heads-up comes at 80% of the hour
    await sweep();
    expect(dms(people.alice)).toHaveLength(0);

    at('09:05'); // the urgent first-response target (1 business hour) has passed for both
    await sweep();
    expect(dms(people.alice)).toHaveLength(1);
    const reminder = JSON.stringify(dms(people.alice)[0]);
    expect(reminder).toContain('ACME-1');
    expect(reminder).toContain('ACME-2');
    expect(reminder).toContain('overdue by');
    expect(dms(people.bob)).toHaveLength(0);
    expect(sharedTexts()).toEqual(shared);

    await sweep(); // the same minute again: nothing more
    at('10:00'); // the next reminder is two business hours after this one
    await sweep();
    expect(dms(people.alice)).toHaveLength(1);
    expect(sharedTexts()).toEqual(shared);
  });

  it('stops reminding once the owner answers, and starts the update clock', async () => {
    at('08:00');
    await raise(people.alice, 'Checkout is down');
    const card = h.fake
      .messagesIn(channels.shared)
      .find((m) => String(m.text).startsWith('ACME-1')) as StoredMessage;
    at('08:20');
    await h.driver.userMessage({
      user: people.bob,
      channelId: channels.shared,
      text: 'Looking now',
      threadTs: card.ts,
    });
    await h.rapport.settled();
    at('09:05');
    await sweep();
    expect(dms(people.alice)).toHaveLength(0);
    const followUp = await h.rapport.store.followUps.findById(
      `ask:${(await h.rapport.store.asks.findByRef('ACME-1'))[0]?.id}`,
    );
    expect(followUp?.target).toBe('update');
    // the next update is due a business day (8 h) after the reply: Tuesday 08:20 UTC
    expect(followUp?.dueAt?.toISOString()).toBe('2026-11-24T08:20:00.000Z');
  });

  it('holds a reminder until the owner’s working day starts', async () => {
    // Acme moves to New York hours: its business clock runs 14:00–22:00 UTC, while alice works 08:00–16:00 UTC.
    const view = await openModalByCommand(h, people.alice, 'setup');
    await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [SETUP_BLOCKS.timeZone]: { [INPUT]: 'America/New_York' } },
    });
    await h.rapport.settled();
    at('20:00');
    await raise(people.alice, 'Checkout is down');
    at('21:05'); // overdue, but 22:05 in Berlin
    await sweep();
    expect(dms(people.alice)).toHaveLength(0);
    at('07:59', '2026-11-24');
    await sweep();
    expect(dms(people.alice)).toHaveLength(0);
    at('08:00', '2026-11-24');
    await sweep();
    expect(dms(people.alice)).toHaveLength(1);
  });

  it('snoozes and reassigns from the reminder', async () => {
    at('08:00');
    await raise(people.alice, 'Checkout is down');
    await raise(people.alice, 'Login fails for everyone');
    at('09:05');
    await sweep();
    const reminder = dms(people.alice)[0] as StoredMessage;

    const snooze = await openFromReminder(people.alice, reminder, REMINDER_ACTIONS.snooze, 'ACME-1');
    const refused = await h.driver.viewSubmission({
      user: people.alice,
      view: snooze,
      values: { [SNOOZE_BLOCKS.until]: { [INPUT]: 'date' } },
    });
    expect((refused.body as { errors: unknown }).errors).toEqual({ [SNOOZE_BLOCKS.date]: 'Pick the date.' });
    const snoozed = await h.driver.viewSubmission({
      user: people.alice,
      view: snooze,
      values: {
        [SNOOZE_BLOCKS.until]: { [INPUT]: 'tomorrow' },
        [SNOOZE_BLOCKS.reason]: { [INPUT]: 'Waiting for their logs' },
      },
    });
    expect(snoozed.body).toBe('');

    const reassign = await openFromReminder(people.alice, reminder, REMINDER_ACTIONS.reassign, 'ACME-2');
    const wrongSide = await h.driver.viewSubmission({
      user: people.alice,
      view: reassign,
      values: { [REASSIGN_BLOCKS.ownerId]: { [INPUT]: people.carol.id } },
    });
    expect((wrongSide.body as { errors: Record<string, string> }).errors[REASSIGN_BLOCKS.ownerId]).toContain(
      'at your company',
    );
    const moved = await h.driver.viewSubmission({
      user: people.alice,
      view: reassign,
      values: { [REASSIGN_BLOCKS.ownerId]: { [INPUT]: people.bob.id } },
    });
    expect(moved.body).toBe('');
    await h.rapport.settled();
    expect((await h.rapport.store.asks.findByRef('ACME-2'))[0]?.ownerId).toBe(people.bob.id);

    at('15:05'); // bob is at work in New York; alice's ACME-1 is snoozed until tomorrow
    await sweep();
    expect(dms(people.alice)).toHaveLength(1);
    expect(dms(people.bob)).toHaveLength(1);
    expect(JSON.stringify(dms(people.bob)[0])).toContain('ACME-2');
    expect(JSON.stringify(dms(people.bob)[0])).not.toContain('ACME-1');

    at('08:00', '2026-11-24'); // the snooze is over
    await sweep();
    expect(dms(people.alice)).toHaveLength(2);
    expect(JSON.stringify(dms(people.alice)[1])).toContain('ACME-1');
    const ask = (await h.rapport.store.asks.findByRef('ACME-1'))[0];
    const trail = (await h.rapport.store.followUps.findById(`ask:${ask?.id}`))?.trail ?? [];
    expect(trail.map((t) => t.action)).toEqual(['reminded', 'snoozed', 'reminded']);
    expect(trail[1]?.note).toContain('Waiting for their logs');
  });

  it('escalates to the backup owner after two unanswered reminders, in the backup’s working hours', async () => {
    at('08:00');
    await raise(people.alice, 'Checkout is down');
    for (const time of ['09:05', '11:05', '13:05']) {
      at(time);
      await sweep();
    }
    expect(dms(people.alice)).toHaveLength(3);
    expect(dms(people.bob)).toHaveLength(0); // 08:05 in New York at the third reminder
    at('15:05');
    await sweep();
    expect(dms(people.bob)).toHaveLength(1);
    expect(JSON.stringify(dms(people.bob)[0])).toContain('Escalated');
    const ask = (await h.rapport.store.asks.findByRef('ACME-1'))[0];
    const trail = (await h.rapport.store.followUps.findById(`ask:${ask?.id}`))?.trail ?? [];
    expect(trail.filter((t) => t.action === 'escalated').map((t) => t.to)).toEqual([people.bob.id]);
    const reminders = () =>
      h.fake.messagesIn(channels.triage).filter((m) => String(m.text).includes('overdue'));
    expect(reminders()).toHaveLength(0); // the last rung comes after four reminders
    at('09:05', '2026-11-24'); // two business hours after the fourth
    await sweep();
    expect(reminders()).toHaveLength(1);
    expect(JSON.stringify(reminders()[0])).toContain('ACME-1');
  });

  it('withholds the last rung’s post when the triage channel has since been shared; the owner is still reminded', async () => {
    at('08:00');
    await raise(people.alice, 'Checkout is down');
    for (const time of ['09:05', '11:05', '13:05', '15:05']) {
      at(time);
      await sweep();
    }
    const before = dms(people.alice).length;
    shareTriageChannel(h);
    at('09:05', '2026-11-24');
    await sweep();
    const inTriage = h.fake.messagesIn(channels.triage).filter((m) => String(m.text).includes('overdue'));
    expect(inTriage).toEqual([]);
    expect(dms(people.alice).length).toBe(before + 1);
    expect(JSON.stringify(dms(people.alice).at(-1))).toContain('ACME-1');
    expect(h.logs.some((l) => l.includes('reminder withheld'))).toBe(true);
  });

  it('tracks an unanswered customer message until a vendor reply, a tick or a dismissal closes it', async () => {
    at('12:00');
    const unanswered = await h.driver.userMessage({
      user: people.carol,
      channelId: channels.shared,
      text: 'Is the API down?',
    });
    const answered = await h.driver.userMessage({
      user: people.dave,
      channelId: channels.shared,
      text: 'Any news on SSO?',
    });
    const ticked = await h.driver.userMessage({
      user: people.dave,
      channelId: channels.shared,
      text: 'Invoice sent?',
    });
    await h.rapport.settled();
    at('12:30');
    await h.driver.userMessage({
      user: people.bob,
      channelId: channels.shared,
      text: 'SSO ships Friday',
      threadTs: answered.ts,
    });
    await h.driver.reaction({
      user: people.alice,
      channelId: channels.shared,
      ts: ticked.ts,
      name: 'white_check_mark',
    });
    await h.rapport.settled();

    at('12:05', '2026-11-24'); // a business day (the normal target) after the first message
    await sweep();
    expect(dms(people.alice)).toHaveLength(1);
    const reminder = dms(people.alice)[0] as StoredMessage;
    const text = JSON.stringify(reminder);
    expect(text).toContain('Unanswered message');
    expect(text).toContain('Is the API down?');
    expect(text).not.toContain('SSO');
    expect(text).not.toContain('Invoice');

    await clickOnReminder(people.alice, reminder, REMINDER_ACTIONS.dismiss, 'API down');
    await h.rapport.settled();
    const closed = await h.rapport.store.trackedMessages.findById(`${channels.shared}:${unanswered.ts}`);
    expect(closed?.closed?.reason).toBe('dismissed');
    at('16:00', '2026-11-24');
    await sweep();
    expect(dms(people.alice)).toHaveLength(1);
  });

  it.runIf(kind.name === 'mongo')('two instances on one database send each reminder once', async () => {
    const replica = await h.startReplica();
    at('08:00');
    await raise(people.alice, 'Checkout is down');
    at('09:05');
    await Promise.all([sweep(h.rapport), sweep(replica), sweep(h.rapport)]);
    expect(dms(people.alice)).toHaveLength(1);
    at('11:05');
    await Promise.all([sweep(replica), sweep(h.rapport)]);
    expect(dms(people.alice)).toHaveLength(2);
  });
});
