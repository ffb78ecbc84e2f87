import { describe, expect, it } from 'vitest';
import { startAnnouncement } from '../../src/app/announcements/start-announcement.js';
import type { Announcement } from '../../src/domain/announcements/announcement.js';
import type {
  DriverUser,
  StateValuesInput,
  StoredMessage,
} from '../../src/playground/slack-simulator/index.js';
import { ANNOUNCE_ACTIONS, ANNOUNCE_BLOCKS as B } from '../../src/slack/announcements/ids.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { digestIn, digestList, digestTexts, postDigestsNow } from '../support/digest-flows.js';
import {
  acmeForEachTest,
  commandReply,
  modalOpenedAfter,
  openModalByCommand,
  setUpPartnership,
  textsPostedTo,
} from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

const START = '2026-11-23T08:00:00Z';
const { alice, bob, carol } = people;
const HOSTILE_BODY = 'Maintenance on *Sunday* <!channel> @here <@UBOB00001> <https://evil.example|click>';

describe.each(storeKinds())('announcements end to end ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(kind, START, (started, c) => {
    h = started;
    clock = c;
  });

  /** Acme tagged enterprise and eu, Globex tagged smb, both through `/rapport tags`. */
  async function tagBoth() {
    await setUpPartnership(h, channels.otherShared, 'Globex');
    expect((await commandReply(h, alice, 'tags Enterprise, eu')).args.text).toContain('*enterprise, eu*');
    expect((await commandReply(h, alice, 'tags smb', channels.otherShared)).args.text).toContain('*smb*');
  }

  /** `/rapport announce`, submitted with `values`: the response (errors when refused). */
  async function submitAnnouncement(values: StateValuesInput, user: DriverUser = alice) {
    const view = await openModalByCommand(h, user, 'announce');
    const res = await h.driver.viewSubmission({
      user,
      view,
      values: { [B.title]: { [INPUT]: 'Release 4.2' }, [B.body]: { [INPUT]: HOSTILE_BODY }, ...values },
    });
    await h.rapport.settled();
    return res;
  }

  const errorsOf = (res: { body: unknown }) => (res.body as { errors: Record<string, string> }).errors;
  const lastDm = (user: DriverUser = alice) => h.fake.dmsTo(user.id).at(-1) as StoredMessage;
  const blocksText = (m: StoredMessage) => JSON.stringify(m.blocks);
  /** The text of a message's block at `index` (header or section). */
  const blockText = (m: StoredMessage | undefined, index: number) =>
    ((m?.blocks ?? [])[index] as { text?: { text?: string } } | undefined)?.text?.text;

  async function click(message: StoredMessage, actionId: string, user: DriverUser = alice) {
    const res = await h.driver.blockAction({
      user,
      channelId: message.channel,
      message,
      actions: [{ action_id: actionId }],
    });
    await h.rapport.settled();
    return res;
  }

  const announcementsIn = (channel: string) =>
    h.fake
      .messagesIn(channel)
      .filter((m) => String(m.metadata?.event_payload?.key).startsWith('announcement:'));

  it('tags: vendor only, checked, and an inline error in the setup form', async () => {
    expect((await commandReply(h, alice, 'tags')).args.text).toContain('*none*');
    const bad = await commandReply(h, alice, 'tags enterprise bad!tag');
    expect(bad.args.text).toContain('Tags are single words');
    expect((await h.rapport.store.partnerships.findByChannel(channels.shared))?.tags).toEqual([]);
    const customer = await h.driver.command({
      user: carol,
      channelId: channels.shared,
      text: 'tags',
      allowNonInstallingTeam: true,
    });
    const refusal = await h.fake.waitForCall('response_url', (c) =>
      Boolean(customer.responseUrl.endsWith(`/${String(c.args.responseUrlId)}`)),
    );
    expect(refusal.args.text).toBe('Only people at the vendor can see or change tags.');
    const announce = await h.driver.command({
      user: carol,
      channelId: channels.shared,
      text: 'announce',
      allowNonInstallingTeam: true,
    });
    const refused = await h.fake.waitForCall('response_url', (c) =>
      Boolean(announce.responseUrl.endsWith(`/${String(c.args.responseUrlId)}`)),
    );
    expect(refused.args.text).toBe('Only people at the vendor can send announcements.');
    expect(h.fake.callsTo('views.open')).toEqual([]);

    const view = await openModalByCommand(h, alice, 'setup');
    const res = await h.driver.viewSubmission({
      user: alice,
      view,
      values: { 'setup.tags': { [INPUT]: `enterprise ${'x'.repeat(31)}` } },
    });
    expect(errorsOf(res)).toEqual({ 'setup.tags': 'Keep each tag to 30 characters.' });
    const ok = await h.driver.viewSubmission({
      user: alice,
      view,
      values: { 'setup.tags': { [INPUT]: 'EU, beta' } },
    });
    expect(ok.body).toBe('');
    expect((await h.rapport.store.partnerships.findByChannel(channels.shared))?.tags).toEqual(['beta', 'eu']);
  });

  it('targets by tags and exclusions, previews privately, refuses bad input inline, and test-sends to the DM', async () => {
    await tagBoth();
    await submitAnnouncement({ [B.audience]: { [INPUT]: 'tags' }, [B.tags]: { [INPUT]: 'enterprise' } });
    let preview = lastDm();
    expect(preview.text).toBe('Preview of your announcement: it will reach 1 channel.');
    expect(blocksText(preview)).toContain(`<#${channels.shared}> (Acme Corp)`);
    expect(blocksText(preview)).not.toContain(channels.otherShared);

    await submitAnnouncement({ [B.excludedTags]: { [INPUT]: 'eu' } });
    preview = lastDm();
    expect(preview.text).toBe('Preview of your announcement: it will reach 1 channel.');
    expect(blocksText(preview)).toContain(`<#${channels.otherShared}> (Globex)`);

    const unknown = await submitAnnouncement({
      [B.audience]: { [INPUT]: 'tags' },
      [B.tags]: { [INPUT]: 'enterprize' },
    });
    expect(errorsOf(unknown)).toEqual({ [B.tags]: 'No partnership is tagged enterprize.' });
    const nobody = await submitAnnouncement({ [B.excludedTags]: { [INPUT]: 'eu smb' } });
    expect(errorsOf(nobody)).toEqual({
      [B.audience]: 'This audience reaches no partnership: change the tags or the choice.',
    });
    const past = await submitAnnouncement({
      [B.when]: { [INPUT]: 'later' },
      [B.date]: { [INPUT]: '2026-11-23' },
      [B.time]: { [INPUT]: '08:00' },
    });
    expect(errorsOf(past)).toEqual({ [B.date]: 'That time has passed: choose a later one, or send now.' });

    await click(preview, ANNOUNCE_ACTIONS.testSend);
    const test = lastDm();
    expect(test.blocks?.[0]).toMatchObject({ type: 'header', text: { text: 'Release 4.2' } });
    expect(blockText(test, 1)).toBe(
      'Maintenance on *Sunday* &lt;!channel&gt; @\u2060here &lt;@UBOB00001&gt; &lt;https://evil.example|click&gt;',
    );
    expect(announcementsIn(channels.shared)).toEqual([]);
    expect(announcementsIn(channels.otherShared)).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage').map((c) => c.args.channel)).toEqual([
      alice.id,
      alice.id,
      alice.id,
    ]);

    // Only the sender decides about the preview.
    await click(preview, ANNOUNCE_ACTIONS.send, bob);
    expect(announcementsIn(channels.otherShared)).toEqual([]);
  });

  it('targets all of the tags, leaves out single partnerships, checks the sign-off, and splits a long message', async () => {
    await tagBoth();
    await commandReply(h, alice, 'tags smb, eu', channels.otherShared);
    const reach = () => [lastDm().text, blocksText(lastDm())] as const;
    await submitAnnouncement({ [B.audience]: { [INPUT]: 'tags_all' }, [B.tags]: { [INPUT]: 'eu smb' } });
    let [summary, blocks] = reach();
    expect(summary).toBe('Preview of your announcement: it will reach 1 channel.');
    expect(blocks).toContain(`<#${channels.otherShared}> (Globex)`);
    await submitAnnouncement({ [B.excludedPicked]: { [INPUT]: [channels.otherShared] } });
    [summary, blocks] = reach();
    expect(summary).toBe('Preview of your announcement: it will reach 1 channel.');
    expect(blocks).toContain(`<#${channels.shared}> (Acme Corp)`);
    expect(blocks).not.toContain(channels.otherShared);

    const none = await submitAnnouncement({
      [B.audience]: { [INPUT]: 'tags_all' },
      [B.tags]: { [INPUT]: 'enterprise smb' },
    });
    expect(errorsOf(none)).toEqual({
      [B.audience]: 'This audience reaches no partnership: change the tags or the choice.',
    });
    const notPartnership = await submitAnnouncement({ [B.excludedPicked]: { [INPUT]: [channels.triage] } });
    expect(errorsOf(notPartnership)).toEqual({
      [B.excludedPicked]: 'Leave out only channels set up as partnerships.',
    });
    const self = await submitAnnouncement({ [B.signOffBy]: { [INPUT]: alice.id } });
    expect(errorsOf(self)).toEqual({ [B.signOffBy]: 'Someone other than you must sign it off.' });
    const customer = await submitAnnouncement({ [B.signOffBy]: { [INPUT]: carol.id } });
    expect(errorsOf(customer)).toEqual({ [B.signOffBy]: 'Choose someone at your company to sign it off.' });

    // 2,800 characters that escaping makes 7,000: shown whole, in sections within Slack's 3,000.
    const long = Array.from({ length: 700 }, () => '<b>').join(' ');
    await submitAnnouncement({ [B.body]: { [INPUT]: long } });
    await click(lastDm(), ANNOUNCE_ACTIONS.send);
    const [sent] = announcementsIn(channels.shared);
    const sections = (sent?.blocks ?? []).slice(1) as { type: string; text: { text: string } }[];
    expect(sections.length).toBeGreaterThan(2);
    for (const block of sections) {
      expect(block.type).toBe('section');
      expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(sections.map((b) => b.text.text).join(' ')).toBe(long.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('sends now: once per channel, escaped, nothing internal, reported to the sender and listed', async () => {
    await tagBoth();
    await submitAnnouncement({});
    await click(lastDm(), ANNOUNCE_ACTIONS.send);
    for (const channel of [channels.shared, channels.otherShared]) {
      const [message, ...more] = announcementsIn(channel);
      expect(more).toEqual([]);
      expect(message?.blocks).toHaveLength(2);
      const shown = blocksText(message as StoredMessage) + String(message?.text);
      for (const internal of [
        'enterprise',
        'smb',
        'Globex',
        'Acme',
        'Preview',
        channels.triage,
        '<!channel>',
        '<@',
      ])
        expect(shown).not.toContain(internal);
    }
    expect(lastDm().text).toBe('Release 4.2: reached 2 of 2 channels');
    // Clicking Send again (or a second run) sends nothing more.
    await h.rapport.runJob('announcements');
    expect(announcementsIn(channels.shared)).toHaveLength(1);
    const list = await commandReply(h, alice, 'announcements');
    expect(JSON.stringify(list.args.blocks)).toContain('*Release 4.2* — sent');
    expect(JSON.stringify(list.args.blocks)).toContain('to 2 partnerships: reached 2, failed 0');
    // The sender's Home tab lists it; a colleague's does not.
    const homeOf = async (user: DriverUser) => {
      const before = h.fake.callsTo('views.publish').length;
      await h.driver.event({
        event: { type: 'app_home_opened', user: user.id, channel: 'DHOME0001', tab: 'home' },
      });
      await h.rapport.settled();
      return JSON.stringify(h.fake.callsTo('views.publish').slice(before).at(-1)?.args.view);
    };
    expect(await homeOf(alice)).toContain('*Release 4.2* — sent');
    expect(await homeOf(bob)).not.toContain('My announcements');
  });

  it('schedules in the sender’s zone, cancels until sent, and sends a scheduled one exactly once across two replicas', async () => {
    await tagBoth();
    const later = {
      [B.when]: { [INPUT]: 'later' },
      [B.date]: { [INPUT]: '2026-11-24' },
      [B.time]: { [INPUT]: '10:00' },
    };
    await submitAnnouncement(later);
    const cancelled = lastDm();
    await click(cancelled, ANNOUNCE_ACTIONS.send);
    await submitAnnouncement({ ...later, [B.title]: { [INPUT]: 'Roadmap' } });
    const scheduled = lastDm();
    await click(scheduled, ANNOUNCE_ACTIONS.send);
    expect(h.fake.message(scheduled.channel, scheduled.ts)?.text).toBe(
      '*Roadmap* is scheduled for Tue 24 Nov 2026, 10:00 (Europe/Berlin). You can cancel it until then.',
    );
    const pending = await commandReply(h, alice, 'announcements');
    expect(JSON.stringify(pending.args.blocks)).toContain(
      '*Roadmap* — scheduled for Tue 24 Nov 2026, 10:00 (Europe/Berlin), to 2 partnerships',
    );
    const stored = await h.rapport.store.announcements.listRecent(5);
    const [roadmap, release] = ['Roadmap', 'Release 4.2'].map((t) => stored.find((a) => a.title === t));
    expect(roadmap?.sendAt?.toISOString()).toBe('2026-11-24T09:00:00.000Z'); // 10:00 in Berlin
    expect(release?.state).toBe('scheduled');
    await click(cancelled, ANNOUNCE_ACTIONS.cancel);
    expect((await h.rapport.store.announcements.findById(release?.id ?? ''))?.state).toBe('cancelled');

    await h.rapport.runJob('announcements');
    expect(announcementsIn(channels.shared)).toEqual([]);
    clock.advance(25 * 60);
    // The embedded store is single-process by design: there, two runs of one process race instead.
    const replica = kind.name === 'mongo' ? await h.startReplica() : h.rapport;
    await Promise.all([h.rapport.runJob('announcements'), replica.runJob('announcements')]);
    for (const channel of [channels.shared, channels.otherShared]) {
      const sent = announcementsIn(channel);
      expect(sent).toHaveLength(1);
      expect(blockText(sent[0], 0)).toBe('Roadmap');
    }
    expect(h.fake.dmsTo(alice.id).filter((m) => m.text === 'Roadmap: reached 2 of 2 channels')).toHaveLength(
      1,
    );
    await click(scheduled, ANNOUNCE_ACTIONS.cancel);
    expect((await h.rapport.store.announcements.findById(roadmap?.id ?? ''))?.state).toBe('sent');
    const list = await commandReply(h, alice, 'announcements');
    expect(JSON.stringify(list.args.blocks)).toContain('*Release 4.2* — cancelled, to 2 partnerships');
  });

  it('edits and deletes everywhere once sent: its sender only, paced, reported, and never posted again', async () => {
    await tagBoth();
    await submitAnnouncement({});
    await click(lastDm(), ANNOUNCE_ACTIONS.send);
    const report = lastDm();
    const replies = () => h.fake.callsTo('response_url').map((c) => String(c.args.text));
    const shared: unknown[] = [channels.shared, channels.otherShared];
    const editsOfShared = () => h.fake.callsTo('chat.update').filter((c) => shared.includes(c.args.channel));
    await click(report, ANNOUNCE_ACTIONS.editSent, bob);
    expect(replies()).toContain('Only the person who wrote this announcement can do that.');

    const before = h.fake.callsTo('views.open').length;
    await click(report, ANNOUNCE_ACTIONS.editSent);
    const view = await modalOpenedAfter(h, before);
    const edit = (body: string) =>
      h.driver.viewSubmission({
        user: alice,
        view,
        values: { [B.title]: { [INPUT]: 'Release 4.3' }, [B.body]: { [INPUT]: body } },
      });
    expect(errorsOf(await edit(' '))).toEqual({ [B.body]: 'Write what you want to tell your customers.' });
    const started = clock.now().getTime();
    expect((await edit('Now with <!here> fixes')).body).toBe('');
    await h.rapport.settled();
    for (const channel of [channels.shared, channels.otherShared]) {
      const [message, ...more] = announcementsIn(channel);
      expect(more).toEqual([]);
      expect(blockText(message, 0)).toBe('Release 4.3');
      expect(blockText(message, 1)).toBe('Now with &lt;!here&gt; fixes');
    }
    expect(editsOfShared()).toHaveLength(2);
    // Tier 3 pacing for the whole workspace: the second edit waited its turn.
    expect(clock.now().getTime() - started).toBeGreaterThanOrEqual(1200);
    expect(h.fake.dmsTo(alice.id).some((m) => m.text === 'Release 4.3: 2 of 2 channels updated')).toBe(true);
    await h.rapport.runJob('announcements');
    expect(editsOfShared()).toHaveLength(2);

    await click(report, ANNOUNCE_ACTIONS.deleteSent, bob);
    expect(announcementsIn(channels.shared)).toHaveLength(1);
    await click(report, ANNOUNCE_ACTIONS.deleteSent);
    expect(announcementsIn(channels.shared)).toEqual([]);
    expect(announcementsIn(channels.otherShared)).toEqual([]);
    expect(h.fake.dmsTo(alice.id).some((m) => m.text === 'Release 4.3: 2 of 2 channels deleted')).toBe(true);
    await click(report, ANNOUNCE_ACTIONS.editSent);
    expect(replies()).toContain('Only a sent announcement can be edited everywhere.');
    const list = await commandReply(h, alice, 'announcements');
    expect(JSON.stringify(list.args.blocks)).toContain(
      '*Release 4.3* — deleted everywhere, was sent to 2 partnerships',
    );
    expect(h.fake.callsTo('chat.postMessage').filter((c) => shared.includes(c.args.channel))).toHaveLength(2);
  });

  it('watches each customer reply in its thread, nags the owner, and counts replies and reactions', async () => {
    await tagBoth();
    await submitAnnouncement({});
    await click(lastDm(), ANNOUNCE_ACTIONS.send);
    const ts = (announcementsIn(channels.shared)[0] as StoredMessage).ts;
    const first = await h.driver.userMessage({
      user: carol,
      channelId: channels.shared,
      text: 'Will SSO be down?',
      threadTs: ts,
    });
    const react = (type: string, user: DriverUser, channel = channels.shared, at = ts) =>
      h.driver.event({
        event: { type, user: user.id, reaction: 'tada', item: { type: 'message', channel, ts: at } },
      });
    await react('reaction_added', carol);
    await react('reaction_added', people.dave);
    await react('reaction_removed', people.dave);
    const [globex] = announcementsIn(channels.otherShared);
    await react('reaction_added', bob, channels.otherShared, globex?.ts);
    await h.rapport.settled();
    const tracked = (at = first.ts) => h.rapport.store.trackedMessages.findById(`${channels.shared}:${at}`);
    expect(await tracked()).toMatchObject({
      preview: 'Will SSO be down?',
      threadTs: ts,
      ownerId: alice.id,
      closed: null,
    });
    const list = await commandReply(h, alice, 'announcements');
    expect(JSON.stringify(list.args.blocks)).toContain('reached 2, failed 0, replies 1, reactions 2');

    clock.advance(2 * 24 * 60 + 120); // Wednesday 11:00 in Berlin: past a business day unanswered
    await h.rapport.runJob('reminders');
    const nag = JSON.stringify(
      h.fake.dmsTo(alice.id).filter((m) => JSON.stringify(m).includes('Unanswered message')),
    );
    expect(nag).toContain('Will SSO be down?');
    expect(textsPostedTo(h, channels.shared).join()).not.toContain('Unanswered');

    await h.driver.userMessage({
      user: bob,
      channelId: channels.shared,
      text: 'No, it stays up.',
      threadTs: ts,
    });
    await h.rapport.settled();
    expect((await tracked())?.closed?.reason).toBe('reply');

    // A second question after the answer is watched and nagged again, on its own clock.
    const second = await h.driver.userMessage({
      user: carol,
      channelId: channels.shared,
      text: 'And the API?',
      threadTs: ts,
    });
    await h.rapport.settled();
    expect(await tracked(second.ts)).toMatchObject({ preview: 'And the API?', threadTs: ts, closed: null });
    const nagsBefore = h.fake.dmsTo(alice.id).length;
    clock.advance(2 * 24 * 60);
    await h.rapport.runJob('reminders');
    const nags = h.fake
      .dmsTo(alice.id)
      .slice(nagsBefore)
      .map((m) => JSON.stringify(m));
    expect(nags.filter((n) => n.includes('And the API?'))).toHaveLength(1);
    expect(nags.join()).not.toContain('Will SSO be down?');
    const counted = await commandReply(h, alice, 'announcements');
    expect(JSON.stringify(counted.args.blocks)).toContain('reached 2, failed 0, replies 2, reactions 2');

    await h.driver.userMessage({
      user: bob,
      channelId: channels.shared,
      text: 'It stays up too.',
      threadTs: ts,
    });
    await h.rapport.settled();
    expect((await tracked(second.ts))?.closed).toMatchObject({ by: bob.id, reason: 'reply' });
  });

  it('sends in each partnership’s next working hours: each delivery when its own day starts', async () => {
    await tagBoth();
    // Globex works in New York: at 08:00 UTC (09:00 in Berlin, Acme's zone) its day has not started.
    const view = await openModalByCommand(h, alice, 'setup', channels.otherShared);
    await h.driver.viewSubmission({
      user: alice,
      view,
      values: { [SETUP_BLOCKS.timeZone]: { [INPUT]: 'America/New_York' } },
    });
    await h.rapport.settled();
    await submitAnnouncement({ [B.when]: { [INPUT]: 'working_hours' } });
    const preview = lastDm();
    expect(blocksText(preview)).toContain(
      '*It will reach 2 channels*, as soon as it is confirmed, each in its next working hours',
    );
    await click(preview, ANNOUNCE_ACTIONS.send);
    expect(announcementsIn(channels.shared)).toHaveLength(1);
    expect(announcementsIn(channels.otherShared)).toEqual([]);
    const list = await commandReply(h, alice, 'announcements');
    expect(JSON.stringify(list.args.blocks)).toContain(
      'reached 1, failed 0, replies 0, reactions 0, 1 to go',
    );

    clock.advance(5 * 60 + 59); // 13:59 UTC: 08:59 in New York
    await h.rapport.runJob('announcements');
    expect(announcementsIn(channels.otherShared)).toEqual([]);
    clock.advance(1);
    await h.rapport.runJob('announcements');
    expect(announcementsIn(channels.otherShared)).toHaveLength(1);
    expect(lastDm().text).toBe('Release 4.2: reached 2 of 2 channels');
    expect(announcementsIn(channels.shared)).toHaveLength(1);
  });

  it('notifies a whole channel only when its sender ticks the option, and logs who did and when', async () => {
    await tagBoth();
    await submitAnnouncement({ [B.notifyChannel]: { [INPUT]: ['channel'] } });
    const preview = lastDm();
    expect(blocksText(preview)).toContain('It notifies everyone in each channel (@channel).');
    expect(blockText(preview, 1)).toBe('<!channel>');
    await click(preview, ANNOUNCE_ACTIONS.send);
    for (const channel of [channels.shared, channels.otherShared]) {
      const [message] = announcementsIn(channel);
      expect(blockText(message, 0)).toBe('<!channel>');
      expect(message?.text.startsWith('<!channel> Release 4.2: ')).toBe(true);
      // The sender's own text stays escaped: only the chosen mention notifies.
      expect(blocksText(message as StoredMessage).match(/<!channel>/g)).toHaveLength(1);
    }
    const logged = h.logs
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'announcement confirmed with @channel');
    expect(logged).toMatchObject({ by: alice.id, at: '2026-11-23T08:00:00.000Z' });
  });

  it('edits an unsent one: its form reopens prefilled, and the new preview once sent replaces it', async () => {
    await tagBoth();
    const later = {
      [B.audience]: { [INPUT]: 'tags' },
      [B.tags]: { [INPUT]: 'enterprise' },
      [B.when]: { [INPUT]: 'later' },
      [B.date]: { [INPUT]: '2026-11-24' },
      [B.time]: { [INPUT]: '10:00' },
    };
    await submitAnnouncement(later);
    const first = lastDm();
    await click(first, ANNOUNCE_ACTIONS.send);
    const scheduled = h.fake.message(first.channel, first.ts) as StoredMessage;
    const replies = () => h.fake.callsTo('response_url').map((c) => String(c.args.text));
    await click(scheduled, ANNOUNCE_ACTIONS.edit, bob);
    expect(replies()).toContain('Only the person who wrote this announcement can do that.');

    const before = h.fake.callsTo('views.open').length;
    await click(scheduled, ANNOUNCE_ACTIONS.edit);
    const view = await modalOpenedAfter(h, before);
    const initial = (blockId: string) =>
      (view.blocks as { block_id?: string; element?: Record<string, unknown> }[]).find(
        (b) => b.block_id === blockId,
      )?.element;
    expect(initial(B.title)?.initial_value).toBe('Release 4.2');
    expect(initial(B.tags)?.initial_value).toBe('enterprise');
    expect(initial(B.audience)?.initial_option).toMatchObject({ value: 'tags' });
    expect(initial(B.when)?.initial_option).toMatchObject({ value: 'later' });
    expect([initial(B.date)?.initial_date, initial(B.time)?.initial_time]).toEqual(['2026-11-24', '10:00']);
    await h.driver.viewSubmission({
      user: alice,
      view,
      values: { ...later, [B.title]: { [INPUT]: 'Release 4.3' } },
    });
    await h.rapport.settled();
    const second = lastDm();
    expect(second.text).toBe('Preview of your announcement: it will reach 1 channel.');
    await click(second, ANNOUNCE_ACTIONS.send);
    const stored = await h.rapport.store.announcements.listRecent(5);
    // Both were written at the same (test) time: listed in no particular order.
    expect(stored.map((a) => [a.title, a.state]).sort()).toEqual([
      ['Release 4.2', 'cancelled'],
      ['Release 4.3', 'scheduled'],
    ]);

    clock.advance(25 * 60);
    await h.rapport.runJob('announcements');
    const sent = announcementsIn(channels.shared);
    expect(sent.map((m) => blockText(m, 0))).toEqual(['Release 4.3']);
    expect(announcementsIn(channels.otherShared)).toEqual([]);
  });

  it('records a channel Slack refuses, reports it, and never retries it', async () => {
    await tagBoth();
    h.fake.failNextWhen(
      'chat.postMessage',
      (args) => args.channel === channels.otherShared,
      'channel_not_found',
    );
    await submitAnnouncement({});
    await click(lastDm(), ANNOUNCE_ACTIONS.send);
    expect(announcementsIn(channels.shared)).toHaveLength(1);
    const report = lastDm();
    expect(report.text).toBe('Release 4.2: reached 1 of 2 channels');
    expect(blocksText(report)).toContain(`<#${channels.otherShared}>: channel_not_found`);
    const posts = h.fake.callsTo('chat.postMessage').length;
    clock.advance(60);
    await h.rapport.runJob('announcements');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(posts);
    const list = await commandReply(h, alice, 'announcements');
    expect(JSON.stringify(list.args.blocks)).toContain('reached 1, failed 1');

    // The digests: the title and when for Acme's customers, how far it went inside; nothing for Globex.
    clock.advance(1); // a period ends where the next starts: what went at its very end is the next one's
    await postDigestsNow(h, alice, channels.shared);
    await postDigestsNow(h, alice, channels.otherShared);
    const customer = digestIn(h, channels.shared, 'Status digest');
    expect(digestList(customer, '*Announcements')).toMatch(
      /^\*Announcements \(1\)\*\n• \*Release 4\.2\* — <!date\^\d+\^[^>]+>$/,
    );
    for (const internal of ['reached', 'failed', 'channel_not_found', 'Globex', 'partnership']) {
      expect(digestTexts(customer).join('\n')).not.toContain(internal);
    }
    expect(digestList(digestIn(h, channels.triage, 'Internal digest · Acme'), '*Announcements')).toMatch(
      /\* — <!date\^\d+\^[^>]+> · reached 1 partnership, 1 failed$/,
    );
    const globex = digestIn(h, channels.otherShared, 'Status digest');
    expect(globex).toBeDefined();
    expect(digestList(globex, '*Announcements')).toBeUndefined();
  });

  it('sends the sender’s report on the next run when Slack failed it, and only once', async () => {
    await tagBoth();
    await submitAnnouncement({});
    h.fake.failNextWhen('chat.postMessage', (args) => args.channel === alice.id, 'internal_error');
    await click(lastDm(), ANNOUNCE_ACTIONS.send);
    const reports = () =>
      h.fake.dmsTo(alice.id).filter((m) => m.text === 'Release 4.2: reached 2 of 2 channels');
    expect(reports()).toEqual([]);
    const [announcement] = await h.rapport.store.announcements.listRecent(1);
    expect(announcement?.state).toBe('sending');
    await h.rapport.runJob('announcements');
    await h.rapport.runJob('announcements');
    expect(reports()).toHaveLength(1);
    expect((await h.rapport.store.announcements.findById(announcement?.id ?? ''))?.state).toBe('sent');
    expect(announcementsIn(channels.shared)).toHaveLength(1);
  });

  it('after a restart, takes over a delivery its dead holder posted, and does not post it again', async () => {
    await tagBoth();
    const at = { [B.date]: { [INPUT]: '2026-11-23' }, [B.time]: { [INPUT]: '10:00' } };
    await submitAnnouncement({ [B.when]: { [INPUT]: 'later' }, ...at });
    await click(lastDm(), ANNOUNCE_ACTIONS.send);
    clock.advance(61);
    // What a process killed mid-fan-out leaves: Acme's delivery claimed, its message in Slack, unrecorded.
    const store = h.rapport.store;
    const [announcement] = await store.announcements.listRecent(1);
    await startAnnouncement(store, announcement as Announcement, clock.now());
    const lease = { token: 'dead', until: new Date(clock.now().getTime() + 600_000) };
    const held = await store.announcementDeliveries.claimPending(announcement?.id ?? '', clock.now(), lease);
    if (held === null) throw new Error('no delivery to claim');
    const key = `announcement:${held.id}`;
    h.fake.addMessage(held.channelId, {
      text: 'Release 4.2',
      bot_id: h.fake.botId,
      metadata: { event_type: 'rapport_effect', event_payload: { key } },
    });
    await h.restart();
    await h.rapport.runJob('announcements');
    const other = held.channelId === channels.shared ? channels.otherShared : channels.shared;
    expect(announcementsIn(other)).toHaveLength(1);
    expect(announcementsIn(held.channelId)).toHaveLength(1);
    expect(lastDm().text).not.toContain('reached'); // the held one is not settled while its lease lasts

    clock.advance(11);
    await h.rapport.runJob('announcements');
    expect(announcementsIn(held.channelId)).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === held.channelId)).toEqual([]);
    const settled = await h.rapport.store.announcementDeliveries.count(announcement?.id ?? '');
    expect(settled).toMatchObject({ pending: 0, posted: 2, failed: 0 });
    expect(lastDm().text).toBe('Release 4.2: reached 2 of 2 channels');
  });
});
