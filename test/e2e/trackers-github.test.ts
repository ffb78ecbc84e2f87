import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ask } from '../../src/domain/asks/ask.js';
import { ASK_BLOCKS } from '../../src/slack/asks/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import {
  closeIssue,
  commentEvent,
  type Delivery,
  deliver,
  FakeGithub,
  GITHUB_TOKEN,
  signGithub,
  WEBHOOK_SECRET,
} from '../support/fake-github/index.js';
import type { DriverUser, StoredMessage } from '../support/fake-slack/index.js';
import {
  buttonValue,
  commandReply,
  openModalByCommand,
  setUpPartnership,
  textsPostedTo,
} from '../support/flows.js';
import { channels, type Harness, people, startHarness } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';

const REPO = 'acme/app';

describe.each(storeKinds())('GitHub Issues drive asks ($name store)', (kind) => {
  let h: Harness;
  let github: FakeGithub;
  let clock: TestClock;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    clock = new TestClock('2026-12-01T10:00:00Z');
    github = await FakeGithub.start();
    github.addRepo(REPO);
    h = await startHarness(kind.freshLocation(), {
      clock,
      trackers: {
        github: { token: GITHUB_TOKEN, apiUrl: github.apiUrl, webhookSecret: WEBHOOK_SECRET },
        commentMarker: 'customer:',
      },
    });
    await setUpPartnership(h, channels.shared, 'Acme Corp');
    await setUpPartnership(h, channels.otherShared, 'Globex');
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
    await github.stop();
  });

  const appUrl = () => `http://127.0.0.1:${h.rapport.port}`;
  async function webhook(delivery: Delivery) {
    const answer = await deliver(appUrl(), delivery);
    await h.rapport.settled();
    return answer;
  }
  async function route(text: string, channel: string = channels.shared) {
    const reply = await commandReply(h, people.alice, `tracker ${text}`, channel);
    expect(reply.args.text).toContain('Saved.');
  }
  async function idea(title: string, user: DriverUser, channel: string = channels.shared) {
    const view = await openModalByCommand(h, user, `idea ${title}`, channel);
    await h.driver.viewSubmission({
      user,
      view,
      values: { [ASK_BLOCKS.details]: { [INPUT]: 'Monthly reporting by hand @octocat' } },
    });
    await h.fake.waitForCall(
      'chat.postEphemeral',
      (c) => c.args.channel === channel && String(c.args.text).includes('this is now'),
    );
    await h.rapport.settled();
  }
  const twin = (ref: string) =>
    h.fake
      .messagesIn(channels.triage)
      .find((m: StoredMessage) => String(m.text).startsWith(`[internal] ${ref} `)) as StoredMessage;
  const card = (channel: string, ref: string) =>
    h.fake
      .messagesIn(channel)
      .find((m: StoredMessage) => String(m.text).startsWith(`${ref} `)) as StoredMessage;
  const thread = (channel: string, ref: string) =>
    h.fake.messagesIn(channel, { threadTs: card(channel, ref).ts }).map((m: StoredMessage) => String(m.text));
  async function clickTwin(ref: string, actionId: string) {
    const message = twin(ref);
    await h.driver.blockAction({
      user: people.bob,
      channelId: channels.triage,
      message,
      actions: [{ action_id: actionId, value: buttonValue(message, actionId) }],
    });
    await h.rapport.settled();
  }
  async function ask(ref: string): Promise<Ask> {
    const [found] = await h.rapport.store.asks.findByRef(ref);
    if (!found) throw new Error(`no ${ref}`);
    return found;
  }

  it('sends an enhancement to GitHub; closing it as completed ships it for both customers linked to the issue', async () => {
    await route(`enhancement ${REPO}`);
    await idea('Bulk export', people.alice);
    await clickTwin('ACME-1', TRACKER_ACTIONS.send);

    const [issue] = github.issues(REPO);
    expect(github.issues(REPO)).toHaveLength(1);
    expect(issue?.title).toBe('[ACME-1] Bulk export');
    expect(issue?.body).toContain('- **Customer:** Acme Corp');
    expect(issue?.body).toContain('Monthly reporting by hand @\u200boctocat');
    expect(issue?.body).toContain('- **Slack thread:** https://');
    expect((await ask('ACME-1')).tracker?.issue).toEqual({
      tracker: 'github',
      key: 'acme/app#1',
      url: 'https://github.com/acme/app/issues/1',
    });
    expect(JSON.stringify(twin('ACME-1').blocks)).toContain(
      '<https://github.com/acme/app/issues/1|acme/app#1>',
    );

    await idea('Export everything at once', people.bob, channels.otherShared);
    const linked = await commandReply(
      h,
      people.alice,
      'track GLOBEX-1 https://github.com/Acme/App/issues/1',
      channels.otherShared,
    );
    expect(linked.args.text).toBe('*GLOBEX-1* now follows acme/app#1. It is tracked together with *ACME-1*.');
    expect((await ask('GLOBEX-1')).linkedTo).toBe((await ask('ACME-1')).id);

    expect((await webhook(closeIssue(github, REPO, issue as never, 'completed'))).status).toBe(200);
    expect((await ask('ACME-1')).status).toBe('shipped');
    expect((await ask('GLOBEX-1')).status).toBe('shipped');
    expect(thread(channels.shared, 'ACME-1').at(-1)).toContain('*ACME-1* is now *Shipped*.');
    expect(thread(channels.shared, 'ACME-1').at(-1)).toContain('Engineering has finished this.');
    expect(thread(channels.otherShared, 'GLOBEX-1').at(-1)).toContain('*GLOBEX-1* is now *Shipped*.');
    expect(JSON.stringify(card(channels.otherShared, 'GLOBEX-1').blocks)).toContain('Shipped');
  });

  it('declines an enhancement closed as not planned, saying why, and sends on raise with labels', async () => {
    await route(`enhancement ${REPO} auto customer-ask`);
    await idea('Dark mode', people.alice);
    const [issue] = github.issues(REPO);
    expect(issue).toMatchObject({ title: '[ACME-1] Dark mode', labels: ['customer-ask'] });

    await webhook(closeIssue(github, REPO, issue as never, 'not_planned'));
    expect((await ask('ACME-1')).status).toBe('declined');
    const notice = thread(channels.shared, 'ACME-1').at(-1);
    expect(notice).toContain('*ACME-1* is now *Declined*.');
    expect(notice).toContain('Engineering has decided not to do this: the issue was closed as not planned.');
  });

  it('refuses forged, unsigned, malformed and oversized deliveries, and applies a duplicate once', async () => {
    await route(`enhancement ${REPO} auto`);
    await idea('Audit log', people.alice);
    const [issue] = github.issues(REPO);
    const closing = closeIssue(github, REPO, issue as never, 'completed');

    expect((await webhook({ ...closing, signature: 'sha256=00ff' })).status).toBe(401);
    expect((await webhook({ ...closing, signature: null })).status).toBe(401);
    const signedElsewhere = signGithub(JSON.stringify(closing.payload), 'someone-elses-secret-0123');
    expect((await webhook({ ...closing, signature: signedElsewhere })).status).toBe(401);
    const tampered = JSON.stringify({ ...closing.payload, sender: { login: 'mallory' } });
    const original = signGithub(JSON.stringify(closing.payload), WEBHOOK_SECRET);
    expect((await webhook({ ...closing, rawBody: tampered, signature: original })).status).toBe(401);
    const notJson = '{"action": "closed"';
    expect((await webhook({ ...closing, rawBody: notJson })).status).toBe(400);
    expect((await webhook({ ...closing, rawBody: `{"x":"${'a'.repeat(1024 * 1024)}"}` })).status).toBe(413);
    expect((await ask('ACME-1')).status).toBe('submitted');

    const first = await webhook(closing);
    const replay = await webhook({ ...closing, delivery: first.delivery });
    expect([first.status, replay.status]).toEqual([200, 200]);
    const shipped = thread(channels.shared, 'ACME-1').filter((t) => t.includes('is now *Shipped*'));
    expect(shipped).toHaveLength(1);

    const unknown = {
      ...closing,
      payload: { ...closing.payload, issue: { ...closing.payload.issue, number: 99 } },
    };
    expect((await webhook(unknown)).status).toBe(200);
    expect((await webhook({ event: 'star', payload: { action: 'created' } })).status).toBe(200);
  });

  it('creates each issue exactly once while GitHub fails, rate-limits and loses an answer, then recovers', async () => {
    await route(`enhancement ${REPO}`);
    await idea('SAML login', people.alice);
    await idea('SCIM provisioning', people.alice);
    github.failNext('POST', { status: 502, message: 'Server Error' });
    await clickTwin('ACME-1', TRACKER_ACTIONS.send);
    expect(github.issues(REPO)).toHaveLength(0);
    expect(JSON.stringify(twin('ACME-1').blocks)).toContain('sending…');

    github.failNext('POST', {
      status: 429,
      message: 'API rate limit exceeded',
      headers: { 'retry-after': '600', 'x-ratelimit-remaining': '0' },
    });
    clock.advance(2);
    await h.rapport.runJob('effects');
    expect(github.issues(REPO)).toHaveLength(0);
    clock.advance(5); // within Retry-After: nothing is tried
    const before = github.callsTo('POST', '/repos').length;
    await h.rapport.runJob('effects');
    expect(github.callsTo('POST', '/repos')).toHaveLength(before);

    github.failNext('POST', { loseAnswer: true });
    clock.advance(6);
    await h.rapport.runJob('effects');
    expect(github.issues(REPO)).toHaveLength(1); // created, but Rapport never heard
    expect((await ask('ACME-1')).tracker?.issue).toBeNull();

    await clickTwin('ACME-2', TRACKER_ACTIONS.send);
    clock.advance(20);
    await h.rapport.runJob('effects');
    expect(github.issues(REPO).map((i) => i.title)).toEqual([
      '[ACME-1] SAML login',
      '[ACME-2] SCIM provisioning',
    ]);
    expect((await ask('ACME-1')).tracker?.issue?.key).toBe('acme/app#1');
    expect((await ask('ACME-2')).tracker?.issue?.key).toBe('acme/app#2');
    // Only the ask whose earlier attempts had unknown outcomes was searched for before creating again.
    const searches = github.callsTo('GET', '/search/issues').map((c) => c.query.q);
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((q) => q?.startsWith('"ACME-1" in:title repo:acme/app'))).toBe(true);
  });

  it('keeps unmarked tracker comments internal and posts marked ones to the customer, escaped', async () => {
    await route(`enhancement ${REPO} auto`);
    await idea('Webhooks', people.alice);
    const [issue] = github.issues(REPO);
    await webhook(
      commentEvent(github, REPO, issue as never, 'Internal: the customer is on the old plan, <!channel>'),
    );
    await webhook(
      commentEvent(github, REPO, issue as never, 'customer: Prototype is ready <!here> @everyone'),
    );

    const shared = textsPostedTo(h, channels.shared).join('\n');
    expect(shared).not.toContain('old plan');
    const told = thread(channels.shared, 'ACME-1').at(-1);
    expect(told).toContain('Prototype is ready &lt;!here&gt; @\u2060everyone');
    expect(told).not.toContain('customer:');
    const twinThread = h.fake
      .messagesIn(channels.triage, { threadTs: twin('ACME-1').ts })
      .map((m: StoredMessage) => String(m.text));
    expect(twinThread.some((t) => t.includes('the customer is on the old plan, &lt;!channel&gt;'))).toBe(
      true,
    );
  });
});
