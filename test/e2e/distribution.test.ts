/**
 * Distribution: two vendors install Rapport through OAuth and both use it in one Slack Connect channel
 * they share with a customer. Each sees, changes and is reminded of only its own partnership and asks;
 * rotated tokens are refreshed; uninstalling removes one installation and nothing else.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriverUser, RecordedCall } from '../../src/playground/slack-simulator/index.js';
import { ASK_BLOCKS } from '../../src/slack/asks/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { commandReply, openModalByCommand, raiseHelpRequest } from '../support/flows.js';
import { finishInstall, installWorkspace, startInstall } from '../support/oauth-install.js';
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

/** Sunday 10:00 UTC; the digest slot of both partnerships is Monday 09:00 Berlin. */
const SETUP_AT = '2026-11-22T10:00:00Z';
const DIGEST_SLOT = '2026-11-23T08:00:00Z';

const byToken = (calls: RecordedCall[], token: string | undefined) => calls.filter((c) => c.token === token);

describe.each(storeKinds())('distribution through OAuth ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    clock = new TestClock(SETUP_AT);
    h = await startHarness(kind.freshLocation(), { distribution: true, clock });
    addInitech(h);
  });
  afterEach(async () => {
    if (!h) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
  });

  const installBoth = async () => {
    await installWorkspace(h, { teamId: VENDOR_TEAM, teamName: 'Vendor', userId: people.alice.id });
    await installWorkspace(h, { teamId: INITECH, teamName: 'Initech', userId: erin.id });
  };

  it('installs each workspace through /slack/install, its tokens sealed in the store', async () => {
    const { authorizeUrl } = await startInstall(h);
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorizeUrl.searchParams.get('client_id')).toBe('1111.2222');
    expect(authorizeUrl.searchParams.get('scope')?.split(',')).toContain('chat:write');

    await installBoth();
    const stored = await h.rapport.store.installations.list();
    expect(stored.map((i) => i.key).sort()).toEqual([`T${INITECH}`, `T${VENDOR_TEAM}`]);
    const raw = JSON.stringify(stored);
    for (const team of [VENDOR_TEAM, INITECH]) expect(raw).not.toContain(h.fake.botTokenOf(team));
    expect(raw).not.toContain('xoxb-');
  });

  it('refuses a callback whose state is forged or whose browser did not start the install', async () => {
    const started = await startInstall(h);
    const forged = await finishInstall(h, {
      code: h.fake.approveInstall({ teamId: INITECH, userId: erin.id }),
      state: `${started.state}x`,
      cookie: started.cookie,
    });
    const cookieless = await finishInstall(h, {
      code: h.fake.approveInstall({ teamId: INITECH, userId: erin.id }),
      state: started.state,
    });
    for (const page of [forged, cookieless]) expect(page.status).toBeGreaterThanOrEqual(400);
    expect(await h.rapport.store.installations.list()).toEqual([]);
    expect(h.fake.callsTo('oauth.v2.access')).toEqual([]);
  });

  it('keeps two vendors in one shared channel apart: partnerships, references, lists and digests', async () => {
    await installBoth();
    const initech = asInitech(h);

    await setUp(h, people.alice, people.bob, channels.triage);
    // Initech's workspace has no partnership in the channel yet: it is told so, and sees nothing of Acme's.
    const before = await commandReply(initech, erin, 'list', channels.shared);
    expect(before.args.text).toContain('isn’t a Rapport partnership yet');
    await setUp(initech, erin, frank, INITECH_TRIAGE);

    await raiseHelpRequest(h, people.alice, 'Checkout is down', 'urgent');
    await raiseHelpRequest(initech, erin, 'Invoices are late', 'normal');
    const ownRefs = async (hh: Harness) =>
      (await hh.rapport.store.workspace(`T${hh === h ? VENDOR_TEAM : INITECH}`)).asks.findByRef('ACME-1');
    expect((await ownRefs(h))[0]?.content.title).toBe('Checkout is down');
    expect((await ownRefs(initech))[0]?.content.title).toBe('Invoices are late');

    const aliceList = JSON.stringify((await commandReply(h, people.alice, 'list', channels.shared)).args);
    const erinList = JSON.stringify((await commandReply(initech, erin, 'list', channels.shared)).args);
    expect(aliceList).toContain('Checkout is down');
    expect(aliceList).not.toContain('Invoices are late');
    expect(erinList).toContain('Invoices are late');
    expect(erinList).not.toContain('Checkout is down');

    // The Home tab: each person sees their own workspace's asks.
    const homeOf = async (hh: Harness, user: DriverUser) => {
      await hh.driver.event({
        event: { type: 'app_home_opened', user: user.id, channel: 'DHOME0001', tab: 'home' },
      });
      const published = await h.fake.waitForCall('views.publish', (c) => c.args.user_id === user.id);
      return { token: published.token, view: JSON.stringify(published.args.view) };
    };
    const aliceHome = await homeOf(h, people.alice);
    const erinHome = await homeOf(initech, erin);
    expect(aliceHome.view).toContain('Checkout is down');
    expect(aliceHome.view).not.toContain('Invoices are late');
    expect(erinHome.view).toContain('Invoices are late');
    expect(erinHome.view).not.toContain('Checkout is down');
    expect([aliceHome.token, erinHome.token]).toEqual([
      h.fake.botTokenOf(VENDOR_TEAM),
      h.fake.botTokenOf(INITECH),
    ]);

    // /metrics counts the asks of every workspace.
    const metrics = await (await fetch(`http://127.0.0.1:${h.rapport.port}/metrics`)).text();
    expect(metrics).toMatch(/^rapport_asks\{kind="help",status="open"\} 2$/m);

    // Each vendor's calls went out with its own workspace's token.
    const vendorToken = h.fake.botTokenOf(VENDOR_TEAM);
    const initechToken = h.fake.botTokenOf(INITECH);
    const cards = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channels.shared);
    expect(byToken(cards, vendorToken).map((c) => JSON.stringify(c.args))).not.toContainEqual(
      expect.stringContaining('Invoices are late'),
    );
    expect(byToken(cards, initechToken).map((c) => JSON.stringify(c.args))).not.toContainEqual(
      expect.stringContaining('Checkout is down'),
    );

    // The scheduled digests: one per vendor into the channel, each with its own ask only.
    h.fake.reset();
    clock.set(DIGEST_SLOT);
    await h.rapport.runJob('digests');
    await h.rapport.settled();
    const digests = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channels.shared);
    expect(digests).toHaveLength(2);
    const [vendorDigest] = byToken(digests, vendorToken).map((c) => JSON.stringify(c.args));
    const [initechDigest] = byToken(digests, initechToken).map((c) => JSON.stringify(c.args));
    expect(vendorDigest).toContain('Checkout is down');
    expect(vendorDigest).not.toContain('Invoices are late');
    expect(initechDigest).toContain('Invoices are late');
    expect(initechDigest).not.toContain('Checkout is down');
    // Internal digests: each vendor's in its own triage channel.
    const internal = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel !== channels.shared);
    expect(byToken(internal, vendorToken).map((c) => c.args.channel)).toEqual([channels.triage]);
    expect(byToken(internal, initechToken).map((c) => c.args.channel)).toEqual([INITECH_TRIAGE]);
  });

  it('tells the user of a listener failure after the ack, with their own workspace’s token', async () => {
    await installBoth();
    await setUp(h, people.alice, people.bob, channels.triage);
    const view = await openModalByCommand(h, people.alice, 'ask Checkout is down', channels.shared);
    // The thanks after the ack fails: the form has no response_url, so the apology goes by DM.
    h.fake.failNext('chat.postEphemeral', 'internal_error');
    const submitted = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [ASK_BLOCKS.urgency]: { [INPUT]: 'high' } },
    });
    expect(submitted.body).toBe('');
    const apology = await h.fake.waitForCall(
      'chat.postMessage',
      (c) =>
        c.args.channel === people.alice.id && String(c.args.text).startsWith('Sorry, something went wrong'),
    );
    expect(apology.response.ok).toBe(true);
    expect(apology.token).toBe(h.fake.botTokenOf(VENDOR_TEAM));
    expect(apology.args.text).toMatch(/\(reference E-[0-9A-F]{6}\)$/);
    const failed = h.logs.filter((l) => l.includes('"listener failed"') && l.includes('internal_error'));
    expect(failed).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes('could not tell the user'))).toEqual([]);
  });

  it('refreshes a rotated token before it expires, for requests and for scheduled work', async () => {
    // Tokens live one hour: Bolt refreshes those expiring within two, so every use refreshes.
    h.fake.setTokenRotation(3600);
    await installWorkspace(h, { teamId: VENDOR_TEAM, teamName: 'Vendor', userId: people.alice.id });
    const installed = h.fake.botTokenOf(VENDOR_TEAM);
    const sealedBefore = (await h.rapport.store.installations.list())[0]?.sealed;

    await openModalByCommand(h, people.alice, 'setup', channels.shared);
    const refreshed = h.fake.botTokenOf(VENDOR_TEAM);
    expect(refreshed).not.toBe(installed);
    expect(h.fake.callsTo('views.open').map((c) => c.token)).toEqual([refreshed]);
    const sealedAfter = (await h.rapport.store.installations.list())[0]?.sealed;
    expect(sealedAfter).not.toBe(sealedBefore);
    expect(sealedAfter).not.toContain(String(refreshed));

    const refreshes = () =>
      h.fake.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token').length;
    const before = refreshes();
    await h.rapport.runJob('reminders');
    expect(refreshes()).toBe(before + 1);
    expect(h.fake.botTokenOf(VENDOR_TEAM)).not.toBe(refreshed);
  });

  it('on app_uninstalled removes only that installation and keeps its data; a revoked user token leaves the bot', async () => {
    await installBoth();
    const initech = asInitech(h);
    await setUp(h, people.alice, people.bob, channels.triage);
    await setUp(initech, erin, frank, INITECH_TRIAGE);

    h.fake.uninstall(INITECH);
    const uninstalled = await initech.driver.event({ event: { type: 'app_uninstalled' }, teamId: INITECH });
    expect(uninstalled.status).toBe(200);
    await h.rapport.settled();
    expect((await h.rapport.store.installations.list()).map((i) => i.key)).toEqual([`T${VENDOR_TEAM}`]);
    const kept = await h.rapport.store.workspace(`T${INITECH}`);
    expect((await kept.partnerships.findByChannel(channels.shared))?.ownerId).toBe(erin.id);

    // The other vendor works on, and scheduled work no longer reaches the uninstalled workspace.
    const reply = await commandReply(h, people.alice, 'list', channels.shared);
    expect(reply.args.text).not.toContain('isn’t a Rapport partnership');
    h.fake.reset();
    clock.set(DIGEST_SLOT);
    await h.rapport.runJob('digests');
    await h.rapport.settled();
    const posted = h.fake.callsTo('chat.postMessage');
    expect(posted.map((c) => c.args.channel).sort()).toEqual([channels.shared, channels.triage].sort());
    expect(posted.every((c) => c.token === h.fake.botTokenOf(VENDOR_TEAM))).toBe(true);
    expect(h.logs.filter((l) => l.includes('"scheduled job failed"'))).toEqual([]);

    // Installing again carries on with the data that was kept.
    await installWorkspace(h, { teamId: INITECH, teamName: 'Initech', userId: erin.id });
    const again = await commandReply(initech, erin, 'list', channels.shared);
    expect(again.args.text).not.toContain('isn’t a Rapport partnership');

    // tokens_revoked for a person's token only: the installation and its bot stay.
    await h.driver.event({ event: { type: 'tokens_revoked', tokens: { oauth: [people.alice.id] } } });
    await h.rapport.settled();
    expect(await h.rapport.store.installations.list()).toHaveLength(2);
    // ...for the bot token: that installation goes.
    await h.driver.event({ event: { type: 'tokens_revoked', tokens: { bot: ['UBOT00001'] } } });
    await h.rapport.settled();
    expect((await h.rapport.store.installations.list()).map((i) => i.key)).toEqual([`T${INITECH}`]);
  });

  it('keeps serving the other workspaces when one workspace’s token stops working unannounced', async () => {
    await installBoth();
    const initech = asInitech(h);
    await setUp(h, people.alice, people.bob, channels.triage);
    await setUp(initech, erin, frank, INITECH_TRIAGE);
    h.fake.revokeTokens(VENDOR_TEAM, { bot: true }); // no tokens_revoked event reaches Rapport

    h.fake.reset();
    clock.set(DIGEST_SLOT);
    await h.rapport.runJob('digests');
    await h.rapport.settled();
    const attempts = h.fake.callsTo('chat.postMessage');
    const posted = attempts.filter((c) => c.response.ok === true);
    expect(posted.map((c) => c.args.channel).sort()).toEqual([channels.shared, INITECH_TRIAGE].sort());
    expect(posted.every((c) => c.token === h.fake.botTokenOf(INITECH))).toBe(true);
    const refused = attempts.filter((c) => c.response.ok !== true);
    expect(refused.map((c) => c.response.error)).toEqual(['token_revoked']);
    const failures = h.logs.filter((l) => l.includes('"scheduled job failed"'));
    expect(failures.map((l) => JSON.parse(l))).toMatchObject([
      { workspace: `T${VENDOR_TEAM}`, error: 'An API error occurred: token_revoked' },
    ]);
    const vendor = await h.rapport.store.workspace(`T${VENDOR_TEAM}`);
    const acme = await vendor.partnerships.findByChannel(channels.shared);
    const vendorDigests = await vendor.digests.listRecent(acme?.id ?? '', 5);
    // Its digest is left claimed, to be taken over once its lease ends, as after a crash.
    expect(vendorDigests.map((d) => d.state)).toEqual(['posting']);
  });
});
