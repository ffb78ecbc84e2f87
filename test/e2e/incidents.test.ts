import { describe, expect, it } from 'vitest';
import type { DriverUser, StoredMessage, StoredView } from '../../src/playground/slack-simulator/index.js';
import { ANNOUNCE_ACTIONS, ANNOUNCE_BLOCKS as B } from '../../src/slack/announcements/ids.js';
import { INCIDENT_BLOCKS as I, INCIDENT_ACTIONS } from '../../src/slack/incidents/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { digestIn, digestList, postDigestsNow } from '../support/digest-flows.js';
import {
  acmeForEachTest,
  commandReply,
  modalOpenedAfter,
  openModalByCommand,
  setUpPartnership,
} from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

const START = '2026-11-23T08:00:00Z';
const { alice, bob, carol } = people;
const HOSTILE = 'Fixed by *rollback* <!channel> @here <@UBOB00001> <https://evil.example|click>';
const SHARED = [channels.shared, channels.otherShared];

describe.each(storeKinds())('incidents end to end ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(kind, START, (started, c) => {
    h = started;
    clock = c;
  });

  /** Acme (tagged enterprise) and Globex; an incident started through `/rapport announce` and sent now. */
  async function startIncident() {
    await setUpPartnership(h, channels.otherShared, 'Globex');
    await commandReply(h, alice, 'tags enterprise');
    const view = await openModalByCommand(h, alice, 'announce');
    const res = await h.driver.viewSubmission({
      user: alice,
      view,
      values: {
        [B.title]: { [INPUT]: 'API errors in eu-west' },
        [B.body]: { [INPUT]: 'Some API calls fail with 502.' },
        [I.kind]: { [INPUT]: 'incident' },
        [I.startStatus]: { [INPUT]: 'investigating' },
      },
    });
    expect(res.body).toBe('');
    await h.rapport.settled();
    const preview = h.fake.dmsTo(alice.id).at(-1) as StoredMessage;
    expect(blockText(preview, 2)).toContain('*Investigating*');
    await click(preview, ANNOUNCE_ACTIONS.send);
  }

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

  /** `/rapport incident`, then its Post update button: the update form. */
  async function openUpdateForm(user: DriverUser = alice): Promise<StoredView> {
    const list = await commandReply(h, user, 'incident');
    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user,
      channelId: channels.shared,
      message: { blocks: list.args.blocks },
      isEphemeral: true,
      actions: [{ action_id: INCIDENT_ACTIONS.postUpdate }],
    });
    return modalOpenedAfter(h, before);
  }

  async function postUpdate(status: string, text: string) {
    const view = await openUpdateForm();
    const res = await h.driver.viewSubmission({
      user: alice,
      view,
      values: { [I.status]: { [INPUT]: status }, [I.text]: { [INPUT]: text } },
    });
    await h.rapport.settled();
    return res;
  }

  const keyOf = (m: StoredMessage) => String(m.metadata?.event_payload?.key);
  const topIn = (channel: string) =>
    h.fake.messagesIn(channel).filter((m) => keyOf(m).startsWith('announcement:')) as StoredMessage[];
  const repliesIn = (channel: string) =>
    h.fake.messagesIn(channel).filter((m) => keyOf(m).startsWith('incident-update:'));
  const blockText = (m: StoredMessage | undefined, index: number) =>
    ((m?.blocks ?? [])[index] as { text?: { text?: string } } | undefined)?.text?.text ?? '';
  const progressDms = () => h.fake.dmsTo(alice.id).filter((m) => keyOf(m).startsWith('incident-progress:'));
  const errorsOf = (res: { body: unknown }) => (res.body as { errors: Record<string, string> }).errors;

  it('posts three updates in every thread once, edits every top message in place, and reports progress privately', async () => {
    await startIncident();
    for (const channel of SHARED) {
      const [top, ...more] = topIn(channel);
      expect(more).toEqual([]);
      expect(blockText(top, 1)).toMatch(
        /^:mag: \*Investigating\* · last update <!date\^\d+\^.*> · no updates yet$/,
      );
    }

    clock.advance(20);
    expect((await postUpdate('identified', HOSTILE)).body).toBe('');
    clock.advance(40);
    await postUpdate('monitoring', 'A fix is deployed; we are watching error rates.');
    clock.advance(65);
    const resolvedAt = clock.now();
    await postUpdate('resolved', 'Error rates are back to normal.');

    for (const channel of SHARED) {
      const [top] = topIn(channel);
      const replies = repliesIn(channel);
      expect(replies.map((r) => r.thread_ts)).toEqual([top?.ts, top?.ts, top?.ts]);
      expect(replies.map((r) => blockText(r, 0))).toEqual([
        ':wrench: *Identified* — update 1',
        ':eyes: *Monitoring* — update 2',
        ':white_check_mark: *Resolved* — update 3',
      ]);
      expect(blockText(replies[0], 1)).toBe(
        'Fixed by *rollback* &lt;!channel&gt; @\u2060here &lt;@UBOB00001&gt; &lt;https://evil.example|click&gt;',
      );
      const stamp = Math.floor(resolvedAt.getTime() / 1000);
      expect(blockText(top, 1)).toBe(
        `:white_check_mark: *Resolved* after 2 h 5 min · last update <!date^${stamp}^{date_short_pretty} at {time}|${resolvedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC> · 3 updates in the thread`,
      );
      expect(top?.edited).toBeDefined();
      // Nothing internal reaches a shared channel: no tags, no other customer, no triage, no pings.
      const shown = JSON.stringify(h.fake.messagesIn(channel));
      for (const internal of [
        'enterprise',
        channels.triage,
        '<!channel>',
        '<@',
        'Globex',
        'Acme',
        'going out',
      ])
        expect(shown).not.toContain(internal);
    }
    // Edits come after all the replies of an update.
    const calls = h.fake.calls.filter((c) => ['chat.postMessage', 'chat.update'].includes(c.method));
    const lastReply = calls.findLastIndex((c) => c.method === 'chat.postMessage' && c.args.thread_ts);
    const toAlice = [alice.id, h.fake.dmChannelOf(alice.id)];
    expect(calls.slice(lastReply + 1).filter((c) => !toAlice.includes(String(c.args.channel)))).toHaveLength(
      2,
    );

    expect(progressDms().map((m) => m.text)).toEqual([
      'Update 1: reached 2 of 2 channels',
      'Update 2: reached 2 of 2 channels',
      'Update 3: reached 2 of 2 channels',
    ]);
    // Each progress message was edited in place while its update went out.
    const [first] = progressDms();
    const edits = h.fake.callsTo('chat.update').filter((c) => c.args.ts === first?.ts);
    expect(edits.map((c) => c.args.text)).toContain('0 of 2 channels updated');

    // The digests list it: its duration for the customer, and how many partnerships it reached inside.
    await postDigestsNow(h, alice, channels.shared);
    const customer = digestIn(h, channels.shared, 'Status digest');
    expect(digestList(customer, '*Incidents (1)*')).toMatch(
      /^\*Incidents \(1\)\*\n• \*API errors in eu-west\* — resolved after 2 h 5 min \(started <!date\^\d+\^/,
    );
    expect(JSON.stringify(customer)).not.toContain('partnership');
    expect(digestList(digestIn(h, channels.triage, 'Internal digest'), '*Incidents (1)*')).toContain(
      ' · sent to 2 partnerships',
    );

    // Another run sends nothing more.
    const posts = h.fake.callsTo('chat.postMessage').length;
    await h.rapport.runJob('incident-updates');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(posts);

    // The outcome offers the next update: Reopen, now that it is resolved.
    const outcome = progressDms().at(-1) as StoredMessage;
    expect(JSON.stringify(outcome.blocks?.at(-1))).toContain('"text":"Reopen"');
    const opened = h.fake.callsTo('views.open').length;
    await click(outcome, INCIDENT_ACTIONS.postUpdate);
    expect((await modalOpenedAfter(h, opened)).title.text).toBe('Reopen incident');

    // Resolved: only a reopening update is taken, and it says so on the field.
    const again = await postUpdate('investigating', 'Errors are back.');
    expect(again.body).toBe('');
    const twice = await postUpdate('monitoring', 'Watching.');
    expect(twice.body).toBe('');
    const list = await commandReply(h, alice, 'incident');
    expect(JSON.stringify(list.args.blocks)).toContain('*Monitoring*');
  });

  it('refuses bad updates on their fields with the input kept, and people outside the vendor', async () => {
    await startIncident();
    const view = await openUpdateForm();
    const empty = await h.driver.viewSubmission({
      user: alice,
      view,
      values: { [I.status]: { [INPUT]: 'identified' }, [I.text]: { [INPUT]: '   ' } },
    });
    expect(errorsOf(empty)).toEqual({ [I.text]: 'Write what customers should know now.' });
    await postUpdate('resolved', 'Over.');
    const resolvedForm = await openUpdateForm();
    const options = JSON.stringify(resolvedForm.blocks);
    expect(options).not.toContain('"value":"resolved"');
    expect(resolvedForm.title.text).toBe('Reopen incident');

    const refused = await h.driver.blockAction({
      user: carol,
      channelId: channels.shared,
      message: { blocks: (await commandReply(h, alice, 'incident')).args.blocks },
      isEphemeral: true,
      actions: [{ action_id: INCIDENT_ACTIONS.postUpdate }],
    });
    await h.rapport.settled();
    const answer = await h.fake.waitForCall('response_url', (c) =>
      Boolean(refused.responseUrl?.endsWith(`/${String(c.args.responseUrlId)}`)),
    );
    expect(answer.args.text).toBe('Only people at the vendor can see and update incidents.');
    expect(repliesIn(channels.shared)).toHaveLength(1);
    // Anyone at the vendor may post one: bob is on call.
    const bobs = await openUpdateForm(bob);
    await h.driver.viewSubmission({
      user: bob,
      view: bobs,
      values: { [I.status]: { [INPUT]: 'investigating' }, [I.text]: { [INPUT]: 'Reopened.' } },
    });
    await h.rapport.settled();
    expect(repliesIn(channels.shared)).toHaveLength(2);
    expect(h.fake.dmsTo(bob.id).at(-1)?.text).toBe('Update 2: reached 2 of 2 channels');
  });

  it('watches each customer question in its thread until a vendor reply there answers it', async () => {
    await startIncident();
    await postUpdate('identified', 'A bad deploy; rolling back.');
    const [top] = topIn(channels.shared);
    /** One message in the incident's thread, handled before the next arrives. */
    async function reply(user: DriverUser, text: string) {
      const posted = await h.driver.userMessage({
        user,
        channelId: channels.shared,
        text,
        threadTs: top?.ts as string,
      });
      await h.rapport.settled();
      return posted;
    }
    const tracked = (ts: string) => h.rapport.store.trackedMessages.findById(`${channels.shared}:${ts}`);
    const first = await reply(carol, 'Is our data safe?');
    await reply(bob, 'Yes.');
    const second = await reply(carol, 'When will it be fixed?');
    expect((await tracked(first.ts))?.closed?.reason).toBe('reply');
    expect(await tracked(second.ts)).toMatchObject({ preview: 'When will it be fixed?', closed: null });
  });

  it('takes an update from the sender’s Home tab while the incident is open, for the vendor only', async () => {
    await startIncident();
    /** Opens `user`'s Home tab: the view Rapport published for them. */
    async function home(user: DriverUser): Promise<StoredView> {
      await h.driver.event({
        event: { type: 'app_home_opened', user: user.id, channel: 'DHOME0001', tab: 'home' },
      });
      await h.rapport.settled();
      return h.fake.homeView(user.id) as StoredView;
    }
    type Accessory = { action_id?: string; value?: string; text?: { text: string } };
    const updateButtons = (view: StoredView) =>
      (view.blocks as { accessory?: Accessory }[])
        .map((b) => b.accessory)
        .filter((a): a is Accessory => a?.action_id === INCIDENT_ACTIONS.postUpdate);
    const [incident] = await h.rapport.store.incidents.listRecent(1);
    const tab = await home(alice);
    expect(updateButtons(tab)).toEqual([
      expect.objectContaining({
        text: expect.objectContaining({ text: 'Post update' }),
        value: incident?.id,
      }),
    ]);

    // The same authorisation as the list's button: a customer's (forged) click opens nothing.
    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user: carol,
      view: tab,
      actions: [{ action_id: INCIDENT_ACTIONS.postUpdate }],
    });
    await h.rapport.settled();
    expect(h.fake.callsTo('views.open')).toHaveLength(before);
    await h.driver.blockAction({
      user: alice,
      view: tab,
      actions: [{ action_id: INCIDENT_ACTIONS.postUpdate }],
    });
    const form = await modalOpenedAfter(h, before);
    expect(form.title.text).toBe('Incident update');
    await h.driver.viewSubmission({
      user: alice,
      view: form,
      values: { [I.status]: { [INPUT]: 'resolved' }, [I.text]: { [INPUT]: 'Error rates are normal.' } },
    });
    await h.rapport.settled();
    for (const channel of SHARED) expect(repliesIn(channel)).toHaveLength(1);
    expect(blockText(topIn(channels.shared)[0], 1)).toContain('*Resolved*');

    // Resolved: the sender's Home tab is published again without the button, without being reopened.
    expect(updateButtons(h.fake.homeView(alice.id) as StoredView)).toEqual([]);
    expect(updateButtons(await home(bob))).toEqual([]); // nobody else's Home tab lists it
  });

  it('reports a channel Slack refuses with its reason, updates the others, and never retries it', async () => {
    await startIncident();
    h.fake.failNextWhen(
      'chat.postMessage',
      (args) => args.channel === channels.otherShared && Boolean(args.thread_ts),
      'is_archived',
    );
    await postUpdate('identified', 'Found it.');
    expect(repliesIn(channels.shared)).toHaveLength(1);
    expect(repliesIn(channels.otherShared)).toEqual([]);
    expect(blockText(topIn(channels.otherShared)[0], 1)).toContain('*Investigating*');
    const outcome = progressDms().at(-1) as StoredMessage;
    expect(outcome.text).toBe('Update 1: reached 1 of 2 channels');
    expect(blockText(outcome, 0)).toContain(
      `Slack refused 1:\n• <#${channels.otherShared}>: is_archived (reply)`,
    );
    const calls = h.fake.calls.length;
    clock.advance(15);
    await h.rapport.runJob('incident-updates');
    expect(h.fake.calls.slice(calls)).toEqual([]);

    // A top message deleted meanwhile: the reply goes, the edit is refused and reported.
    const top = topIn(channels.shared)[0] as StoredMessage;
    h.fake.failNextWhen('chat.update', (args) => args.ts === top.ts, 'message_not_found');
    await postUpdate('monitoring', 'Watching.');
    expect(repliesIn(channels.shared)).toHaveLength(2);
    expect(blockText(progressDms().at(-1), 0)).toContain(
      `<#${channels.shared}>: message_not_found (top message)`,
    );

    // The poster deleted the progress message: Slack refuses its edit, so it is posted anew, and the
    // outcome lands there, once.
    const dm = h.fake.dmChannelOf(alice.id);
    const before = progressDms().length;
    h.fake.failNextWhen('chat.update', (args) => args.channel === dm, 'message_not_found');
    await postUpdate('resolved', 'Fixed.');
    expect(
      progressDms()
        .slice(before)
        .map((m) => m.text),
    ).toEqual(['0 of 2 channels updated', 'Update 3: reached 2 of 2 channels']);
  });

  it('after a restart, adopts a reply its dead holder posted instead of posting it again', async () => {
    await startIncident();
    // What a process killed mid-update leaves: the update stored and started, Acme's reply claimed and
    // in its thread, unrecorded.
    const [incident] = await h.rapport.store.incidents.listRecent(1);
    const id = incident?.id ?? '';
    const update = {
      number: 1,
      status: 'identified' as const,
      text: 'Found it.',
      at: clock.now(),
      by: alice.id,
    };
    expect(await h.rapport.store.incidents.addUpdate(id, 0, update, null)).toBe(true);
    await h.restart();
    const store = h.rapport.store;
    const lease = { token: 'dead', until: new Date(clock.now().getTime() + 600_000) };
    for (const reached of await store.announcementDeliveries.listFor(id)) {
      await store.incidentUpdateDeliveries.insert({
        id: `${id}:1:${reached.partnershipId}`,
        announcementId: id,
        update: 1,
        partnershipId: reached.partnershipId,
        channelId: reached.channelId,
        threadTs: reached.ts ?? '',
        state: 'pending',
        lease: null,
        attempts: 0,
        replyTs: null,
        error: null,
      });
    }
    const held = await store.incidentUpdateDeliveries.claim(id, 1, 'pending', clock.now(), lease);
    if (held === null) throw new Error('no delivery to claim');
    h.fake.addMessage(held.channelId, {
      text: 'Identified: Found it.',
      thread_ts: held.threadTs,
      bot_id: h.fake.botId,
      metadata: { event_type: 'rapport_effect', event_payload: { key: `incident-update:${held.id}` } },
    });
    await h.rapport.runJob('incident-updates');
    const other = held.channelId === channels.shared ? channels.otherShared : channels.shared;
    expect(repliesIn(other)).toHaveLength(1);
    expect(progressDms().at(-1)?.text).not.toContain('reached'); // the held one is not settled within its lease

    clock.advance(11);
    await h.rapport.runJob('incident-updates');
    expect(repliesIn(held.channelId)).toHaveLength(1);
    const postedThere = h.fake
      .callsTo('chat.postMessage')
      .filter((c) => c.args.channel === held.channelId && c.args.thread_ts);
    expect(postedThere).toEqual([]);
    expect(progressDms().map((m) => m.text)).toEqual(['Update 1: reached 2 of 2 channels']);
    for (const channel of SHARED) expect(blockText(topIn(channel)[0], 1)).toContain('*Identified*');
  });
});
