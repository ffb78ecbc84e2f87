import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DIGEST_CRON } from '../../src/domain/digests/digest-schedule.js';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_SLA } from '../../src/domain/partnerships/partnership.js';
import type {
  RecordedCall,
  StateValuesInput,
  StoredView,
} from '../../src/playground/slack-simulator/index.js';
import { CONNECT_BLOCKS, CONNECT_VIEWS } from '../../src/slack/connect/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { harnessForEachTest, modalOpenedAfter, replyThrough } from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

const C = CONNECT_BLOCKS;
const CAROL = 'carol@acme.example';
const DAVE = 'dave@acme.example';
const ERIN = 'erin@acme.example';
const emails = (text: string): StateValuesInput => ({ [C.emails]: { [INPUT]: text } });
const textOf = (call: RecordedCall) => `${String(call.args.text)} ${JSON.stringify(call.args.blocks ?? [])}`;

describe.each(storeKinds())('/rapport connect end to end ($name store)', (kind) => {
  let h: Harness;

  harnessForEachTest(kind, (started) => {
    h = started;
  });

  /** `/rapport connect <text>` by Alice in the triage channel: the modal, and the command's response_url. */
  async function openConnect(text = 'connect Acme Corp', channelId: string = channels.triage) {
    const before = h.fake.callsTo('views.open').length;
    const { responseUrl } = await h.driver.command({ user: people.alice, channelId, text });
    return { view: await modalOpenedAfter(h, before), responseUrl };
  }
  const submit = (view: StoredView, values: StateValuesInput, user = people.alice) =>
    h.driver.viewSubmission({ user, view, values });
  const createdChannelId = () => {
    const created = h.fake.callsTo('conversations.create').filter((c) => c.response.ok);
    expect(created).toHaveLength(1);
    return created[0]?.response.channel.id as string;
  };
  const invitedEmails = () => h.fake.sharedInvites.flatMap((i) => i.emails);

  it('creates the channel, adds the vendor people, registers, welcomes, invites each address once and reports', async () => {
    const { view, responseUrl } = await openConnect();
    expect(view.callback_id).toBe(CONNECT_VIEWS.create);
    const res = await submit(view, {
      ...emails(`${CAROL}\n${DAVE}, carol@ACME.example`),
      [C.ownerId]: { [INPUT]: people.bob.id },
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe(''); // closed: Slack created the channel before the ack
    expect(h.fake.openModals()).toHaveLength(0);
    const report = await replyThrough(h, responseUrl);
    await h.rapport.settled();

    const create = h.fake.callsTo('conversations.create')[0];
    expect(create?.args).toMatchObject({ name: 'acme-corp', is_private: 'false' });
    const id = createdChannelId();
    const members = h.fake.channels.get(id)?.members;
    expect([...(members ?? [])].sort()).toEqual([people.alice.id, people.bob.id, h.fake.botUserId].sort());

    const stored = await h.rapport.store.partnerships.findByChannel(id);
    expect(stored).toMatchObject({
      accountName: 'Acme Corp',
      refPrefix: 'ACME',
      ownerId: people.bob.id,
      createdBy: people.alice.id,
      backupOwnerId: null,
      contacts: [],
      timeZone: 'America/New_York', // the owner's
      businessHours: DEFAULT_BUSINESS_HOURS,
      sla: DEFAULT_SLA,
      digest: { cron: DEFAULT_DIGEST_CRON, timeZone: 'America/New_York' },
      triageChannelId: null,
    });
    const welcome = h.fake.messagesIn(id)[0];
    expect(welcome?.text).toContain('Acme Corp');
    expect(h.fake.pinsIn(id)).toEqual([welcome?.ts]);
    expect(stored?.welcomeMessageTs).toBe(welcome?.ts);

    expect(
      h.fake.sharedInvites.map((i) => ({ channel: i.channel, emails: i.emails, limited: i.externalLimited })),
    ).toEqual([
      { channel: id, emails: [CAROL], limited: true },
      { channel: id, emails: [DAVE], limited: true },
    ]);
    expect(report.args.response_type).toBe('ephemeral');
    const text = textOf(report);
    expect(text).toContain('2 of 2 invitations sent');
    expect(text).toContain(`<#${id}>`);
    expect(text).toContain(CAROL);
    expect(text).toContain(DAVE);
    expect(text).toContain('ACME-1');
    expect(text).toContain('run `/rapport setup` in');
    expect(h.fake.ephemeralsTo(people.alice.id).map((e) => e.channel)).toEqual([channels.triage]);
  });

  it('works from a direct message, makes a private channel on request and reports there', async () => {
    const dm = h.fake.dmChannelOf(people.alice.id);
    const { view, responseUrl } = await openConnect('connect', dm);
    const res = await submit(view, {
      [C.accountName]: { [INPUT]: 'Globex' },
      [C.channelName]: { [INPUT]: '#Ext Globex' },
      [C.isPrivate]: { [INPUT]: ['private'] },
      ...emails(ERIN),
    });
    expect(res.body).toBe('');
    const report = await replyThrough(h, responseUrl);
    await h.rapport.settled();
    expect(h.fake.callsTo('conversations.create')[0]?.args).toMatchObject({
      name: 'ext-globex',
      is_private: 'true',
    });
    const id = createdChannelId();
    expect(h.fake.channels.get(id)?.isPrivate).toBe(true);
    expect(await h.rapport.store.partnerships.findByChannel(id)).toMatchObject({
      accountName: 'Globex',
      ownerId: people.alice.id,
      timeZone: 'Europe/Berlin',
    });
    expect(textOf(report)).toContain('private channel');
    expect(h.fake.ephemeralsTo(people.alice.id).map((e) => e.channel)).toEqual([dm]);
  });

  it('sends the others when Slack refuses one invitation, keeps the partnership and says what an admin must change', async () => {
    h.fake.failNextWhen(
      'conversations.inviteShared',
      (args) => args.emails?.[0] === DAVE,
      'no_external_invite_permission',
    );
    const { view, responseUrl } = await openConnect();
    await submit(view, emails(`${CAROL}\n${DAVE}\n${ERIN}`));
    const report = await replyThrough(h, responseUrl);
    await h.rapport.settled();
    expect(h.fake.callsTo('conversations.inviteShared')).toHaveLength(3);
    expect(invitedEmails()).toEqual([CAROL, ERIN]);
    const id = createdChannelId();
    expect(await h.rapport.store.partnerships.findByChannel(id)).not.toBeNull();
    const text = textOf(report);
    expect(text).toContain('2 of 3 invitations sent');
    expect(text).toContain(`Not sent (1):*\\n• ${DAVE}`);
    expect(text).toContain('(Slack: `no_external_invite_permission`)');
    expect(text).toContain(DAVE);
    expect(text).toContain('Rapport is not allowed to invite people from outside your organisation.');
    expect(text).toContain('A Slack admin grants permission to send Slack Connect invitations');
  });

  it.each([
    ['restricted_action', 'A workspace setting does not allow Rapport'],
    ['not_paid', 'Slack Connect needs a paid Slack plan'],
    ['missing_scope', 'conversations.connect:write'],
  ])('explains an invitation refused with %s to everyone', async (code, words) => {
    h.fake.failNext('conversations.inviteShared', code, 2);
    const { view, responseUrl } = await openConnect();
    await submit(view, emails(`${CAROL}, ${DAVE}`));
    const text = textOf(await replyThrough(h, responseUrl));
    await h.rapport.settled();
    expect(text).toContain('0 of 2 invitations sent');
    expect(text).toContain('Not sent (2):*');
    expect(text).toContain(`(Slack: \`${code}\`)`);
    expect(text).toContain(words);
    expect(text).toContain('*What to change:*');
    expect(await h.rapport.store.partnerships.findByChannel(createdChannelId())).not.toBeNull();
  });

  it.each([
    ['restricted_action', 'A workspace setting does not allow Rapport to do this'],
    ['missing_scope', 'channels:manage (public channels) or groups:write (private channels)'],
  ])(
    'keeps the form open and registers nothing when Slack refuses to create the channel (%s)',
    async (code, words) => {
      h.fake.failNext('conversations.create', code);
      const { view } = await openConnect();
      const refused = await submit(view, emails(CAROL));
      expect(refused.body).toMatchObject({ response_action: 'errors' });
      const message = (refused.body as { errors: Record<string, string> }).errors[C.channelName];
      expect(message).toContain('Nothing was created.');
      expect(message).toContain(words);
      expect(message).toContain(`(Slack: ${code})`);
      expect(h.fake.openModals()).toHaveLength(1);
      expect(await h.rapport.store.partnerships.listByOwner(people.alice.id)).toEqual([]);
      expect(h.fake.callsTo('conversations.inviteShared')).toHaveLength(0);

      // Once an admin has fixed it, the same form goes through.
      expect((await submit(view, emails(CAROL))).body).toBe('');
      await h.rapport.settled();
      expect(await h.rapport.store.partnerships.findByChannel(createdChannelId())).not.toBeNull();
    },
  );

  it('shows a taken name on the channel-name field, and goes through with another name', async () => {
    const { view, responseUrl } = await openConnect('connect Acme Vendor'); // #acme-vendor exists
    const taken = await submit(view, emails(CAROL));
    expect(taken.body).toEqual({
      response_action: 'errors',
      errors: { [C.channelName]: expect.stringContaining('A channel with this name already exists') },
    });
    expect(h.fake.openModals()).toHaveLength(1);
    expect(await h.rapport.store.partnerships.listByOwner(people.alice.id)).toEqual([]);
    expect(
      (await submit(view, { ...emails(CAROL), [C.channelName]: { [INPUT]: 'acme-vendor-2' } })).body,
    ).toBe('');
    await replyThrough(h, responseUrl);
    await h.rapport.settled();
    expect(h.fake.channels.get(createdChannelId())?.name).toBe('acme-vendor-2');
  });

  it('shows every invalid field at once, input kept, nothing created', async () => {
    const { view } = await openConnect();
    const bad = await submit(view, {
      [C.accountName]: { [INPUT]: '' },
      [C.channelName]: { [INPUT]: 'acme.corp' },
      ...emails(`${CAROL}, not-an-address`),
      [C.ownerId]: { [INPUT]: people.carol.id },
    });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        [C.accountName]: 'Give the customer account a name.',
        [C.channelName]: expect.stringContaining('not “.”'),
        [C.emails]: expect.stringContaining('Not an email address: “not-an-address”'),
        [C.ownerId]: 'The owner must be someone at your company.',
      },
    });
    expect(h.fake.openModals()).toHaveLength(1);
    expect(h.fake.callsTo('conversations.create')).toHaveLength(0);
  });

  it('refuses the customer side: the command, and a submission of the form', async () => {
    const res = await h.driver.command({
      user: people.carol,
      channelId: channels.shared,
      text: 'connect Acme',
      allowNonInstallingTeam: true,
    });
    const reply = await replyThrough(h, res.responseUrl);
    expect(reply.args.text).toBe(
      'Only people at the vendor can create customer channels. Ask your account owner to do it.',
    );
    expect(h.fake.callsTo('views.open')).toHaveLength(0);

    const { view } = await openConnect();
    const refused = await submit(view, emails(CAROL), people.carol);
    expect(refused.body).toEqual({
      response_action: 'errors',
      errors: {
        [C.accountName]:
          'Only people at the vendor can create customer channels. Ask your account owner to do it.',
      },
    });
    expect(h.fake.callsTo('conversations.create')).toHaveLength(0);
  });

  /** One channel, one partnership, each address invited once, one welcome, one report. */
  async function expectConnectedOnce() {
    const id = createdChannelId();
    expect([...h.fake.channels.values()].filter((c) => c.name.startsWith('acme-corp'))).toHaveLength(1);
    expect(await h.rapport.store.partnerships.listByOwner(people.alice.id)).toHaveLength(1);
    expect(await h.rapport.store.partnerships.findByChannel(id)).not.toBeNull();
    expect(invitedEmails()).toEqual([CAROL, DAVE]);
    expect(h.fake.pinsIn(id)).toHaveLength(1);
    expect(h.fake.callsTo('response_url')).toHaveLength(1);
  }

  it('makes one channel when the form is submitted again after a lost ack', async () => {
    const { view, responseUrl } = await openConnect();
    expect((await submit(view, emails(`${CAROL}\n${DAVE}`))).body).toBe('');
    await replyThrough(h, responseUrl);
    await h.rapport.settled();
    // Slack never got the ack, so the form is still open and the person presses the button once more.
    h.fake.viewStacks.push([view.id]);
    const again = await submit(view, emails(`${CAROL}\n${DAVE}`));
    expect(again.body).toBe(''); // closed quietly: not "name taken", which would invite a second channel
    await h.rapport.settled();
    expect(h.fake.callsTo('conversations.create').map((c) => c.response.error)).toEqual([
      undefined,
      'name_taken',
    ]);
    await expectConnectedOnce();
  });

  it('makes one channel when the same form arrives twice at once', async () => {
    const { view, responseUrl } = await openConnect();
    const answers = await Promise.all([
      submit(view, emails(`${CAROL}\n${DAVE}`)),
      submit(view, emails(`${CAROL}\n${DAVE}`)),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await replyThrough(h, responseUrl);
    await h.rapport.settled();
    expect(h.fake.callsTo('conversations.create')).toHaveLength(2);
    await expectConnectedOnce();
  });

  it('says exactly what exists when registering fails after the channel was made, and still invites', async () => {
    vi.spyOn(h.rapport.store.partnerships, 'insert').mockRejectedValueOnce(new Error('store is down'));
    const { view, responseUrl } = await openConnect();
    await submit(view, emails(CAROL));
    const text = textOf(await replyThrough(h, responseUrl));
    await h.rapport.settled();
    const id = createdChannelId();
    expect(await h.rapport.store.partnerships.findByChannel(id)).toBeNull();
    expect(text).toContain('*not registered* as a partnership');
    expect(text).toMatch(/reference E-[0-9A-F]{6}/);
    expect(text).toContain(`Run \`/rapport setup\` in <#${id}> to register it.`);
    expect(text).toContain('1 of 1 invitations sent');
    expect(h.fake.messagesIn(id)).toEqual([]); // no welcome without a partnership
    // Logged after the ack by the listener's services, still naming the submission on every runtime.
    expect(
      h.logs.some((l) => l.includes('store is down') && l.includes('"requestKind":"view_submission"')),
    ).toBe(true);
  });

  it('says the welcome is missing when Slack refuses to post it, and how to post it', async () => {
    h.fake.failNext('chat.postMessage', 'internal_error'); // the welcome: the report goes by response_url
    const { view, responseUrl } = await openConnect();
    await submit(view, emails(CAROL));
    const text = textOf(await replyThrough(h, responseUrl));
    await h.rapport.settled();
    expect(await h.rapport.store.partnerships.findByChannel(createdChannelId())).not.toBeNull();
    expect(text).toContain('The welcome message is not posted');
    expect(text).toContain('and save to post it');
    expect(text).toContain('1 of 1 invitations sent');
  });

  it('reports by direct message when the response URL no longer works', async () => {
    const { view, responseUrl } = await openConnect();
    for (let i = 0; i < 5; i++)
      await fetch(responseUrl, {
        method: 'POST',
        body: JSON.stringify({ text: 'x' }),
        headers: { 'content-type': 'application/json' },
      });
    await submit(view, emails(CAROL));
    await h.rapport.settled();
    const dm = h.fake.dmsTo(people.alice.id);
    expect(dm.map((m) => m.text)).toEqual([expect.stringContaining('1 of 1 invitations sent')]);
  });
});
