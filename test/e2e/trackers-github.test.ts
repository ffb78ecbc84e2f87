import { describe, expect, it } from 'vitest';
import { TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import {
  closeIssue,
  commentEvent,
  GITHUB_TOKEN,
  signGithub,
  WEBHOOK_SECRET,
} from '../support/fake-github/index.js';
import { commandReply, textsPostedTo } from '../support/flows.js';
import {
  card,
  clickTwin,
  githubForEachTest,
  idea,
  REPO,
  route,
  storedAsk,
  thread,
  twin,
  twinThread,
  webhook,
} from '../support/github-flows.js';
import { channels, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds())('GitHub Issues drive asks ($name store)', (kind) => {
  const world = githubForEachTest(kind);

  it('sends an enhancement to GitHub; closing it as completed ships it for both customers linked to the issue', async () => {
    await route(world.h, `enhancement ${REPO}`);
    await idea(world.h, 'Bulk export', people.alice);
    await clickTwin(world.h, 'ACME-1', TRACKER_ACTIONS.send);

    const [issue] = world.github.issues(REPO);
    expect(world.github.issues(REPO)).toHaveLength(1);
    expect(issue?.title).toBe('[ACME-1] Bulk export');
    expect(issue?.body).toContain('- **Customer:** Acme Corp');
    expect(issue?.body).toContain('Monthly reporting by hand @\u200boctocat');
    expect(issue?.body).toContain('- **Slack thread:** https://');
    expect((await storedAsk(world.h, 'ACME-1')).tracker?.issue).toEqual({
      tracker: 'github',
      key: 'acme/app#1',
      url: 'https://github.com/acme/app/issues/1',
    });
    expect(JSON.stringify(twin(world.h, 'ACME-1').blocks)).toContain(
      '<https://github.com/acme/app/issues/1|acme/app#1>',
    );

    await idea(world.h, 'Export everything at once', people.bob, channels.otherShared);
    const linked = await commandReply(
      world.h,
      people.alice,
      'track GLOBEX-1 https://github.com/Acme/App/issues/1',
      channels.otherShared,
    );
    expect(linked.args.text).toBe('*GLOBEX-1* now follows acme/app#1. It is tracked together with *ACME-1*.');
    expect((await storedAsk(world.h, 'GLOBEX-1')).linkedTo).toBe((await storedAsk(world.h, 'ACME-1')).id);

    expect((await webhook(world.h, closeIssue(world.github, REPO, issue as never, 'completed'))).status).toBe(
      200,
    );
    expect((await storedAsk(world.h, 'ACME-1')).status).toBe('shipped');
    expect((await storedAsk(world.h, 'GLOBEX-1')).status).toBe('shipped');
    expect(thread(world.h, channels.shared, 'ACME-1').at(-1)).toContain('*ACME-1* is now *Shipped*.');
    expect(thread(world.h, channels.shared, 'ACME-1').at(-1)).toContain('Engineering has finished this.');
    expect(thread(world.h, channels.otherShared, 'GLOBEX-1').at(-1)).toContain(
      '*GLOBEX-1* is now *Shipped*.',
    );
    expect(JSON.stringify(card(world.h, channels.otherShared, 'GLOBEX-1').blocks)).toContain('Shipped');
  });

  it('keeps GitHub from the settings: connecting it in Slack is refused, and /rapport tracker says where it comes from', async () => {
    const refused = await commandReply(world.h, people.alice, 'tracker connect github');
    expect(refused.args.text).toBe(
      'GitHub comes from the settings (GITHUB_TOKEN, GITHUB_STATUS_MAP, GITHUB_PEOPLE): change it there.',
    );
    const shown = await commandReply(world.h, people.alice, 'tracker');
    expect(shown.args.text).toContain('*GitHub*: from the settings');
    expect(shown.args.text).not.toContain(GITHUB_TOKEN);
  });

  it('declines an enhancement closed as not planned, saying why, and sends on raise with labels', async () => {
    await route(world.h, `enhancement ${REPO} auto customer-ask`);
    await idea(world.h, 'Dark mode', people.alice);
    const [issue] = world.github.issues(REPO);
    expect(issue).toMatchObject({ title: '[ACME-1] Dark mode', labels: ['customer-ask'] });

    await webhook(world.h, closeIssue(world.github, REPO, issue as never, 'not_planned'));
    expect((await storedAsk(world.h, 'ACME-1')).status).toBe('declined');
    const notice = thread(world.h, channels.shared, 'ACME-1').at(-1);
    expect(notice).toContain('*ACME-1* is now *Declined*.');
    expect(notice).toContain('Engineering has decided not to do this: the issue was closed as not planned.');
  });

  it('refuses forged, unsigned, malformed and oversized deliveries, and applies a duplicate once', async () => {
    await route(world.h, `enhancement ${REPO} auto`);
    await idea(world.h, 'Audit log', people.alice);
    const [issue] = world.github.issues(REPO);
    const closing = closeIssue(world.github, REPO, issue as never, 'completed');

    expect((await webhook(world.h, { ...closing, signature: 'sha256=00ff' })).status).toBe(401);
    expect((await webhook(world.h, { ...closing, signature: null })).status).toBe(401);
    const signedElsewhere = signGithub(JSON.stringify(closing.payload), 'someone-elses-secret-0123');
    expect((await webhook(world.h, { ...closing, signature: signedElsewhere })).status).toBe(401);
    const tampered = JSON.stringify({ ...closing.payload, sender: { login: 'mallory' } });
    const original = signGithub(JSON.stringify(closing.payload), WEBHOOK_SECRET);
    expect((await webhook(world.h, { ...closing, rawBody: tampered, signature: original })).status).toBe(401);
    const notJson = '{"action": "closed"';
    expect((await webhook(world.h, { ...closing, rawBody: notJson })).status).toBe(400);
    expect(
      (await webhook(world.h, { ...closing, rawBody: `{"x":"${'a'.repeat(1024 * 1024)}"}` })).status,
    ).toBe(413);
    expect((await storedAsk(world.h, 'ACME-1')).status).toBe('submitted');

    const first = await webhook(world.h, closing);
    const replay = await webhook(world.h, { ...closing, delivery: first.delivery });
    expect([first.status, replay.status]).toEqual([200, 200]);
    const shipped = thread(world.h, channels.shared, 'ACME-1').filter((t) => t.includes('is now *Shipped*'));
    expect(shipped).toHaveLength(1);

    const unknown = {
      ...closing,
      payload: { ...closing.payload, issue: { ...closing.payload.issue, number: 99 } },
    };
    expect((await webhook(world.h, unknown)).status).toBe(200);
    expect((await webhook(world.h, { event: 'star', payload: { action: 'created' } })).status).toBe(200);
  });

  it('creates each issue exactly once while GitHub fails, rate-limits and loses an answer, then recovers', async () => {
    await route(world.h, `enhancement ${REPO}`);
    await idea(world.h, 'SAML login', people.alice);
    await idea(world.h, 'SCIM provisioning', people.alice);
    world.github.failNext('POST', { status: 502, message: 'Server Error' });
    await clickTwin(world.h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(world.github.issues(REPO)).toHaveLength(0);
    expect(JSON.stringify(twin(world.h, 'ACME-1').blocks)).toContain('sending…');

    world.github.failNext('POST', {
      status: 429,
      message: 'API rate limit exceeded',
      headers: { 'retry-after': '600', 'x-ratelimit-remaining': '0' },
    });
    world.clock.advance(2);
    await world.h.rapport.runJob('effects');
    expect(world.github.issues(REPO)).toHaveLength(0);
    world.clock.advance(5); // within Retry-After: nothing is tried
    const before = world.github.callsTo('POST', '/repos').length;
    await world.h.rapport.runJob('effects');
    expect(world.github.callsTo('POST', '/repos')).toHaveLength(before);

    world.github.failNext('POST', { loseAnswer: true });
    world.clock.advance(6);
    await world.h.rapport.runJob('effects');
    expect(world.github.issues(REPO)).toHaveLength(1); // created, but Rapport never heard
    expect((await storedAsk(world.h, 'ACME-1')).tracker?.issue).toBeNull();

    await clickTwin(world.h, 'ACME-2', TRACKER_ACTIONS.send);
    world.clock.advance(20);
    await world.h.rapport.runJob('effects');
    expect(world.github.issues(REPO).map((i) => i.title)).toEqual([
      '[ACME-1] SAML login',
      '[ACME-2] SCIM provisioning',
    ]);
    expect((await storedAsk(world.h, 'ACME-1')).tracker?.issue?.key).toBe('acme/app#1');
    expect((await storedAsk(world.h, 'ACME-2')).tracker?.issue?.key).toBe('acme/app#2');
    // Only the ask whose earlier attempts had unknown outcomes was searched for before creating again.
    const searches = world.github.callsTo('GET', '/search/issues').map((c) => c.query.q);
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((q) => q?.startsWith('"ACME-1" in:title repo:acme/app'))).toBe(true);
  });

  it('keeps unmarked tracker comments internal and posts marked ones to the customer, escaped', async () => {
    await route(world.h, `enhancement ${REPO} auto`);
    await idea(world.h, 'Webhooks', people.alice);
    const [issue] = world.github.issues(REPO);
    await webhook(
      world.h,
      commentEvent(
        world.github,
        REPO,
        issue as never,
        'Internal: the customer is on the old plan, <!channel>',
      ),
    );
    await webhook(
      world.h,
      commentEvent(world.github, REPO, issue as never, 'customer: Prototype is ready <!here> @everyone'),
    );

    const shared = textsPostedTo(world.h, channels.shared).join('\n');
    expect(shared).not.toContain('old plan');
    const told = thread(world.h, channels.shared, 'ACME-1').at(-1);
    expect(told).toContain('Prototype is ready &lt;!here&gt; @\u2060everyone');
    expect(told).not.toContain('customer:');
    const internal = twinThread(world.h, 'ACME-1');
    expect(internal.some((t) => t.includes('the customer is on the old plan, &lt;!channel&gt;'))).toBe(true);
  });
});
