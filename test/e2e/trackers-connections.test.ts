/**
 * Distribution: each workspace connects its own GitHub from Slack. Two vendors in one shared channel, each
 * with its own fake GitHub (its own token) holding the same repository: an ask goes only to its
 * workspace's GitHub, and a webhook moves only the asks of the workspace whose path and secret it bears.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONNECT_BLOCKS } from '../../src/slack/trackers/ids.js';
import { TRACKER_ADMINS_ONLY } from '../../src/slack/trackers/tracker-admins.js';
import { closeIssue, commentEvent, FakeGithub, WEBHOOK_SECRET } from '../support/fake-github/index.js';
import { commandReply, openModalByCommand, setUpPartnership } from '../support/flows.js';
import { connectGithub, submitConnect } from '../support/github-connections.js';
import { card, idea, REPO, thread, webhook } from '../support/github-flows.js';
import { installWorkspace } from '../support/oauth-install.js';
import { channels, type Harness, people, startHarness, VENDOR_TEAM } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';
import {
  addInitech,
  asInitech,
  erin,
  frank,
  INITECH,
  INITECH_TRIAGE,
  setUp,
} from '../support/two-vendors.js';
import { webhookSettings } from '../support/webhook-flows.js';

describe.each(storeKinds())('tracker connections per workspace ($name store)', (kind) => {
  let h: Harness;
  let initech: Harness;
  let clock: TestClock;
  let vendorGithub: FakeGithub;
  let initechGithub: FakeGithub;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    clock = new TestClock('2026-12-01T10:00:00Z');
    vendorGithub = await FakeGithub.start({ token: 'ghp_vendor_token_0123456789', login: 'vendor-bot' });
    initechGithub = await FakeGithub.start({ token: 'ghp_initech_token_0123456789', login: 'initech-bot' });
    for (const github of [vendorGithub, initechGithub]) {
      github.addRepo(REPO);
      github.now = () => clock.now();
    }
    h = await startHarness(kind.freshLocation(), { distribution: true, clock });
    addInitech(h, { admin: true });
    await installWorkspace(h, { teamId: VENDOR_TEAM, teamName: 'Vendor', userId: people.alice.id });
    await installWorkspace(h, { teamId: INITECH, teamName: 'Initech', userId: erin.id });
    initech = asInitech(h);
    await setUp(h, people.alice, people.bob, channels.triage);
    await setUp(initech, erin, frank, INITECH_TRIAGE);
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
    await vendorGithub.stop();
    await initechGithub.stop();
  });

  it('lets only admins connect, refuses bad settings at their field with the input kept, and seals the secrets', async () => {
    const opened = h.fake.callsTo('views.open').length;
    const refused = await commandReply(h, people.bob, 'tracker connect github');
    expect(refused.args.text).toBe(TRACKER_ADMINS_ONLY);
    expect(h.fake.callsTo('views.open')).toHaveLength(opened);

    const view = await openModalByCommand(h, people.alice, 'tracker connect github');
    const badToken = await submitConnect(h, people.alice, view, vendorGithub, {
      token: 'ghp_wrong_0123456789',
    });
    expect(badToken.body).toEqual({
      response_action: 'errors',
      errors: {
        [CONNECT_BLOCKS.field('token')]: expect.stringContaining(
          'GitHub refused the token (bad credentials)',
        ),
      },
    });
    const badMapping = await submitConnect(h, people.alice, view, vendorGithub, {
      statusMap: 'wontfix=declined',
    });
    expect(badMapping.body).toEqual({
      response_action: 'errors',
      errors: {
        [CONNECT_BLOCKS.statusMap]:
          'wontfix is not a state here: use open, completed, not_planned, duplicate.',
      },
    });
    const workspace = await h.rapport.store.workspace(`T${VENDOR_TEAM}`);
    expect(await workspace.trackerConnections.list()).toEqual([]);
    // Refused forms stay open as they were: nothing replaced them.
    expect(h.fake.callsTo('views.update')).toHaveLength(0);

    const { path, secret } = await connectGithub(h, people.alice, vendorGithub);
    expect(path).toBe(`/webhooks/github/${VENDOR_TEAM}`);
    const stored = JSON.stringify(await workspace.trackerConnections.list());
    expect(stored).toContain('vendor-bot');
    expect(stored).not.toContain(vendorGithub.account.token);
    expect(stored).not.toContain(secret);
    expect(h.logs.join('\n')).not.toContain(vendorGithub.account.token);

    const shown = await commandReply(h, people.alice, 'tracker');
    expect(shown.args.text).toContain(
      `*GitHub*: connected as *vendor-bot* by <@${people.alice.id}> on 2026-12-01`,
    );
    expect(shown.args.text).not.toContain(secret);
    expect(shown.args.text).not.toContain(vendorGithub.account.token);
    const other = await commandReply(initech, erin, 'tracker');
    expect(other.args.text).toContain('*GitHub*: not connected');
  });

  it('sends each workspace’s asks to its own GitHub, and applies a webhook only in the workspace it is for', async () => {
    const vendorHook = await connectGithub(h, people.alice, vendorGithub);
    const initechHook = await connectGithub(initech, erin, initechGithub);
    for (const [hh, user] of [
      [h, people.alice],
      [initech, erin],
    ] as const) {
      expect((await commandReply(hh, user, `tracker enhancement ${REPO} auto`)).args.text).toContain(
        'Saved.',
      );
    }
    await idea(h, 'Bulk export', people.alice);
    await idea(initech, 'Invoices in CSV', erin);
    expect(vendorGithub.issues(REPO).map((i) => i.title)).toEqual(['[ACME-1] Bulk export']);
    expect(initechGithub.issues(REPO).map((i) => i.title)).toEqual(['[ACME-1] Invoices in CSV']);
    expect(vendorGithub.calls.every((c) => c.token === vendorGithub.account.token)).toBe(true);
    expect(initechGithub.calls.every((c) => c.token === initechGithub.account.token)).toBe(true);

    // Both issues are acme/app#1: only the path and the secret tell whose asks a delivery moves.
    const [vendorIssue] = vendorGithub.issues(REPO);
    const closing = closeIssue(vendorGithub, REPO, vendorIssue as never, 'completed');
    const elsewhere = { ...closing, path: initechHook.path, secret: vendorHook.secret };
    expect((await webhook(h, elsewhere)).status).toBe(401);
    expect(
      (await webhook(h, { ...closing, path: '/webhooks/github/TNOBODY01', secret: vendorHook.secret }))
        .status,
    ).toBe(404);
    expect((await webhook(h, { ...closing, secret: WEBHOOK_SECRET })).status).toBe(404); // no workspace of its own
    const vendorAsks = await h.rapport.store.workspace(`T${VENDOR_TEAM}`);
    const initechAsks = await h.rapport.store.workspace(`T${INITECH}`);
    const statusOf = async (asks: typeof vendorAsks) => (await asks.asks.findByRef('ACME-1'))[0]?.status;
    expect([await statusOf(vendorAsks), await statusOf(initechAsks)]).toEqual(['submitted', 'submitted']);

    expect((await webhook(h, { ...closing, ...vendorHook })).status).toBe(200);
    expect([await statusOf(vendorAsks), await statusOf(initechAsks)]).toEqual(['shipped', 'submitted']);

    const [initechIssue] = initechGithub.issues(REPO);
    const declining = closeIssue(initechGithub, REPO, initechIssue as never, 'not_planned');
    expect((await webhook(h, { ...declining, ...initechHook })).status).toBe(200);
    expect([await statusOf(vendorAsks), await statusOf(initechAsks)]).toEqual(['shipped', 'declined']);
  });

  it('changes what a closure does by the workspace’s own status mapping', async () => {
    const statusOf = async () =>
      (await (await h.rapport.store.workspace(`T${VENDOR_TEAM}`)).asks.findByRef('ACME-1'))[0]?.status;
    const hook = await connectGithub(h, people.alice, vendorGithub, 'not_planned=ignore');
    await commandReply(h, people.alice, `tracker enhancement ${REPO} auto`);
    await idea(h, 'Dark mode', people.alice);
    const [issue] = vendorGithub.issues(REPO);
    await webhook(h, { ...closeIssue(vendorGithub, REPO, issue as never, 'not_planned'), ...hook });
    expect(await statusOf()).toBe('submitted');

    const wrong = await commandReply(h, people.alice, 'tracker mapping github duplicate=shipped');
    expect(wrong.args.text).toBe(
      'GitHub: shipped is not a phase: use open, started, completed, declined, ignore.',
    );
    const saved = await commandReply(h, people.alice, 'tracker mapping github duplicate=declined');
    expect(saved.args.text).toBe(
      'Saved. GitHub’s states now mean: open=open, completed=completed, not_planned=declined, duplicate=declined.',
    );
    const duplicate = { ...closeIssue(vendorGithub, REPO, issue as never, 'completed'), ...hook };
    (duplicate.payload.issue as { state_reason: string }).state_reason = 'duplicate';
    await webhook(h, duplicate);
    expect(await statusOf()).toBe('declined');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain(
      'Engineering has decided not to do this: the issue was closed as a duplicate.',
    );
    expect(JSON.stringify(card(h, channels.shared, 'ACME-1').blocks)).toContain('Declined');
  });

  it('posts a marked comment as a note from the Slack user its GitHub login is mapped to, else from the owner', async () => {
    const hook = await connectGithub(h, people.alice, vendorGithub);
    await commandReply(h, people.alice, `tracker enhancement ${REPO} auto`);
    await idea(h, 'Audit log', people.alice);
    const customer = await commandReply(
      h,
      people.alice,
      `tracker people github octocat=<@${people.carol.id}|carol>`,
    );
    expect(customer.args.text).toBe(
      `<@${people.carol.id}> is not someone at your company: a tracker comment can only be a note from the vendor side.`,
    );
    const saved = await commandReply(
      h,
      people.alice,
      `tracker people github OctoCat=<@${people.bob.id}|bob>`,
    );
    expect(saved.args.text).toBe(`Saved. GitHub people: octocat=<@${people.bob.id}>.`);

    const [issue] = vendorGithub.issues(REPO);
    const marked = commentEvent(vendorGithub, REPO, issue as never, 'customer: The beta is ready <!here>');
    await webhook(h, { ...marked, ...hook });
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toBe(
      `<@${people.alice.id}> News on *ACME-1* from <@${people.bob.id}>:\n> The beta is ready &lt;!here&gt;`,
    );
    const unmapped = commentEvent(vendorGithub, REPO, issue as never, 'customer: Shipping next week');
    (unmapped.payload.comment.user as { login: string }).login = 'hubot';
    await webhook(h, { ...unmapped, ...hook });
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toBe(
      `<@${people.alice.id}> News on *ACME-1* from <@${people.alice.id}>:\n> Shipping next week`,
    );
  });
});

describe.each(storeKinds())('a single workspace connecting GitHub from Slack ($name store)', (kind) => {
  let h: Harness;
  let github: FakeGithub;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    const clock = new TestClock('2026-12-01T10:00:00Z');
    github = await FakeGithub.start();
    github.addRepo(REPO);
    github.now = () => clock.now();
    // No GITHUB_TOKEN; TOKEN_ENCRYPTION_KEYS set (as for webhook endpoints).
    h = await startHarness(kind.freshLocation(), { clock, webhooks: webhookSettings() });
    await setUpPartnership(h, channels.shared, 'Acme Corp');
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
    await github.stop();
  });

  it('takes webhooks at /webhooks/github and at its own team path, with the secret it generated', async () => {
    const hook = await connectGithub(h, people.alice, github);
    await commandReply(h, people.alice, `tracker enhancement ${REPO} auto`);
    await idea(h, 'Bulk export', people.alice);
    const [issue] = github.issues(REPO);
    const closing = closeIssue(github, REPO, issue as never, 'completed');
    expect((await webhook(h, { ...closing, secret: WEBHOOK_SECRET })).status).toBe(401);
    expect((await webhook(h, { ...closing, secret: hook.secret })).status).toBe(200);
    expect((await h.rapport.store.asks.findByRef('ACME-1'))[0]?.status).toBe('shipped');
    expect((await webhook(h, { ...closing, ...hook })).status).toBe(200);
  });
});
