import { describe, expect, it } from 'vitest';
import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ANNOUNCE_ACTIONS, ANNOUNCE_BLOCKS as B } from '../../src/slack/announcements/ids.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { digestIn, digestTexts, postDigestsNow } from '../support/digest-flows.js';
import { acmeForEachTest, commandReply, openModalByCommand } from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

const START = '2026-11-23T08:00:00Z';
const { alice, bob } = people;
/** Small thresholds, so that two partnerships are a large audience: a hold window and a sign-off. */
const SETTINGS = { holdThreshold: 1, holdMs: 2 * 3_600_000, signOffThreshold: 1 };

describe.each(storeKinds())('large announcements: sign-off and hold window ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(
    kind,
    START,
    (started, c) => {
      h = started;
      clock = c;
    },
    { announcements: SETTINGS },
  );

  /** Globex, owned by Bob (Acme is Alice's): each owner is told of their own partnerships only. */
  async function setUpGlobexForBob() {
    const view = await openModalByCommand(h, alice, 'setup', channels.otherShared);
    await h.driver.viewSubmission({
      user: alice,
      view,
      values: {
        [SETUP_BLOCKS.accountName]: { [INPUT]: 'Globex' },
        [SETUP_BLOCKS.ownerId]: { [INPUT]: bob.id },
        [SETUP_BLOCKS.backupOwnerId]: { [INPUT]: alice.id },
      },
    });
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('is set up'));
    await h.rapport.settled();
    h.fake.reset();
  }

  async function submit(values: Record<string, { [INPUT]: unknown }> = {}) {
    const view = await openModalByCommand(h, alice, 'announce');
    const res = await h.driver.viewSubmission({
      user: alice,
      view,
      values: { [B.title]: { [INPUT]: 'Maintenance' }, [B.body]: { [INPUT]: 'Sunday, 2h.' }, ...values },
    });
    await h.rapport.settled();
    return res;
  }

  async function click(message: StoredMessage, actionId: string, user: DriverUser, value?: string) {
    await h.driver.blockAction({
      user,
      channelId: message.channel,
      message,
      actions: [{ action_id: actionId, ...(value ? { value } : {}) }],
    });
    await h.rapport.settled();
  }

  const lastDm = (user: DriverUser) => h.fake.dmsTo(user.id).at(-1) as StoredMessage;
  const replies = () => h.fake.callsTo('response_url').map((c) => String(c.args.text));
  const announcementsIn = (channel: string) =>
    h.fake
      .messagesIn(channel)
      .filter((m) => String(m.metadata?.event_payload?.key).startsWith('announcement:'));
  const buttonsOf = (m: StoredMessage) =>
    (m.blocks ?? [])
      .filter((b) => b.type === 'actions')
      .flatMap(
        (b) => (b as { elements: { action_id: string; value: string; text: { text: string } }[] }).elements,
      );
  const stored = async () => (await h.rapport.store.announcements.listRecent(1))[0];

  /** Written by Alice for both partnerships, signed off by Bob, and sent or scheduled from the preview. */
  async function scheduleSignedOff() {
    await submit({ [B.signOffBy]: { [INPUT]: bob.id } });
    await click(lastDm(alice), ANNOUNCE_ACTIONS.send, alice);
    const request = lastDm(bob);
    await click(request, ANNOUNCE_ACTIONS.approve, bob);
    return request;
  }

  it('needs a colleague’s sign-off over the threshold: the sender cannot give it, the colleague approves', async () => {
    await setUpGlobexForBob();
    const missing = await submit();
    expect((missing.body as { errors: Record<string, string> }).errors).toEqual({
      [B.signOffBy]: 'This reaches 2 partnerships (over 1): name a colleague to sign it off.',
    });
    await submit({ [B.signOffBy]: { [INPUT]: bob.id } });
    const preview = lastDm(alice);
    expect(JSON.stringify(preview.blocks)).toContain(`<@${bob.id}> must sign it off before it goes.`);
    await click(preview, ANNOUNCE_ACTIONS.send, alice);
    expect((await stored())?.state).toBe('awaiting_signoff');
    expect(JSON.stringify((await commandReply(h, alice, 'announcements')).args.blocks)).toContain(
      `*Maintenance* — waiting for <@${bob.id}>’s sign-off, to 2 partnerships`,
    );
    const request = lastDm(bob);
    expect(request.text).toBe(`<@${alice.id}> asks you to sign off an announcement to 2 channels.`);
    expect(buttonsOf(request).map((b) => b.action_id)).toEqual([
      ANNOUNCE_ACTIONS.approve,
      ANNOUNCE_ACTIONS.decline,
    ]);

    await click(request, ANNOUNCE_ACTIONS.approve, alice);
    expect(replies()).toContain('Only the colleague asked to sign this off can decide.');
    expect((await stored())?.state).toBe('awaiting_signoff');
    await click(request, ANNOUNCE_ACTIONS.approve, bob);
    const a = await stored();
    expect(a?.state).toBe('scheduled');
    expect(a?.signOff?.decision).toMatchObject({
      approverId: bob.id,
      verdict: 'approved',
      by: { userId: bob.id },
    });
    const told = h.fake
      .dmsTo(alice.id)
      .filter((m) => m.text.startsWith(`<@${bob.id}> signed off *Maintenance*.`));
    expect(told).toHaveLength(1);
    expect(buttonsOf(told[0] as StoredMessage).map((b) => b.action_id)).toEqual([
      ANNOUNCE_ACTIONS.edit,
      ANNOUNCE_ACTIONS.cancel,
    ]);
    expect(announcementsIn(channels.shared)).toEqual([]); // the hold window comes first
  });

  it('a declined sign-off cancels it, and the sender is told', async () => {
    await setUpGlobexForBob();
    await submit({ [B.signOffBy]: { [INPUT]: bob.id } });
    await click(lastDm(alice), ANNOUNCE_ACTIONS.send, alice);
    await click(lastDm(bob), ANNOUNCE_ACTIONS.decline, bob);
    expect((await stored())?.state).toBe('cancelled');
    expect(lastDm(alice).text).toBe(`<@${bob.id}> declined *Maintenance*: it was not sent.`);
    clock.advance(3 * 60);
    await h.rapport.runJob('announcements');
    expect(announcementsIn(channels.shared)).toEqual([]);
    expect(announcementsIn(channels.otherShared)).toEqual([]);
  });

  it('tells each owner privately, lets only the owner or an admin leave a customer out, and waits for the window', async () => {
    await setUpGlobexForBob();
    await scheduleSignedOff();
    const a = await stored();
    expect(a?.holdUntil?.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    // One notice per owner, about their own partnership only, even when the job runs again.
    await h.rapport.runJob('announcements');
    const notices = (user: DriverUser) =>
      h.fake.dmsTo(user.id).filter((m) => m.text.startsWith('An announcement will reach'));
    expect(notices(alice)).toHaveLength(1);
    expect(notices(bob)).toHaveLength(1);
    const [bobsNotice] = notices(bob);
    const bobsButtons = buttonsOf(bobsNotice as StoredMessage);
    expect(bobsButtons.map((b) => b.text.text)).toEqual(['Leave out Globex']);
    expect(JSON.stringify(notices(alice)[0]?.blocks)).not.toContain('Globex');
    const [alicesButton] = buttonsOf(notices(alice)[0] as StoredMessage);

    // Bob owns Globex, not Acme, and is no admin.
    await click(bobsNotice as StoredMessage, ANNOUNCE_ACTIONS.leaveOut, bob, alicesButton?.value);
    expect(replies()).toContain('Only the owner of this partnership or a workspace admin can leave it out.');
    await click(bobsNotice as StoredMessage, ANNOUNCE_ACTIONS.leaveOut, bob, bobsButtons[0]?.value);
    expect(replies()).toContain('Left out Globex: it will not get *Maintenance*.');
    expect(lastDm(alice).text).toBe(
      `<@${bob.id}> left out Globex from *Maintenance*: it now goes to 1 partnership.`,
    );

    clock.advance(60);
    await h.rapport.runJob('announcements');
    expect(announcementsIn(channels.shared)).toEqual([]);
    clock.advance(60);
    await h.rapport.runJob('announcements');
    expect(announcementsIn(channels.shared)).toHaveLength(1);
    expect(announcementsIn(channels.otherShared)).toEqual([]);
    const report = lastDm(alice);
    expect(report.text).toBe('Maintenance: reached 1 of 1 channels');
    expect(JSON.stringify(report.blocks)).toContain(
      `Left out during the hold window: Globex (by <@${bob.id}>).`,
    );
    await click(notices(alice)[0] as StoredMessage, ANNOUNCE_ACTIONS.leaveOut, alice, alicesButton?.value);
    expect(replies()).toContain('The hold window has closed: it can no longer be changed.');

    // Acme's customers read what came and when, never its sign-off, hold window or who was left out;
    // Globex's, left out, read nothing of it.
    clock.advance(1); // a period ends where the next starts: what went at its very end is the next one's
    await postDigestsNow(h, alice, channels.shared);
    await postDigestsNow(h, alice, channels.otherShared);
    const acme = digestTexts(digestIn(h, channels.shared, 'Status digest')).join('\n');
    expect(acme).toMatch(/\*Announcements \(1\)\*\n• \*Maintenance\* — <!date\^/);
    for (const internal of ['Globex', 'left out', 'hold', 'sign-off', 'Sign-off', bob.id, 'partnership']) {
      expect(acme).not.toContain(internal);
    }
    const globex = digestTexts(digestIn(h, channels.otherShared, 'Status digest')).join('\n');
    expect(globex).toContain('Status digest');
    expect(globex).not.toContain('Maintenance');
  });

  it('a workspace admin may leave out any partnership', async () => {
    await setUpGlobexForBob();
    await scheduleSignedOff();
    await h.rapport.runJob('announcements');
    const [bobsNotice] = h.fake.dmsTo(bob.id).filter((m) => m.text.startsWith('An announcement will reach'));
    const [button] = buttonsOf(bobsNotice as StoredMessage);
    await click(bobsNotice as StoredMessage, ANNOUNCE_ACTIONS.leaveOut, alice, button?.value);
    expect((await stored())?.exclusions.map((e) => [e.accountName, e.by])).toEqual([['Globex', alice.id]]);
    const list = JSON.stringify((await commandReply(h, alice, 'announcements')).args.blocks);
    expect(list).toContain(
      '*Maintenance* — scheduled for Mon 23 Nov 2026, 11:00 (Europe/Berlin), to 1 partnership, 1 left out by their owners',
    );
  });
});
