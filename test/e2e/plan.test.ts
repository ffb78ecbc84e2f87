import { describe, expect, it } from 'vitest';
import type {
  DriverUser,
  StateValuesInput,
  StoredMessage,
  StoredView,
} from '../../src/playground/slack-simulator/index.js';
import { PLAN_ACTIONS, PLAN_BLOCKS } from '../../src/slack/plan/ids.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import {
  acmeForEachTest,
  commandReply,
  modalOpenedAfter,
  openModalByCommand,
  replyThrough,
} from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

const START = '2026-11-23T08:00:00Z';
const B = PLAN_BLOCKS;
const { alice, bob, carol, dave } = people;
const agreed: StateValuesInput = {
  [B.billing.vendor]: { [INPUT]: bob.id },
  [B.executive.customer]: { [INPUT]: carol.id },
  [B.meetingCadence]: { [INPUT]: 'Fortnightly, Tuesdays 15:00 CET' },
  [B.shared]: { [INPUT]: 'Roadmap each quarter <!channel>, release notes' },
};

describe.each(storeKinds())('the communication plan end to end ($name store)', (kind) => {
  let h: Harness;
  acmeForEachTest(kind, START, (started) => {
    h = started;
  });

  const stored = async () => h.rapport.store.partnerships.findByChannel(channels.shared);
  const postsInChannel = () =>
    h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channels.shared);

  /** `/rapport plan` as `user`: the private answer, as a message that can be clicked. */
  async function showPlan(user: DriverUser = alice): Promise<StoredMessage> {
    const reply = await commandReply(h, user, 'plan');
    expect(reply.args.response_type).toBe('ephemeral');
    return {
      channel: channels.shared,
      ts: '',
      type: 'message',
      text: String(reply.args.text),
      blocks: reply.args.blocks as unknown[],
    };
  }

  async function clickEdit(user: DriverUser, message: StoredMessage, isEphemeral = false) {
    const before = h.fake.callsTo('views.open').length;
    const res = await h.driver.blockAction({
      user,
      channelId: channels.shared,
      message,
      isEphemeral,
      actions: [{ action_id: PLAN_ACTIONS.edit }],
    });
    await h.rapport.settled();
    return { before, res };
  }

  async function openForm(
    user: DriverUser,
    message: StoredMessage,
    isEphemeral = false,
  ): Promise<StoredView> {
    const { before } = await clickEdit(user, message, isEphemeral);
    return modalOpenedAfter(h, before);
  }

  async function save(user: DriverUser, view: StoredView, values: StateValuesInput) {
    const res = await h.driver.viewSubmission({ user, view, values });
    await h.rapport.settled();
    return res;
  }

  /** Saves the plan through `/rapport plan` → Edit plan; resolves to the pinned plan message. */
  async function agreePlan(): Promise<StoredMessage> {
    const view = await openForm(alice, await showPlan(), true);
    expect((await save(alice, view, agreed)).body).toBe('');
    const ts = (await stored())?.planMessageTs ?? '';
    return h.fake.message(channels.shared, ts) as StoredMessage;
  }

  it('shows the default plan privately to whoever runs /rapport plan, and posts nothing', async () => {
    const message = await showPlan();
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(`*Technical questions* — our team: <@${alice.id}> · Acme Corp: <@${dave.id}>`);
    expect(text).toContain(`*Escalations* — our team: <@${alice.id}> · Acme Corp: <@${carol.id}>`);
    expect(text).toContain(
      '*Billing and contracts* — our team: _not named yet_ · Acme Corp: _not named yet_',
    );
    expect(text).toContain('*Status digest:* At 09:00, only on Monday (Europe/Berlin), in this channel');
    expect(text).toContain('Not agreed yet: suggested from this channel’s setup.');
    expect(text).not.toContain(channels.triage);
    expect(postsInChannel()).toEqual([]);
    expect((await stored())?.plan).toBeNull();

    const elsewhere = await commandReply(h, alice, 'plan', channels.otherShared);
    expect(elsewhere.args.text).toContain('isn’t a Rapport partnership yet');
  });

  it('edits the plan: saved, posted and pinned once, then updated in place', async () => {
    const view = await openForm(alice, await showPlan(), true);
    const prefilled = Object.fromEntries(
      (view.blocks as { block_id?: string; element?: { initial_user?: string } }[]).map((b) => [
        b.block_id,
        b.element?.initial_user,
      ]),
    );
    expect(prefilled[B.technical.vendor]).toBe(alice.id);
    expect(prefilled[B.technical.customer]).toBe(dave.id);
    expect((await save(alice, view, agreed)).body).toBe('');

    const p = await stored();
    expect(p?.plan).toMatchObject({
      contacts: {
        technical: { vendor: alice.id, customer: dave.id },
        billing: { vendor: bob.id, customer: null },
        escalation: { vendor: alice.id, customer: carol.id },
        executive: { vendor: null, customer: carol.id },
      },
      meetingCadence: 'Fortnightly, Tuesdays 15:00 CET',
      updatedBy: alice.id,
    });
    const [post] = postsInChannel();
    const ts = post?.response.ts as string;
    expect(p?.planMessageTs).toBe(ts);
    expect(h.fake.pinsIn(channels.shared)).toEqual([ts]);
    const pinned = JSON.stringify(h.fake.message(channels.shared, ts)?.blocks);
    expect(pinned).toContain(`*Billing and contracts* — our team: <@${bob.id}> · Acme Corp: _not named yet_`);
    expect(pinned).toContain('*Meetings:* Fortnightly, Tuesdays 15:00 CET');
    expect(pinned).toContain('Roadmap each quarter &lt;!channel&gt;, release notes');
    expect(pinned).not.toMatch(/triage|nag|CTRIAGE/i);
    expect(h.fake.ephemeralsTo(alice.id).map((e) => e.text)).toContain(
      'Saved the communication plan, and pinned it in this channel for both sides.',
    );

    // Bob edits it from the pinned message: the same message changes, nothing new is posted or pinned.
    const again = await openForm(bob, h.fake.message(channels.shared, ts) as StoredMessage);
    expect(
      (await save(bob, again, { [B.meetingCadence]: { [INPUT]: 'Weekly, Mondays 10:00 CET' } })).body,
    ).toBe('');
    expect(postsInChannel()).toHaveLength(1);
    expect(h.fake.pinsIn(channels.shared)).toEqual([ts]);
    const update = h.fake.callsTo('chat.update').at(-1);
    expect(update?.args).toMatchObject({ channel: channels.shared, ts });
    expect(JSON.stringify(h.fake.message(channels.shared, ts)?.blocks)).toContain(
      '*Meetings:* Weekly, Mondays 10:00 CET',
    );
    expect(await stored()).toMatchObject({
      plan: { updatedBy: bob.id },
      planMessageTs: ts,
      version: (p?.version ?? 0) + 1,
    });
  });

  it('refuses a customer who clicks Edit plan, privately, and opens no form', async () => {
    const pinned = await agreePlan();
    const opened = h.fake.callsTo('views.open').length;
    const { res } = await clickEdit(carol, pinned);
    const reply = await replyThrough(h, res.responseUrl);
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply.args.text)).toContain('Only people at the vendor can edit the communication plan');
    expect(h.fake.callsTo('views.open')).toHaveLength(opened);
    expect(h.fake.message(channels.shared, pinned.ts)).toBeDefined();
  });

  it('refuses a customer in a vendor slot (and vice versa) on the field, keeping the form open', async () => {
    const view = await openForm(alice, await showPlan(), true);
    const wrong = await save(alice, view, {
      ...agreed,
      [B.technical.vendor]: { [INPUT]: carol.id },
      [B.billing.customer]: { [INPUT]: bob.id },
    });
    expect(wrong.body).toEqual({
      response_action: 'errors',
      errors: {
        [B.technical.vendor]: 'Pick someone at your company here: this is your side’s contact.',
        [B.billing.customer]: 'Pick someone at the customer here, not at your company.',
      },
    });
    expect(h.fake.openModals()).toHaveLength(1);
    expect((await stored())?.plan).toBeNull();
    expect(postsInChannel()).toEqual([]);

    expect((await save(alice, view, agreed)).body).toBe('');
    expect((await stored())?.plan?.contacts.technical.vendor).toBe(alice.id);
  });

  it('refuses a save from a form opened before someone else saved, inline', async () => {
    const first = await openForm(alice, await showPlan(), true);
    const second = await openForm(bob, await showPlan(bob), true);
    expect((await save(alice, first, agreed)).body).toBe('');
    const late = await save(bob, second, { [B.meetingCadence]: { [INPUT]: 'Daily' } });
    expect(late.body).toMatchObject({
      response_action: 'errors',
      errors: { [B.technical.vendor]: expect.stringContaining('Someone else changed this partnership') },
    });
    expect((await stored())?.plan?.meetingCadence).toBe('Fortnightly, Tuesdays 15:00 CET');
  });

  it('keeps the pinned plan current when the setup changes the digest schedule', async () => {
    const pinned = await agreePlan();
    const setup = await openModalByCommand(h, alice, 'setup');
    const res = await h.driver.viewSubmission({
      user: alice,
      view: setup,
      values: { [SETUP_BLOCKS.digestCron]: { [INPUT]: '30 16 * * 5' } },
    });
    expect(res.body).toBe('');
    await h.rapport.settled();
    const update = h.fake.callsTo('chat.update').find((c) => c.args.ts === pinned.ts);
    expect(update).toBeDefined();
    expect(JSON.stringify(h.fake.message(channels.shared, pinned.ts)?.blocks)).toContain(
      '*Status digest:* At 16:30, only on Friday (Europe/Berlin), in this channel',
    );
    expect(h.fake.pinsIn(channels.shared)).toContain(pinned.ts);
  });

  it('posts and pins a new plan message when the pinned one was deleted', async () => {
    const pinned = await agreePlan();
    h.fake.removeMessage(channels.shared, pinned.ts);
    const view = await openForm(alice, await showPlan(), true);
    expect((await save(alice, view, { [B.meetingCadence]: { [INPUT]: 'Monthly' } })).body).toBe('');
    const ts = (await stored())?.planMessageTs as string;
    expect(ts).not.toBe(pinned.ts);
    expect(h.fake.pinsIn(channels.shared)).toContain(ts);
    expect(JSON.stringify(h.fake.message(channels.shared, ts)?.blocks)).toContain('*Meetings:* Monthly');
  });
});
