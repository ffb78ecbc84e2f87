/**
 * Distribution: a workspace connects its own Linear from Slack, the same table-driven way as GitHub. The
 * API key is checked with Linear before anything is stored, asks go to Linear with it, and Linear's
 * webhooks reach the workspace at /webhooks/linear/<team id> with the secret Rapport generated, moved by
 * the workspace's own status mapping and people.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONNECT_BLOCKS } from '../../src/slack/trackers/ids.js';
import {
  commentOn,
  deliverLinear,
  FakeLinear,
  LINEAR_API_KEY,
  type LinearDelivery,
  moveIssue,
} from '../support/fake-linear/index.js';
import { commandReply, openModalByCommand } from '../support/flows.js';
import { card, idea, thread } from '../support/github-flows.js';
import { TEAM } from '../support/linear-flows.js';
import { installWorkspace } from '../support/oauth-install.js';
import { channels, type Harness, people, startHarness, VENDOR_TEAM } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';
import { connectTracker, submitConnectForm } from '../support/tracker-connections.js';
import { setUp } from '../support/two-vendors.js';

/** The signing secret Linear made for the workspace's webhook, typed in the connect form. */
const SIGNING_SECRET = 'lin_wh_vendor_workspace_0123456789';
const settingsOf = (linear: FakeLinear) => ({
  apiKey: LINEAR_API_KEY,
  apiUrl: linear.apiUrl,
  webhookSecret: SIGNING_SECRET,
});

describe.each(storeKinds())('a workspace connecting Linear from Slack ($name store)', (kind) => {
  let h: Harness;
  let linear: FakeLinear;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    const clock = new TestClock('2026-12-01T10:00:00Z');
    linear = await FakeLinear.start();
    linear.workspace.addTeam(TEAM, ['customer-ask']);
    linear.now = () => clock.now();
    h = await startHarness(kind.freshLocation(), { distribution: true, clock });
    await installWorkspace(h, { teamId: VENDOR_TEAM, teamName: 'Vendor', userId: people.alice.id });
    await setUp(h, people.alice, people.bob, channels.triage);
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
    await linear.stop();
  });

  const deliver = async (delivery: LinearDelivery) => {
    const answer = await deliverLinear(linear, `http://127.0.0.1:${h.rapport.port}`, delivery);
    await h.rapport.settled();
    return answer.status;
  };
  const statusOf = async () =>
    (await (await h.rapport.store.workspace(`T${VENDOR_TEAM}`)).asks.findByRef('ACME-1'))[0]?.status;

  it('checks the API key with Linear, then sends asks with it and takes webhooks at the team path by its own mapping', async () => {
    const view = await openModalByCommand(h, people.alice, 'tracker connect linear');
    expect(JSON.stringify(view.blocks)).toContain(`/webhooks/linear/${VENDOR_TEAM}`);
    const refused = await submitConnectForm(h, people.alice, view, {
      ...settingsOf(linear),
      apiKey: 'lin_api_wrong_0123456789',
    });
    expect(refused.body).toEqual({
      response_action: 'errors',
      errors: {
        [CONNECT_BLOCKS.field('apiKey')]: expect.stringContaining(
          'Linear refused the API key (bad credentials)',
        ),
      },
    });
    const workspace = await h.rapport.store.workspace(`T${VENDOR_TEAM}`);
    expect(await workspace.trackerConnections.list()).toEqual([]);

    const hook = await connectTracker(h, people.alice, 'linear', settingsOf(linear), 'canceled=ignore');
    expect(hook).toEqual({ path: `/webhooks/linear/${VENDOR_TEAM}`, secret: SIGNING_SECRET });
    const stored = JSON.stringify(await workspace.trackerConnections.list());
    expect(stored).toContain('rapport-bot@vendor.example');
    expect(stored).not.toContain(LINEAR_API_KEY);
    expect(stored).not.toContain(SIGNING_SECRET);
    expect((await commandReply(h, people.alice, 'tracker')).args.text).toContain(
      '*Linear*: connected as *rapport-bot@vendor.example*',
    );

    expect(
      (await commandReply(h, people.alice, `tracker enhancement linear ${TEAM} auto`)).args.text,
    ).toContain('Saved.');
    await idea(h, 'Bulk export', people.alice);
    const [issue] = linear.workspace.issues;
    if (!issue) throw new Error('no issue created');
    expect(issue.title).toBe('[ACME-1] Bulk export');

    // Only the team path with the generated secret reaches the workspace.
    const canceled = moveIssue(linear, issue, 'canceled');
    expect(await deliver({ ...canceled, path: hook.path })).toBe(401);
    expect(await deliver({ ...canceled, path: '/webhooks/linear/TNOBODY01', secret: hook.secret })).toBe(404);
    expect(await deliver({ ...canceled, secret: hook.secret })).toBe(404); // no single workspace here
    expect(await deliver({ ...canceled, ...hook })).toBe(200);
    expect(await statusOf()).toBe('submitted'); // canceled=ignore

    const saved = await commandReply(h, people.alice, 'tracker mapping linear duplicate=declined');
    expect(saved.args.text).toBe(
      'Saved. Linear’s states now mean: triage=open, backlog=open, unstarted=open, started=started, ' +
        'completed=completed, canceled=declined, duplicate=declined.',
    );
    expect(await deliver({ ...moveIssue(linear, issue, 'duplicate'), ...hook })).toBe(200);
    expect(await statusOf()).toBe('declined');
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain(
      'Engineering has decided not to do this: the issue was marked as a duplicate.',
    );
    expect(JSON.stringify(card(h, channels.shared, 'ACME-1').blocks)).toContain('Declined');
  });

  it('posts a marked Linear comment as a note from the Slack user its author’s email is mapped to', async () => {
    const hook = await connectTracker(h, people.alice, 'linear', settingsOf(linear));
    await commandReply(h, people.alice, `tracker enhancement linear ${TEAM} auto`);
    await idea(h, 'Audit log', people.alice);
    const [issue] = linear.workspace.issues;
    if (!issue) throw new Error('no issue created');
    const mapped = await commandReply(
      h,
      people.alice,
      `tracker people linear Erin@vendor.example=<@${people.bob.id}|bob>`,
    );
    expect(mapped.args.text).toBe(`Saved. Linear people: erin@vendor.example=<@${people.bob.id}>.`);

    expect(
      await deliver({ ...commentOn(linear, issue, 'customer: The beta is ready <!here>', 'Erin'), ...hook }),
    ).toBe(200);
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toBe(
      `<@${people.alice.id}> News on *ACME-1* from <@${people.bob.id}>:\n> The beta is ready &lt;!here&gt;`,
    );
    await deliver({ ...commentOn(linear, issue, 'customer: Shipping next week', 'Mallory'), ...hook });
    expect(thread(h, channels.shared, 'ACME-1').at(-1)).toBe(
      `<@${people.alice.id}> News on *ACME-1* from <@${people.alice.id}>:\n> Shipping next week`,
    );
  });
});
