import { describe, expect, it } from 'vitest';
import { TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import { commentOn, LINEAR_WEBHOOK_SECRET, moveIssue, signLinear } from '../support/fake-linear/index.js';
import { commandReply, textsPostedTo } from '../support/flows.js';
import {
  card,
  clickTwin,
  idea,
  route,
  storedAsk,
  thread,
  twin,
  twinThread,
} from '../support/github-flows.js';
import { issueNumber, linearForEachTest, linearWebhook, TEAM } from '../support/linear-flows.js';
import { channels, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

describe.each(storeKinds())('Linear drives asks ($name store)', (kind) => {
  const world = linearForEachTest(kind);

  it('sends an enhancement to Linear and records each linked customer’s need; completing it ships both', async () => {
    const { h, linear } = world;
    await route(h, `enhancement linear ${TEAM.toLowerCase()}`);
    await idea(h, 'Bulk export', people.alice);
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);

    const issue = issueNumber(world, 1);
    expect(linear.workspace.issues).toHaveLength(1);
    expect(issue.title).toBe('[ACME-1] Bulk export');
    expect(issue.description).toContain('- **Customer:** Acme Corp');
    expect(issue.description).toContain('Monthly reporting by hand @\u200boctocat');
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue).toEqual({
      tracker: 'linear',
      key: 'ENG-1',
      url: 'https://linear.app/acme/issue/eng-1/-acme-1-bulk-export',
    });
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain(
      '*Linear*: <https://linear.app/acme/issue/eng-1/',
    );

    await idea(h, 'Export everything at once', people.bob, channels.otherShared);
    const linked = await commandReply(
      h,
      people.alice,
      'track GLOBEX-1 https://linear.app/acme/issue/ENG-1/bulk-export',
      channels.otherShared,
    );
    expect(linked.args.text).toBe('*GLOBEX-1* now follows ENG-1. It is tracked together with *ACME-1*.');
    await h.rapport.settled();
    expect(linear.workspace.customers.map((c) => c.name).sort()).toEqual(['Acme Corp', 'Globex']);
    const needs = linear.workspace.needs;
    expect(needs.map((n) => n.issueId)).toEqual([issue.id, issue.id]);
    expect(needs.map((n) => n.body.split(':')[0]).sort()).toEqual(['ACME-1', 'GLOBEX-1']);
    const everyone = Object.values(people).map((p) => p.id);
    expect(needs.every((n) => everyone.every((who) => !n.body.includes(who)))).toBe(true);

    await linearWebhook(world, moveIssue(linear, issue, 'started'));
    expect((await storedAsk(h, 'ACME-1')).status).toBe('in_progress');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('Engineering has started on this.');

    expect((await linearWebhook(world, moveIssue(linear, issue, 'completed'))).status).toBe(200);
    expect((await storedAsk(h, 'ACME-1')).status).toBe('shipped');
    expect((await storedAsk(h, 'GLOBEX-1')).status).toBe('shipped');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('Engineering has finished this.');
    expect(thread(h, channels.otherShared, 'GLOBEX-1').at(-1)).toContain('*GLOBEX-1* is now *Shipped*.');
    expect(JSON.stringify(card(h, channels.otherShared, 'GLOBEX-1').blocks)).toContain('Shipped');
  });

  it('declines an enhancement whose issue is canceled, saying so, and sends on raise with labels by name', async () => {
    const { h, linear } = world;
    await route(h, `enhancement linear ${TEAM} auto customer-ask bug`);
    await idea(h, 'Dark mode', people.alice);
    const issue = issueNumber(world, 1);
    const [team] = linear.workspace.teams;
    expect(issue.title).toBe('[ACME-1] Dark mode');
    expect(issue.labelIds).toEqual(team?.labels.map((l) => l.id));

    await linearWebhook(world, moveIssue(linear, issue, 'canceled'));
    expect((await storedAsk(h, 'ACME-1')).status).toBe('declined');
    const notice = thread(h, channels.shared, 'ACME-1').at(-1);
    expect(notice).toContain('*ACME-1* is now *Declined*.');
    expect(notice).toContain('Engineering has decided not to do this: the issue was canceled.');
  });

  it('refuses forged, unsigned, stale, malformed and oversized deliveries, and applies a duplicate once', async () => {
    const { h, linear, clock } = world;
    await route(h, `enhancement linear ${TEAM} auto`);
    await idea(h, 'Audit log', people.alice);
    const issue = issueNumber(world, 1);
    const closing = moveIssue(linear, issue, 'completed');
    const body = (at: number) =>
      JSON.stringify({
        action: 'update',
        type: 'Issue',
        data: closing.data,
        updatedFrom: closing.updatedFrom,
        webhookTimestamp: at,
      });
    const now = clock.now().getTime();

    expect((await linearWebhook(world, { ...closing, signature: 'deadbeef' })).status).toBe(401);
    expect((await linearWebhook(world, { ...closing, signature: null })).status).toBe(401);
    const elsewhere = signLinear(body(now), 'someone-elses-secret-0123');
    expect(
      (await linearWebhook(world, { ...closing, rawBody: body(now), signature: elsewhere })).status,
    ).toBe(401);
    const signed = signLinear(body(now), LINEAR_WEBHOOK_SECRET);
    const tampered = body(now).replace('"completed"', '"canceled"');
    expect((await linearWebhook(world, { ...closing, rawBody: tampered, signature: signed })).status).toBe(
      401,
    );
    const stale = body(now - 61_000);
    expect((await linearWebhook(world, { ...closing, rawBody: stale })).status).toBe(401);
    const early = body(now + 61_000);
    expect((await linearWebhook(world, { ...closing, rawBody: early })).status).toBe(401);
    expect((await linearWebhook(world, { ...closing, rawBody: '{"action": "update"' })).status).toBe(400);
    const huge = `{"x":"${'a'.repeat(1024 * 1024)}"}`;
    expect((await linearWebhook(world, { ...closing, rawBody: huge })).status).toBe(413);
    expect((await storedAsk(h, 'ACME-1')).status).toBe('submitted');

    const first = await linearWebhook(world, closing);
    const replay = await linearWebhook(world, { ...closing, delivery: first.delivery });
    expect([first.status, replay.status]).toEqual([200, 200]);
    const again = await linearWebhook(world, closing); // the same change delivered twice, new ids
    expect(again.status).toBe(200);
    const shipped = thread(h, channels.shared, 'ACME-1').filter((t) => t.includes('is now *Shipped*'));
    expect(shipped).toHaveLength(1);

    const unknown = { ...closing, data: { ...closing.data, number: 99, identifier: 'ENG-99' } };
    expect((await linearWebhook(world, unknown)).status).toBe(200);
    const project = { event: 'Project', action: 'update', data: { id: 'p1', name: 'Q1' } };
    expect((await linearWebhook(world, project)).status).toBe(200);
  });

  it('creates the issue exactly once while Linear is down, then rate-limited, then loses an answer', async () => {
    const { h, linear, clock } = world;
    await route(h, `enhancement linear ${TEAM}`);
    await idea(h, 'SAML login', people.alice);
    await idea(h, 'SCIM provisioning', people.alice);
    linear.failNext('*', { status: 503 });
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(linear.workspace.issues).toHaveLength(0);
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain('sending…');

    linear.failNext('*', { rateLimitedForMs: 10 * 60_000 });
    clock.advance(2);
    await h.rapport.runJob('effects');
    expect(linear.workspace.issues).toHaveLength(0);
    clock.advance(5); // before Linear's reset: nothing is tried
    const before = linear.calls.length;
    await h.rapport.runJob('effects');
    expect(linear.calls).toHaveLength(before);

    linear.failNext('RapportIssueCreate', { loseAnswer: true });
    clock.advance(6);
    await h.rapport.runJob('effects');
    expect(linear.workspace.issues).toHaveLength(1); // created, but Rapport never heard
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue).toBeNull();

    await clickTwin(h, 'ACME-2', TRACKER_ACTIONS.send);
    clock.advance(20);
    await h.rapport.runJob('effects');
    expect(linear.workspace.issues.map((i) => i.title)).toEqual([
      '[ACME-1] SAML login',
      '[ACME-2] SCIM provisioning',
    ]);
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue?.key).toBe('ENG-1');
    expect((await storedAsk(h, 'ACME-2')).tracker?.issue?.key).toBe('ENG-2');
    const creates = linear.callsTo('RapportIssueCreate');
    expect(creates.map((c) => c.status)).toEqual([502, 200]);
    // The issue whose answer was lost was looked for by its ask's id before creating again, and found.
    const searches = linear
      .callsTo('RapportIssues')
      .filter((c) => JSON.stringify(c.variables).includes('"id"'));
    expect(searches.length).toBeGreaterThan(0);
  });

  it('keeps unmarked Linear comments out of every shared channel and posts marked ones to each customer, escaped', async () => {
    const { h, linear } = world;
    await route(h, `enhancement linear ${TEAM} auto`);
    await idea(h, 'Webhooks', people.alice);
    await idea(h, 'Outbound webhooks', people.bob, channels.otherShared);
    await commandReply(h, people.alice, 'track GLOBEX-1 ENG-1', channels.otherShared);
    const issue = issueNumber(world, 1);
    await linearWebhook(
      world,
      commentOn(linear, issue, 'Internal: the customer is on the old plan, <!channel>'),
    );
    await linearWebhook(world, commentOn(linear, issue, 'Customer: Prototype is ready <!here> @everyone'));

    for (const [channel, ref] of [
      [channels.shared, 'ACME-1'],
      [channels.otherShared, 'GLOBEX-1'],
    ] as const) {
      expect(textsPostedTo(h, channel).join('\n')).not.toContain('old plan');
      const told = thread(h, channel, ref).at(-1);
      expect(told).toContain('Prototype is ready &lt;!here&gt; @\u2060everyone');
      expect(told).not.toContain('ustomer:');
    }
    const internal = twinThread(h, 'ACME-1');
    expect(
      internal.some((t) =>
        t.includes('Comment by Erin on ENG-1: Internal: the customer is on the old plan, &lt;!channel&gt;'),
      ),
    ).toBe(true);
  });
});
