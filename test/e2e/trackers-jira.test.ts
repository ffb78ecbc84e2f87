import { describe, expect, it } from 'vitest';
import { TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import {
  commentCreated,
  type FakeJiraIssue,
  JIRA_WEBHOOK_SECRET,
  signJira,
  transitionIssue,
} from '../support/fake-jira/index.js';
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
import { jiraForEachTest, jiraWebhook, PROJECT } from '../support/jira-flows.js';
import { channels, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

/** The words of an ADF document, for asserting on what Jira was sent. */
const words = (doc: unknown): string =>
  JSON.stringify(doc)
    .match(/"text":"[^"]*"/g)
    ?.join(' ') ?? '';

const CREATE = 'POST /rest/api/3/issue';

describe.each(storeKinds())('Jira Cloud drives asks ($name store)', (kind) => {
  const world = jiraForEachTest(kind);
  const only = (): FakeJiraIssue => {
    const [issue] = world.jira.issues(PROJECT);
    if (!issue) throw new Error('no issue in Jira');
    return issue;
  };

  it('sends an enhancement to Jira; In Progress starts it, Done ships it for both customers linked to it', async () => {
    const { h, jira } = world;
    await route(h, `enhancement ${PROJECT}`);
    await idea(h, 'Bulk export', people.alice);
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);

    expect(jira.issues(PROJECT)).toHaveLength(1);
    const issue = only();
    expect(issue).toMatchObject({ key: 'OPS-1', summary: '[ACME-1] Bulk export', issuetype: 'Story' });
    expect(words(issue.description)).toContain('"text":"Customer:"');
    expect(words(issue.description)).toContain('Monthly reporting by hand @\u200boctocat');
    expect(issue.properties.rapport).toEqual({ marker: `rapport-ask:${(await storedAsk(h, 'ACME-1')).id}` });
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue).toEqual({
      tracker: 'jira',
      key: 'OPS-1',
      url: jira.browseUrl('OPS-1'),
    });
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain(`<${jira.browseUrl('OPS-1')}|OPS-1>`);

    await idea(h, 'Export everything at once', people.bob, channels.otherShared);
    const linked = await commandReply(
      h,
      people.alice,
      `track GLOBEX-1 ${jira.browseUrl('OPS-1')}`,
      channels.otherShared,
    );
    expect(linked.args.text).toBe('*GLOBEX-1* now follows OPS-1. It is tracked together with *ACME-1*.');

    expect((await jiraWebhook(h, transitionIssue(jira, issue, 'indeterminate'))).status).toBe(200);
    expect((await storedAsk(h, 'ACME-1')).status).toBe('in_progress');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('Engineering has started on this.');

    await jiraWebhook(h, transitionIssue(jira, issue, 'done', 'Done'));
    expect((await storedAsk(h, 'ACME-1')).status).toBe('shipped');
    expect((await storedAsk(h, 'GLOBEX-1')).status).toBe('shipped');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('*ACME-1* is now *Shipped*.');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain('Engineering has finished this.');
    expect(thread(h, channels.otherShared, 'GLOBEX-1').at(-1)).toContain('*GLOBEX-1* is now *Shipped*.');
    expect(JSON.stringify(card(h, channels.otherShared, 'GLOBEX-1').blocks)).toContain('Shipped');
  });

  it("declines an enhancement resolved as Won't Do, naming the resolution, and sends on raise with labels", async () => {
    const { h, jira } = world;
    const notJira = await commandReply(h, people.alice, 'tracker enhancement acme/app');
    expect(notJira.args.text).toContain('acme/app is not a project of a connected tracker.');
    await route(h, `enhancement jira:${PROJECT} auto customer-ask`);
    const shown = await commandReply(h, people.alice, 'tracker');
    expect(shown.args.text).toContain('• enhancement: Jira OPS, sent when raised, labels customer-ask');
    await idea(h, 'Dark mode', people.alice);
    expect(only()).toMatchObject({ summary: '[ACME-1] Dark mode', labels: ['customer-ask'] });

    await jiraWebhook(h, transitionIssue(jira, only(), 'done', "Won't Do"));
    expect((await storedAsk(h, 'ACME-1')).status).toBe('declined');
    const notice = thread(h, channels.shared, 'ACME-1').at(-1);
    expect(notice).toContain('*ACME-1* is now *Declined*.');
    expect(notice).toContain("Engineering has decided not to do this: the issue was resolved as Won't Do.");
  });

  it('refuses forged, unsigned, malformed and oversized deliveries, and applies a replayed one once', async () => {
    const { h, jira } = world;
    await route(h, `enhancement ${PROJECT} auto`);
    await idea(h, 'Audit log', people.alice);
    const closing = transitionIssue(jira, only(), 'done', 'Done');
    const body = JSON.stringify(closing.payload);

    expect((await jiraWebhook(h, { ...closing, signature: 'sha256=00ff' })).status).toBe(401);
    expect((await jiraWebhook(h, { ...closing, signature: null })).status).toBe(401);
    const signedElsewhere = signJira(body, 'someone-elses-secret-0123');
    expect((await jiraWebhook(h, { ...closing, signature: signedElsewhere })).status).toBe(401);
    const tampered = JSON.stringify({ ...closing.payload, user: { displayName: 'mallory' } });
    const original = signJira(body, JIRA_WEBHOOK_SECRET);
    expect((await jiraWebhook(h, { ...closing, rawBody: tampered, signature: original })).status).toBe(401);
    expect(
      (await jiraWebhook(h, { ...closing, rawBody: '{"webhookEvent": "jira:issue_updated"' })).status,
    ).toBe(400);
    expect((await jiraWebhook(h, { ...closing, rawBody: '{"issue": {}}' })).status).toBe(400); // names no event
    expect((await jiraWebhook(h, { ...closing, rawBody: `{"x":"${'a'.repeat(1024 * 1024)}"}` })).status).toBe(
      413,
    );
    expect((await storedAsk(h, 'ACME-1')).status).toBe('submitted');

    const first = await jiraWebhook(h, closing);
    const replay = await jiraWebhook(h, { ...closing, delivery: first.delivery });
    expect([first.status, replay.status]).toEqual([200, 200]);
    const shipped = thread(h, channels.shared, 'ACME-1').filter((t) => t.includes('is now *Shipped*'));
    expect(shipped).toHaveLength(1);

    const unknown = jira.openIssue(PROJECT, 'Not linked to any ask');
    expect((await jiraWebhook(h, transitionIssue(jira, unknown, 'done'))).status).toBe(200);
    expect(
      (await jiraWebhook(h, { payload: { webhookEvent: 'sprint_started', sprint: { id: 1 } } })).status,
    ).toBe(200);
  });

  it('creates each issue exactly once while Jira fails, rate-limits and loses an answer, then recovers', async () => {
    const { h, jira, clock } = world;
    await route(h, `enhancement ${PROJECT}`);
    await idea(h, 'SAML login', people.alice);
    await idea(h, 'SCIM provisioning', people.alice);
    jira.failNext(CREATE, { status: 503, message: 'Service Unavailable' });
    await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.send);
    expect(jira.issues(PROJECT)).toHaveLength(0);
    expect(JSON.stringify(twin(h, 'ACME-1').blocks)).toContain('sending…');

    jira.failNext(CREATE, {
      status: 429,
      message: 'Rate limit exceeded.',
      headers: { 'retry-after': '600', 'x-ratelimit-limit': '100' },
    });
    clock.advance(2);
    await h.rapport.runJob('effects');
    expect(jira.issues(PROJECT)).toHaveLength(0);
    clock.advance(5); // within Retry-After: nothing is tried
    const before = jira.callsTo('POST', '/rest/api/3/').length;
    await h.rapport.runJob('effects');
    expect(jira.callsTo('POST', '/rest/api/3/')).toHaveLength(before);

    jira.failNext(CREATE, { loseAnswer: true });
    clock.advance(6);
    await h.rapport.runJob('effects');
    expect(jira.issues(PROJECT)).toHaveLength(1); // created, but Rapport never heard
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue).toBeNull();

    await clickTwin(h, 'ACME-2', TRACKER_ACTIONS.send);
    clock.advance(20);
    await h.rapport.runJob('effects');
    expect(jira.issues(PROJECT).map((i) => i.summary)).toEqual([
      '[ACME-1] SAML login',
      '[ACME-2] SCIM provisioning',
    ]);
    expect((await storedAsk(h, 'ACME-1')).tracker?.issue?.key).toBe('OPS-1');
    expect((await storedAsk(h, 'ACME-2')).tracker?.issue?.key).toBe('OPS-2');
    // Only the ask whose earlier attempts had unknown outcomes was searched for before creating again.
    const searches = jira.callsTo('POST', '/rest/api/3/search/jql').map((c) => String(c.body?.jql));
    expect(searches.length).toBeGreaterThan(0);
    expect(searches.every((jql) => jql.startsWith('project = "OPS" AND summary ~ "\\"ACME-1\\""'))).toBe(
      true,
    );
  });

  it('keeps unmarked Jira comments internal, posts marked ones to the customer escaped as from the mapped person, and ignores its own', async () => {
    const { h, jira } = world;
    await route(h, `enhancement ${PROJECT} auto`);
    await idea(h, 'Webhooks', people.alice);
    await jiraWebhook(
      h,
      commentCreated(jira, only(), 'Internal: the customer is on the old plan, <!channel>'),
    );
    await jiraWebhook(h, commentCreated(jira, only(), 'customer: Prototype is ready <!here> @everyone'));
    await jiraWebhook(h, commentCreated(jira, only(), 'Update on ACME-1 from Rapport:\n\nDetails added'));

    const shared = textsPostedTo(h, channels.shared).join('\n');
    expect(shared).not.toContain('old plan');
    const told = thread(h, channels.shared, 'ACME-1').at(-1);
    expect(told).toContain('Prototype is ready &lt;!here&gt; @\u2060everyone');
    expect(told).toContain(`News on *ACME-1* from <@${people.bob.id}>`); // the mapped account id
    expect(told).not.toContain('customer:');
    const internal = twinThread(h, 'ACME-1');
    expect(
      internal.some((t) =>
        t.includes(
          'Comment by Priya Engineer on OPS-1: Internal: the customer is on the old plan, &lt;!channel&gt;',
        ),
      ),
    ).toBe(true);
    expect(internal.join('\n')).not.toContain('from Rapport:');
  });
});
