import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { DriverUser, RecordedCall, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { APPROVAL_ACTIONS, APPROVAL_BLOCKS } from '../../src/slack/approvals/ids.js';
import { ASK_ACTIONS, ASK_BLOCKS, UPDATE_BLOCKS } from '../../src/slack/asks/ids.js';
import { FEEDBACK_ACTIONS } from '../../src/slack/feedback/ids.js';
import { WELCOME_ACTIONS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import {
  buttonValue,
  commandReply,
  harnessForEachTest,
  modalOpenedAfter,
  openModalByCommand,
  raiseHelpRequest,
  setUpAcme,
} from '../support/flows.js';
import { CUSTOMER_TEAM, channels, type Harness, people, VENDOR_TEAM } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';

// Acme works Mon–Fri 09:00–17:00 Europe/Berlin: 08:00–16:00 UTC from 25 October 2026 (winter time).
// Targets are the defaults: first response urgent 60, high 240, normal 480, low 960 business minutes;
// resolution 2400. Rapport is set up on Friday 30 October; the report is made on Tuesday 1 December.
const SETUP = '2026-10-30T08:00:00Z';
const REPORT_DAY = '2026-12-01T09:00:00Z';

const csvOf = (content: Buffer | undefined): string[][] =>
  parse(content?.toString('utf8') ?? '', { bom: true, relax_quotes: false });
const mrkdwnOf = (call: RecordedCall) => JSON.stringify(call.args.blocks);
/** Rows written one per line, cells separated by '|'. */
const table = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.trim().split('|'));

describe.each(storeKinds())('value report end to end ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  let welcome: StoredMessage;

  harnessForEachTest(
    kind,
    async (started) => {
      h = started;
      welcome = await setUpAcme(h);
    },
    () => {
      clock = new TestClock(SETUP);
      return clock;
    },
  );

  const at = (iso: string) => clock.set(`2026-${iso}:00Z`);
  const card = (ref: string) =>
    h.fake.messagesIn(channels.shared).find((m) => String(m.text).startsWith(`${ref} `)) as StoredMessage;

  /** Clicks a button of a message (with the value Rapport gave it); resolves to the modal count before. */
  async function click(user: DriverUser, message: StoredMessage, actionId: string, withValue = true) {
    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user,
      channelId: String(message.channel ?? channels.shared),
      message,
      actions: [{ action_id: actionId, ...(withValue ? { value: buttonValue(message, actionId) } : {}) }],
    });
    return before;
  }

  /** The Update button on the card, then the form submitted with `values`. */
  async function update(user: DriverUser, ref: string, values: Record<string, string>) {
    const view = await modalOpenedAfter(h, await click(user, card(ref), ASK_ACTIONS.update));
    const state = Object.fromEntries(Object.entries(values).map(([block, v]) => [block, { [INPUT]: v }]));
    const res = await h.driver.viewSubmission({ user, view, values: state });
    expect(res.body).toBe('');
    await h.rapport.settled();
  }

  async function customerAsks(user: DriverUser, title: string, urgency: string) {
    const view = await modalOpenedAfter(h, await click(user, welcome, WELCOME_ACTIONS.askForHelp, false));
    const res = await h.driver.viewSubmission({
      user,
      view,
      values: { [ASK_BLOCKS.title]: { [INPUT]: title }, [ASK_BLOCKS.urgency]: { [INPUT]: urgency } },
    });
    expect(res.body).toBe('');
    await h.rapport.settled();
  }

  async function idea(title: string) {
    const view = await openModalByCommand(h, people.alice, `idea ${title}`);
    await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [ASK_BLOCKS.details]: { [INPUT]: 'Finance needs it every month' } },
    });
    await h.rapport.settled();
  }

  async function reply(user: DriverUser, ref: string, text: string) {
    await h.driver.userMessage({ user, channelId: channels.shared, text, threadTs: card(ref).ts });
    await h.rapport.settled();
  }

  async function rate(user: DriverUser, ref: string, actionId: string) {
    const question = h.fake.dmsTo(user.id).find((m) => String(m.text).includes(`*${ref}* was resolved`));
    expect(question, `rating question for ${ref}`).toBeDefined();
    await click(user, question as StoredMessage, actionId);
    await h.rapport.settled();
  }

  async function signOff(title: string, approver: DriverUser) {
    const view = await openModalByCommand(h, people.alice, 'approval');
    await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: {
        [APPROVAL_BLOCKS.title]: { [INPUT]: title },
        [APPROVAL_BLOCKS.approvers]: { [INPUT]: [approver.id] },
        [APPROVAL_BLOCKS.rule]: { [INPUT]: 'all' },
        [APPROVAL_BLOCKS.dueDate]: { [INPUT]: '2026-11-20' },
        [APPROVAL_BLOCKS.dueTime]: { [INPUT]: '17:00' },
      },
    });
    await h.rapport.settled();
  }

  async function decide(user: DriverUser, title: string, verdict: 'approve' | 'reject', text: string) {
    const approvalCard = h.fake
      .messagesIn(channels.shared)
      .find((m) => JSON.stringify(m.blocks ?? []).includes(title) && !m.thread_ts) as StoredMessage;
    const view = await modalOpenedAfter(h, await click(user, approvalCard, APPROVAL_ACTIONS[verdict]));
    const block = verdict === 'approve' ? APPROVAL_BLOCKS.comment : APPROVAL_BLOCKS.reason;
    await h.driver.viewSubmission({ user, view, values: { [block]: { [INPUT]: text } } });
    await h.rapport.settled();
  }

  /** A month of work through the real flows (the comments give each business-minute figure). */
  async function november() {
    // ACME-1 (normal), raised on Friday 30 Oct 09:00. Bob's thread reply on Monday 09:00 comes exactly
    // at its target (Fri 420 + Mon 60 = 480): met. Resolved Wed 10:00: 420 + 480 + 480 + 120 = 1500.
    at('10-30T09:00');
    await raiseHelpRequest(h, people.alice, 'Checkout is slow', 'normal');
    at('11-02T09:00');
    await reply(people.bob, 'ACME-1', 'Looking into it');
    // ACME-2 (urgent) from carol on the welcome message: answered after 20 min, resolved after 360.
    at('11-02T10:00');
    await customerAsks(people.carol, 'Login fails', 'urgent');
    at('11-02T10:20');
    await update(people.bob, 'ACME-2', { [UPDATE_BLOCKS.status]: 'in_progress' });
    at('11-03T08:00');
    await update(people.bob, 'ACME-2', { [UPDATE_BLOCKS.status]: 'resolved' });
    at('11-03T09:00');
    await rate(people.carol, 'ACME-2', FEEDBACK_ACTIONS.bad);
    // ACME-3 (high), Tue 14:00: first answered Thu 09:00 (120 + 480 + 60 = 660, due Wed 10:00: missed);
    // waits on the customer Thu 10:00 to Mon 08:00; its 2400 running minutes pass Thu 12 Nov 12:00
    // (720 before the pause + 1680); resolved Fri 13 Nov 09:00: 720 + 4 * 480 + 60 = 2700.
    at('11-03T14:00');
    await raiseHelpRequest(h, people.alice, 'Export times out', 'high');
    at('11-04T10:00');
    await update(people.bob, 'ACME-1', { [UPDATE_BLOCKS.status]: 'resolved' });
    at('11-04T10:30');
    await rate(people.alice, 'ACME-1', FEEDBACK_ACTIONS.good);
    at('11-05T09:00');
    await update(people.bob, 'ACME-3', {
      [UPDATE_BLOCKS.status]: 'acknowledged',
      [UPDATE_BLOCKS.note]: 'Reproduced',
    });
    at('11-05T10:00');
    await update(people.bob, 'ACME-3', { [UPDATE_BLOCKS.status]: 'waiting_on_customer' });
    at('11-09T08:00');
    await update(people.bob, 'ACME-3', { [UPDATE_BLOCKS.status]: 'in_progress' });
    // ACME-4: planned 2 h after it was raised, promised for the 20th, shipped on the 19th (kept).
    at('11-09T09:00');
    await idea('Bulk export');
    at('11-09T11:00');
    await update(people.bob, 'ACME-4', {
      [UPDATE_BLOCKS.status]: 'planned',
      [UPDATE_BLOCKS.promisedDate]: '2026-11-20',
    });
    // ACME-5: planned after 1 h, promised for the 25th, still planned at the end (missed).
    at('11-10T09:00');
    await idea('Audit log');
    at('11-10T10:00');
    await update(people.bob, 'ACME-5', {
      [UPDATE_BLOCKS.status]: 'planned',
      [UPDATE_BLOCKS.promisedDate]: '2026-11-25',
    });
    at('11-13T09:00');
    await update(people.bob, 'ACME-3', { [UPDATE_BLOCKS.status]: 'resolved' });
    // Two sign-offs: one approved by carol, one rejected by dave.
    at('11-16T09:00');
    await signOff('Go-live plan', people.carol);
    await signOff('Data migration', people.dave);
    at('11-17T09:00');
    await decide(people.carol, 'Go-live plan', 'approve', '');
    at('11-17T10:00');
    await decide(people.dave, 'Data migration', 'reject', 'Not before the freeze');
    // ACME-6: carol withdraws it after 30 minutes, before its target: no breach, no response.
    at('11-18T09:00');
    await customerAsks(people.carol, 'Question about SSO', 'normal');
    at('11-18T09:30');
    await click(people.carol, card('ACME-6'), ASK_ACTIONS.withdraw);
    await h.rapport.settled();
    at('11-19T15:00');
    await update(people.bob, 'ACME-4', { [UPDATE_BLOCKS.status]: 'shipped' });
    // ACME-7 (low) on the last day, answered only after the period: open and unanswered at its end.
    at('11-30T08:00');
    await raiseHelpRequest(h, people.alice, 'Typo on invoice', 'low');
    at('12-01T08:30');
    await reply(people.bob, 'ACME-7', 'Fixed in the next run');

    // The stakeholder map: only the latest activity of each person is kept.
    const partnership = await h.rapport.store.partnerships.findByChannel(channels.shared);
    const seen = (id: string, side: 'vendor' | 'customer', iso: string) =>
      h.rapport.store.stakeholders.recordActivity(
        partnership?.id ?? '',
        { userId: id, side, teamId: side === 'vendor' ? VENDOR_TEAM : CUSTOMER_TEAM },
        new Date(`2026-${iso}:00Z`),
      );
    await seen(people.alice.id, 'vendor', '11-27T10:00');
    await seen(people.bob.id, 'vendor', '12-01T08:40'); // active again after the period: not counted
    await seen(people.carol.id, 'customer', '11-27T10:00');
    await seen(people.dave.id, 'customer', '12-01T08:40');
    await seen('UEXTRA001', 'customer', '11-15T10:00');
    await seen('UOLDVEND1', 'vendor', '10-20T10:00');
  }

  it('reports a month’s figures exactly, privately, and sends the asks as CSV by direct message', async () => {
    await november();
    clock.set(REPORT_DAY);
    const sharedBefore = h.fake.messagesIn(channels.shared).length;
    const postsBefore = h.fake.callsTo('chat.postMessage').length;

    const report = await commandReply(h, people.alice, 'report 2026-11');
    expect(report.args.response_type).toBe('ephemeral');
    expect(report.args.text).toBe(
      'Value report for Acme Corp, November 2026: 6 raised, 4 resolved or shipped, 2 targets missed.',
    );
    const text = mrkdwnOf(report);
    for (const line of [
      'November 2026: 1 Nov 2026 – 30 Nov 2026 (Europe/Berlin)',
      '• Help requests: 4 raised · 3 resolved · 1 withdrawn · 1 open at the end',
      '• Enhancements: 2 raised · 1 shipped · 1 open at the end',
      '• Requests to the customer: 0 raised · 0 resolved · 0 open at the end',
      // first responses [20, 60, 120, 480, 660]: nearest rank 3 of 5 = 120, rank 5 of 5 = 660
      '• First response: median 2 business hours · 90th percentile 11 business hours (5 asks answered)',
      // resolutions [360, 1500, 2700]: rank 2 of 3 = 1500, rank 3 of 3 = 2700
      '• Resolution of help requests: median 25 business hours · 90th percentile 45 business hours (3 asks resolved)',
      '*Response targets missed: 2* (1 first response, 1 resolution)',
      '• *ACME-3* Export times out: first response, due 4 Nov 11:00',
      '• *ACME-3* Export times out: resolution, due 12 Nov 13:00',
      '*Enhancements shipped (1)*',
      '• *ACME-4* Bulk export',
      '*Promises*: 1 kept, 1 missed',
      '• Missed: *ACME-5* Audit log (promised for 2026-11-25)',
      '• Kept: *ACME-4* Bulk export (promised for 2026-11-20)',
      '1 :+1: · 1 :-1: (50% good, 2 ratings)',
      '*Approvals decided*: 1 approved · 1 rejected',
      '• Approved: Go-live plan (17 Nov)',
      '• Rejected: Data migration (17 Nov)',
      '1 person at the vendor · 2 people at the customer',
      'The CSV of the period’s asks (7 rows) is on its way to you by direct message.',
    ]) {
      expect(text).toContain(JSON.stringify(line).slice(1, -1));
    }

    const upload = await h.fake.waitForCall('files.completeUploadExternal');
    await h.rapport.settled();
    const dm = h.fake.dmChannelOf(people.alice.id);
    expect(upload.args.channel_id).toBe(dm);
    const file = [...h.fake.files.values()].find((f) => f.completed);
    expect(file).toMatchObject({
      filename: 'rapport-acme-2026-11-01-to-2026-11-30.csv',
      channelId: dm,
      title: 'Value report · Acme Corp · November 2026',
    });
    expect(file?.initialComment).toContain('value report for November 2026');
    const [header, ...rows] = csvOf(file?.content);
    expect(header).toEqual(
      table(`
        ref|kind|title|status at period end|urgency|requester|requester side|owner|raised at (Europe/Berlin)|first response at (Europe/Berlin)|resolved at (Europe/Berlin)|first response (business minutes)|resolution (business minutes)|promised date|target missed in period
      `)[0],
    );
    // Local (Berlin) times; business minutes as computed in november(). ACME-4's shipping time:
    // Mon 09:00-16:00 420 + four days 1920 + three days 1440 + Thu 08:00-15:00 420 = 4200.
    expect(rows).toEqual(
      table(`
        ACME-1|Help request|Checkout is slow|Resolved|normal|alice|vendor|alice|2026-10-30 10:00|2026-11-02 10:00|2026-11-04 11:00|480|1500||no
        ACME-2|Help request|Login fails|Resolved|urgent|carol|customer|alice|2026-11-02 11:00|2026-11-02 11:20|2026-11-03 09:00|20|360||no
        ACME-3|Help request|Export times out|Resolved|high|alice|vendor|alice|2026-11-03 15:00|2026-11-05 10:00|2026-11-13 10:00|660|2700||first response; resolution
        ACME-4|Enhancement|Bulk export|Shipped||alice|vendor|alice|2026-11-09 10:00|2026-11-09 12:00|2026-11-19 16:00|120|4200|2026-11-20|no
        ACME-5|Enhancement|Audit log|Planned||alice|vendor|alice|2026-11-10 10:00|2026-11-10 11:00||60||2026-11-25|no
        ACME-6|Help request|Question about SSO|Withdrawn|normal|carol|customer|alice|2026-11-18 10:00||||||no
        ACME-7|Help request|Typo on invoice|Open|low|alice|vendor|alice|2026-11-30 09:00||||||no
      `),
    );

    // Nothing of it reached the shared channel.
    expect(h.fake.messagesIn(channels.shared)).toHaveLength(sharedBefore);
    expect(
      h.fake
        .callsTo('chat.postMessage')
        .slice(postsBefore)
        .map((c) => c.args.channel),
    ).not.toContain(channels.shared);
    expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);

    // "last month", asked the same day, is the same report.
    const again = await commandReply(h, people.alice, 'report last month');
    expect(again.args.blocks).toEqual(report.args.blocks);
  });

  it('says the report worked when the CSV upload fails, with Slack’s reason', async () => {
    at('11-02T10:00');
    await raiseHelpRequest(h, people.alice, 'Checkout is slow', 'urgent');
    clock.set(REPORT_DAY);
    h.fake.failNext('files.completeUploadExternal', 'not_allowed_token_type');
    const { responseUrl } = await h.driver.command({
      user: people.alice,
      channelId: channels.shared,
      text: 'report 30d',
    });
    const answers = () =>
      h.fake.callsTo('response_url').filter((c) => responseUrl.endsWith(`/${String(c.args.responseUrlId)}`));
    await h.fake.waitForCall('response_url', () => answers().length === 2);
    const [report, failure] = answers() as [RecordedCall, RecordedCall];
    // Never answered: its first response (1 h) and resolution (40 h) targets both passed in the period.
    expect(report.args.text).toBe(
      'Value report for Acme Corp, the last 30 days: 1 raised, 0 resolved or shipped, 2 targets missed.',
    );
    expect(failure.args).toMatchObject({ response_type: 'ephemeral' });
    expect(failure.args.text).toContain('The report above worked, but its CSV could not be uploaded');
    expect(failure.args.text).toContain('`not_allowed_token_type`');
    // On every runtime, the warning names the request it came from.
    const warning = h.logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'value report CSV upload failed');
    expect(warning).toMatchObject({
      requestKind: 'command',
      command: '/rapport',
      requestId: expect.any(String),
    });
  });

  it('explains an empty period and uploads nothing', async () => {
    clock.set(REPORT_DAY);
    const reply = await commandReply(h, people.alice, 'report 2026-10-01..2026-10-29');
    expect(reply.args.text).toBe('Value report for Acme Corp, 1 Oct 2026 – 29 Oct 2026: nothing to report.');
    expect(mrkdwnOf(reply)).toContain('Rapport started recording for Acme Corp on 30 Oct 2026');
    await h.rapport.settled();
    expect(h.fake.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('answers an unreadable or future period privately with the periods it understands', async () => {
    clock.set(REPORT_DAY);
    const unknown = await commandReply(h, people.alice, 'report fortnight');
    expect(unknown.args).toMatchObject({
      response_type: 'ephemeral',
      text: 'I can’t read `fortnight` as a period.',
    });
    expect(mrkdwnOf(unknown)).toContain('`this quarter`');
    const future = await commandReply(h, people.alice, 'report 2027-Q1');
    expect(future.args.text).toBe(
      'Q1 2027 hasn’t started yet: it starts on 1 Jan 2027 (Europe/Berlin). Pick a period that has begun.',
    );
  });

  it('refuses customer-side people and channels that are not a partnership', async () => {
    clock.set(REPORT_DAY);
    const { responseUrl } = await h.driver.command({
      user: people.carol,
      channelId: channels.shared,
      text: 'report',
      allowNonInstallingTeam: true,
    });
    const refused = await h.fake.waitForCall('response_url', (c) =>
      responseUrl.endsWith(`/${String(c.args.responseUrlId)}`),
    );
    expect(refused.args).toMatchObject({
      response_type: 'ephemeral',
      text: 'Only people at the vendor can see value reports.',
    });
    const elsewhere = await commandReply(h, people.alice, 'report', channels.triage);
    expect(String(elsewhere.args.text)).toContain('isn’t a Rapport partnership yet');
    await h.rapport.settled();
    expect(h.fake.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
