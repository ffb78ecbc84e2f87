import { describe, expect, it } from 'vitest';
import type { Approval } from '../../src/domain/approvals/approval.js';
import type {
  DriverUser,
  StateValuesInput,
  StoredMessage,
  StoredView,
} from '../../src/playground/slack-simulator/index.js';
import { APPROVAL_ACTIONS, APPROVAL_BLOCKS } from '../../src/slack/approvals/ids.js';
import { WELCOME_ACTIONS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import {
  acmeForEachTest,
  commandReply,
  modalOpenedAfter,
  openModalByCommand,
  replyThrough,
} from '../support/flows.js';
import { mrkdwnTexts, PINGS } from '../support/hostile-text.js';
import { channels, type Harness, people, VENDOR_TEAM } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

// Monday 23 November 2026, 08:00 UTC. Acme works Mon–Fri 09:00–17:00 Europe/Berlin (08:00–16:00 UTC);
// alice works in Berlin, bob in New York (14:00–22:00 UTC on Acme's hours), carol has no zone (Acme's).
const START = '2026-11-23T08:00:00Z';
// Due Thursday 01:00 Berlin = Thursday 00:00 UTC: 64 hours after the request, so the escalation margin
// is 16 hours (Wednesday 08:00 UTC) and the reminder comes 32 hours before the due time (Tuesday 16:00 UTC).
const DUE = { date: '2026-11-26', time: '01:00' };

const B = APPROVAL_BLOCKS;
const erin = { id: 'UERIN0001', teamId: VENDOR_TEAM };
const HOSTILE = 'Ship it <!channel> @here <@U0EVIL> <#C0EVIL> <https://evil.example|click> & *now*';
/** Rapport's own mentions of the people involved. */
const OURS = /<@U[A-Z0-9]{8}>|<!date\^[^>]*>/g;

interface Request {
  title: string;
  approvers: DriverUser[];
  rule?: 'all' | 'any' | 'at_least';
  atLeast?: number;
  backups?: [DriverUser, DriverUser][];
  due?: { date: string; time: string };
}

describe.each(storeKinds())('two-sided approvals end to end ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(kind, START, (started, startedClock) => {
    h = started;
    clock = startedClock;
  });

  const at = (iso: string) => clock.set(iso);
  const tick = async () => {
    await h.rapport.runJob('approvals');
    await h.rapport.settled();
  };
  const sweep = async () => {
    await h.rapport.runJob('reminders');
    await h.rapport.settled();
  };

  function formValues(r: Request) {
    const values: StateValuesInput = {
      [B.title]: { [INPUT]: r.title },
      [B.approvers]: { [INPUT]: r.approvers.map((u) => u.id) },
      [B.rule]: { [INPUT]: r.rule ?? 'all' },
      [B.dueDate]: { [INPUT]: (r.due ?? DUE).date },
      [B.dueTime]: { [INPUT]: (r.due ?? DUE).time },
    };
    if (r.atLeast !== undefined) values[B.atLeast] = { [INPUT]: String(r.atLeast) };
    (r.backups ?? []).forEach(([approver, backup], i) => {
      values[B.backupFor[i] as string] = { [INPUT]: approver.id };
      values[B.backups[i] as string] = { [INPUT]: backup.id };
    });
    return values;
  }

  async function openForm(by: DriverUser): Promise<StoredView> {
    if (by.teamId === VENDOR_TEAM) return openModalByCommand(h, by, 'approval');
    // Customers cannot run slash commands: the welcome message's button opens the same form.
    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user: by,
      channelId: channels.shared,
      message: h.fake
        .messagesIn(channels.shared)
        .find((m) =>
          JSON.stringify(m.blocks ?? []).includes(WELCOME_ACTIONS.askForApproval),
        ) as StoredMessage,
      actions: [{ action_id: WELCOME_ACTIONS.askForApproval }],
    });
    return modalOpenedAfter(h, before);
  }

  /** Sends a request through the form; resolves to the stored approval and its card. */
  async function request(by: DriverUser, r: Request): Promise<{ approval: Approval; card: StoredMessage }> {
    const res = await h.driver.viewSubmission({ user: by, view: await openForm(by), values: formValues(r) });
    expect(res.body).toBe('');
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).startsWith('Asked '));
    await h.rapport.settled();
    const [approval] = await h.rapport.store.approvals.listByChannel(channels.shared, 1);
    return { approval: approval as Approval, card: cardOf(approval as Approval) };
  }

  const stored = async (id: string) => (await h.rapport.store.approvals.findById(id)) as Approval;

  function cardOf(approval: Approval): StoredMessage {
    const card = h.fake.message(channels.shared, approval.card?.ts ?? '');
    expect(card, 'the approval card').toBeDefined();
    return card as StoredMessage;
  }
  const threadOf = (approval: Approval) =>
    h.fake
      .messagesIn(channels.shared, { threadTs: approval.card?.ts ?? '' })
      .filter((m) => m.ts !== approval.card?.ts)
      .map((m) => String(m.text));

  async function click(user: DriverUser, approval: Approval, actionId: string, message?: StoredMessage) {
    const before = h.fake.callsTo('views.open').length;
    const shown = message ?? cardOf(approval);
    const res = await h.driver.blockAction({
      user,
      channelId: String(shown.channel ?? channels.shared),
      message: shown,
      actions: [{ action_id: actionId, value: approval.id }],
    });
    await h.rapport.settled();
    return { before, res };
  }

  /** Clicks Approve or Reject and submits the form that opens; resolves to the submission's answer. */
  async function decide(user: DriverUser, approval: Approval, verdict: 'approve' | 'reject', text = '') {
    const { before } = await click(user, approval, APPROVAL_ACTIONS[verdict]);
    const view = await modalOpenedAfter(h, before);
    const block = verdict === 'approve' ? B.comment : B.reason;
    const res = await h.driver.viewSubmission({ user, view, values: { [block]: { [INPUT]: text } } });
    await h.rapport.settled();
    return { res, view };
  }

  /** The private answer to a click, through its response URL; nothing about it is posted in the channel. */
  async function privateAnswer(clicked: { res: { responseUrl?: string } }): Promise<string> {
    const reply = await replyThrough(h, clicked.res.responseUrl);
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    return String(reply.args.text);
  }

  it('collects decisions from a vendor-side and a customer-side approver on the card, then settles it', async () => {
    const { approval, card } = await request(people.alice, {
      title: 'Go live on 1 December',
      approvers: [people.bob, people.carol],
    });
    expect(approval.approvers).toEqual([
      { userId: people.bob.id, side: 'vendor', backupId: null },
      { userId: people.carol.id, side: 'customer', backupId: null },
    ]);
    const shown = JSON.stringify(card.blocks);
    expect(shown).toContain('All 2 must approve: 0 so far');
    expect(shown).toContain(`<@${people.carol.id}> (Acme Corp)`);
    expect(shown).toContain(APPROVAL_ACTIONS.approve);

    at('2026-11-23T09:00:00Z');
    const bob = await decide(people.bob, approval, 'approve', 'Runbook checked');
    expect(bob.res.body).toBe('');
    expect(JSON.stringify(cardOf(approval).blocks)).toContain('All 2 must approve: 1 so far');
    expect(JSON.stringify(cardOf(approval).blocks)).toContain('“Runbook checked”');
    expect(threadOf(approval)).toEqual([]);

    at('2026-11-23T10:00:00Z');
    await decide(people.carol, approval, 'approve');
    const settled = await stored(approval.id);
    expect(settled.state).toBe('approved');
    expect(settled.settledAt?.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(settled.decisions.map((d) => [d.by.userId, d.by.side, d.verdict])).toEqual([
      [people.bob.id, 'vendor', 'approved'],
      [people.carol.id, 'customer', 'approved'],
    ]);
    const final = JSON.stringify(cardOf(approval).blocks);
    expect(final).toContain('Approved');
    expect(final).not.toContain(APPROVAL_ACTIONS.approve);
    expect(threadOf(approval)).toEqual([`<@${people.alice.id}> *Approved.* All 2 must approve: 2 so far.`]);
  });

  it('lets a customer ask for approval from the welcome message, and settles a reject under "all" at once', async () => {
    const { approval } = await request(people.carol, {
      title: 'Switch SSO provider',
      approvers: [people.alice, people.dave],
    });
    expect(approval.requester).toMatchObject({ userId: people.carol.id, side: 'customer' });

    const { res } = await decide(people.dave, approval, 'reject', 'Our security review is not done');
    expect(res.body).toBe('');
    const settled = await stored(approval.id);
    expect(settled.state).toBe('rejected');
    expect(threadOf(approval)).toEqual([
      `<@${people.carol.id}> *Rejected.* All 2 must approve: 0 so far, 1 reject.\n<@${people.dave.id}> rejected it:\n> Our security review is not done`,
    ]);
  });

  it('refuses a non-approver privately and opens nothing', async () => {
    const { approval } = await request(people.alice, { title: 'Price change', approvers: [people.bob] });
    const clicked = await click(people.dave, approval, APPROVAL_ACTIONS.approve);
    expect(await privateAnswer(clicked)).toBe(
      `Only the named approvers can decide on this: <@${people.bob.id}>.`,
    );
    expect(h.fake.callsTo('views.open')).toHaveLength(clicked.before);
    expect((await stored(approval.id)).decisions).toEqual([]);

    await click(people.dave, approval, APPROVAL_ACTIONS.withdraw);
    expect((await stored(approval.id)).state).toBe('pending');
  });

  it('refuses a reject without a reason on the field, keeping the modal open, and records nothing', async () => {
    const { approval } = await request(people.alice, { title: 'Data retention', approvers: [people.carol] });
    const { res } = await decide(people.carol, approval, 'reject', '   ');
    expect(res.body).toEqual({
      response_action: 'errors',
      errors: { [B.reason]: 'Give a reason for the reject.' },
    });
    expect((await stored(approval.id)).decisions).toEqual([]);
    expect((await stored(approval.id)).state).toBe('pending');
  });

  it('counts a double click or a retried submission once', async () => {
    const { approval } = await request(people.alice, {
      title: 'Budget',
      approvers: [people.bob, people.carol],
    });
    const { before } = await click(people.bob, approval, APPROVAL_ACTIONS.approve);
    await click(people.bob, approval, APPROVAL_ACTIONS.approve);
    const opened = h.fake.callsTo('views.open').slice(before);
    expect(opened).toHaveLength(2);
    for (const call of opened) {
      const view = call.response.view as StoredView;
      expect((await h.driver.viewSubmission({ user: people.bob, view })).body).toBe('');
      await h.rapport.settled();
    }
    const after = await stored(approval.id);
    expect(after.decisions).toHaveLength(1);
    expect(after.audit.filter((e) => e.action === 'decided')).toHaveLength(1);
    expect(after.version).toBe(2);
  });

  it('lets an approver change their mind until it settles; under "at least 2 of 3" one reject is not the end', async () => {
    const { approval } = await request(people.alice, {
      title: 'Rollout order',
      approvers: [people.bob, people.carol, people.dave],
      rule: 'at_least',
      atLeast: 2,
    });
    await decide(people.carol, approval, 'reject', 'Wrong order');
    expect((await stored(approval.id)).state).toBe('pending');
    await decide(people.carol, approval, 'approve', 'Fine after the call');
    await decide(people.bob, approval, 'approve');
    const settled = await stored(approval.id);
    expect(settled.state).toBe('approved');
    expect(settled.audit.map((e) => e.action)).toEqual([
      'requested',
      'decided',
      'changed',
      'decided',
      'settled',
    ]);
  });

  it('lets only the requester withdraw, and tells the approvers nothing more is needed', async () => {
    const { approval } = await request(people.alice, { title: 'Old plan', approvers: [people.carol] });
    const clicked = await click(people.carol, approval, APPROVAL_ACTIONS.withdraw);
    expect(await privateAnswer(clicked)).toBe(
      `Only <@${people.alice.id}>, who asked for it, can withdraw it.`,
    );
    await click(people.alice, approval, APPROVAL_ACTIONS.withdraw);
    expect((await stored(approval.id)).state).toBe('withdrawn');
    expect(threadOf(approval)).toEqual([
      `*Withdrawn* by <@${people.alice.id}>. Nothing more is needed from <@${people.carol.id}>.`,
    ]);
  });

  it('reaches the same consequences whether the minute job expires an approval or its requester withdraws it', async () => {
    const approvers = [people.bob, people.carol];
    const { approval: toExpire } = await request(people.alice, { title: 'Expires', approvers });
    at('2026-11-23T08:01:00Z'); // the newer one is listed first
    const { approval: toWithdraw } = await request(people.alice, { title: 'Withdrawn', approvers });
    expect([toExpire.title, toWithdraw.title]).toEqual(['Expires', 'Withdrawn']);
    const published = () => h.fake.callsTo('views.publish').map((c) => c.args.user_id);
    /** What the change must have brought about, whoever made it. */
    async function expectConsequences(approval: Approval, state: string, news: string, since: number) {
      expect((await stored(approval.id)).state).toBe(state.toLowerCase());
      expect(JSON.stringify(cardOf(approval).blocks)).toContain(state);
      expect(threadOf(approval)).toHaveLength(1);
      expect(threadOf(approval)[0]).toContain(news);
      for (const approver of approvers) {
        const followUp = await h.rapport.store.followUps.findById(`approval:${approval.id}/${approver.id}`);
        expect(followUp?.closed, `${approver.id}'s follow-up`).toBe(true);
      }
      // Home tabs of the vendor side concerned (customers have none in Slack Connect).
      expect(published().slice(since).sort()).toEqual([people.alice.id, people.bob.id]);
    }

    let since = published().length;
    await click(people.alice, toWithdraw, APPROVAL_ACTIONS.withdraw);
    await expectConsequences(toWithdraw, 'Withdrawn', '*Withdrawn* by', since);

    since = published().length;
    at('2026-11-26T00:00:00Z');
    await tick();
    await expectConsequences(toExpire, 'Expired', '*Expired:* no outcome by the due time.', since);
  });

  it('checks the request inline: approvers in the channel, N within 1..M, a due time in the future', async () => {
    h.fake.addUser({ id: erin.id, teamId: VENDOR_TEAM, name: 'erin', realName: 'Erin Example' });
    const view = await openForm(people.alice);
    const refused = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: formValues({
        title: 'Too many',
        approvers: [people.bob, erin],
        rule: 'at_least',
        atLeast: 3,
        due: { date: '2026-11-20', time: '09:00' },
      }),
    });
    expect((refused.body as { errors: Record<string, string> }).errors).toEqual({
      [B.approvers]: 'Not in this channel: erin. Invite them first, or pick someone else.',
      [B.atLeast]: 'Ask for between 1 and 2 approvals.',
      [B.dueDate]: 'Pick a due time in the future.',
    });
    expect(await h.rapport.store.approvals.listByChannel(channels.shared, 5)).toEqual([]);
    // The form is still open with what was typed.
    const kept = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: formValues({ title: 'Too many', approvers: [people.bob], rule: 'any' }),
    });
    expect(kept.body).toBe('');
  });

  it('reminds each approver privately in their working hours, passes to the backup at the margin, expires at the due time', async () => {
    const { approval } = await request(people.alice, {
      title: 'Contract renewal terms',
      approvers: [people.bob, people.carol],
      backups: [[people.bob, people.alice]],
    });
    expect(approval.checkAt?.toISOString()).toBe('2026-11-25T08:00:00.000Z');
    const shared = () =>
      h.fake.messagesIn(channels.shared).filter((m) => !m.thread_ts || m.thread_ts === m.ts).length;
    const sharedBefore = shared();

    // The backup cannot decide before the approval is passed on to them.
    const clicked = await click(people.alice, approval, APPROVAL_ACTIONS.approve);
    expect(await privateAnswer(clicked)).toBe(
      `You are <@${people.bob.id}>'s backup: you can decide once it is passed on to you.`,
    );

    at('2026-11-24T15:59:00Z');
    await sweep();
    expect(h.fake.dmsTo(people.bob.id)).toHaveLength(0);
    at('2026-11-24T16:00:00Z'); // reminder time: 11:00 in New York, but 17:00 in Berlin for carol
    await sweep();
    expect(h.fake.dmsTo(people.bob.id)).toHaveLength(1);
    expect(JSON.stringify(h.fake.dmsTo(people.bob.id)[0])).toContain('Contract renewal terms');
    expect(h.fake.dmsTo(people.carol.id)).toHaveLength(0);

    at('2026-11-25T07:59:00Z');
    await tick();
    expect((await stored(approval.id)).escalated).toEqual([]);
    at('2026-11-25T08:00:00Z'); // the escalation point; carol's working day has started
    await tick();
    await sweep();
    const escalated = await stored(approval.id);
    expect(escalated.escalated).toEqual([people.bob.id]);
    expect(escalated.checkAt?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(JSON.stringify(cardOf(approval).blocks)).toContain(`Backup <@${people.alice.id}> asked instead`);
    expect(threadOf(approval)[0]).toContain(
      `<@${people.alice.id}>, please decide in place of <@${people.bob.id}>`,
    );
    expect(h.fake.dmsTo(people.carol.id)).toHaveLength(1);
    const toBackup = JSON.stringify(h.fake.dmsTo(people.alice.id)[0]);
    expect(toBackup).toContain(`You are asked in place of <@${people.bob.id}>`);
    await sweep(); // nothing twice
    expect(h.fake.dmsTo(people.alice.id)).toHaveLength(1);
    expect(h.fake.dmsTo(people.bob.id)).toHaveLength(1);

    at('2026-11-25T23:59:00Z');
    await tick();
    expect((await stored(approval.id)).state).toBe('pending');
    at('2026-11-26T00:00:00Z');
    await tick();
    await tick();
    const expired = await stored(approval.id);
    expect(expired.state).toBe('expired');
    expect(expired.checkAt).toBeNull();
    const thread = threadOf(approval);
    expect(thread).toHaveLength(2);
    expect(thread[1]).toBe(
      `<@${people.alice.id}> *Expired:* no outcome by the due time. All 2 must approve: 0 so far. Not decided: <@${people.bob.id}>, <@${people.carol.id}>.`,
    );
    expect(JSON.stringify(cardOf(approval).blocks)).not.toContain(APPROVAL_ACTIONS.approve);
    // The reminder still has its buttons; a late click there is refused privately.
    const late = await click(people.bob, approval, APPROVAL_ACTIONS.approve, h.fake.dmsTo(people.bob.id)[0]);
    expect(await privateAnswer(late)).toBe('This approval is already expired: decisions are closed.');
    // Reminders are private: the shared channel got nothing but the news in the card's thread.
    expect(shared()).toBe(sharedBefore);
    expect(JSON.stringify(h.fake.messagesIn(channels.shared))).not.toContain('reminder');

    // The trail survives a restart whole: who asked, each reminder, the escalation, the outcome.
    await h.restart();
    const audit = (await stored(approval.id)).audit;
    const entries = audit.map((e) => [e.at.toISOString(), e.action, e.approverId, e.note, e.to]);
    expect(entries.slice(0, 3)).toEqual([
      [START.replace('Z', '.000Z'), 'requested', null, 'Contract renewal terms', []],
      ['2026-11-24T16:00:00.000Z', 'reminded', people.bob.id, null, [people.bob.id]],
      ['2026-11-25T08:00:00.000Z', 'escalated', people.bob.id, null, [people.alice.id]],
    ]);
    // The two reminders of one sweep, in whichever order the store claimed them.
    expect(entries.slice(3, 5)).toHaveLength(2);
    expect(entries.slice(3, 5)).toEqual(
      expect.arrayContaining([
        ['2026-11-25T08:00:00.000Z', 'reminded', people.carol.id, null, [people.carol.id]],
        ['2026-11-25T08:00:00.000Z', 'reminded', people.bob.id, null, [people.alice.id]],
      ]),
    );
    expect(entries.slice(5)).toEqual([['2026-11-26T00:00:00.000Z', 'expired', null, null, []]]);
    expect(audit[0]?.by).toEqual({ userId: people.alice.id, teamId: VENDOR_TEAM, side: 'vendor' });
  });

  it('lets the backup decide once escalated, shown on the card as decided by the backup', async () => {
    const { approval } = await request(people.alice, {
      title: 'Maintenance window',
      approvers: [people.carol],
      backups: [[people.carol, people.dave]],
    });
    at('2026-11-25T08:00:00Z');
    await tick();
    await decide(people.dave, approval, 'approve', 'Carol is away; approved for Acme');
    const settled = await stored(approval.id);
    expect(settled.state).toBe('approved');
    expect(settled.decisions[0]).toMatchObject({
      approverId: people.carol.id,
      by: { userId: people.dave.id },
    });
    expect(JSON.stringify(cardOf(approval).blocks)).toContain(`by backup <@${people.dave.id}>`);
    expect(settled.audit.map((e) => e.action)).toEqual(['requested', 'escalated', 'decided', 'settled']);
  });

  it('keeps hostile text from pinging anyone on the card and in the thread', async () => {
    const { approval } = await request(people.alice, { title: HOSTILE, approvers: [people.carol] });
    await decide(people.carol, approval, 'reject', HOSTILE);
    const card = cardOf(approval);
    const texts = [
      ...mrkdwnTexts({ text: String(card.text), blocks: card.blocks as unknown[] }),
      ...threadOf(approval),
    ];
    expect(texts.join('\n')).toContain('Ship it');
    for (const text of texts) expect(text.replace(OURS, '')).not.toMatch(PINGS);
  });

  it('lists the channel’s approvals privately, pending first, with who they wait on', async () => {
    const { approval: first } = await request(people.alice, { title: 'First', approvers: [people.carol] });
    await decide(people.carol, first, 'approve');
    await request(people.alice, { title: 'Second', approvers: [people.bob, people.dave] });
    const reply = await commandReply(h, people.alice, 'approvals', channels.shared);
    const text = JSON.stringify(reply.args.blocks);
    expect(reply.args.response_type).toBe('ephemeral');
    expect(text.indexOf('Second')).toBeLessThan(text.indexOf('First'));
    expect(text).toContain(`waiting on <@${people.bob.id}>, <@${people.dave.id}>`);
    expect(text).toContain('Approved');
  });
});
