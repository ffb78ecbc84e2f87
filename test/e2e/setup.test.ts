import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INPUT, SETUP_BLOCKS } from '../../src/slack/ids.js';
import type { RecordedCall } from '../support/fake-slack/index.js';
import { channels, type Harness, people, startHarness } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';

const B = SETUP_BLOCKS;
type Block = { block_id?: string; element?: Record<string, unknown> };
const valid = {
  [B.accountName]: { [INPUT]: 'Acme Corp' },
  [B.backupOwnerId]: { [INPUT]: people.bob.id },
  [B.champion]: { [INPUT]: [people.carol.id] },
  [B.technical]: { [INPUT]: [people.dave.id] },
  [B.workingDays]: { [INPUT]: ['1', '2', '3', '4'] },
  [B.dayStart]: { [INPUT]: '08:30' },
  [B.dayEnd]: { [INPUT]: '16:00' },
  [B.triageChannelId]: { [INPUT]: channels.triage },
};

describe.each(storeKinds())('partnership setup end to end ($name store)', (kind) => {
  let h: Harness;

  beforeEach(async (context) => {
    if (!kind.available) context.skip();
    h = await startHarness(kind.freshLocation());
  });
  afterEach(async () => {
    if (!kind.available) return;
    expect(h.fake.violations).toEqual([]);
    await h.stop();
  });

  const setupCommand = async (user = people.alice, channelId = channels.shared) => {
    const before = h.fake.callsTo('views.open').length;
    const res = await h.driver.command({ user, channelId, text: 'setup' });
    expect(res.status).toBe(200);
    const opened = await h.fake.waitForCall(
      'views.open',
      (c) => h.fake.callsTo('views.open').indexOf(c) >= before,
    );
    return opened.response.view as Parameters<Harness['driver']['viewSubmission']>[0]['view'];
  };
  const responseTo = (responseUrl: string) =>
    h.fake.waitForCall('response_url', (c: RecordedCall) =>
      responseUrl.endsWith(`/${String(c.args.responseUrlId)}`),
    );

  it('answers /rapport, /rapport help and unknown subcommands with private usage help', async () => {
    for (const [text, expected] of [
      ['', /can:/],
      ['help', /can:/],
      ['frobnicate <!channel>', /I don’t know `frobnicate`/],
    ] as const) {
      const res = await h.driver.command({ user: people.alice, channelId: channels.shared, text });
      const reply = await responseTo(res.responseUrl);
      expect(reply.args.response_type).toBe('ephemeral');
      expect(JSON.stringify(reply.args.blocks)).toMatch(expected);
      expect(JSON.stringify(reply.args.blocks)).toContain('/rapport setup');
    }
  });

  it('gives a helpful hint in a channel that is not set up', async () => {
    const res = await h.driver.command({ user: people.alice, channelId: channels.shared, text: 'status' });
    const reply = await responseTo(res.responseUrl);
    expect(reply.args.text).toContain('isn’t a Rapport partnership yet');
    expect(reply.args.text).toContain('/rapport setup');
  });

  it('sets up a partnership: form, inline validation, stored, welcome posted and pinned, private confirmation', async () => {
    const view = await setupCommand();
    expect(view.title).toMatchObject({ text: 'Set up partnership' });
    const ownerBlock = view.blocks.find((b: Block) => b.block_id === B.ownerId) as {
      element: { initial_user: string };
    };
    expect(ownerBlock.element.initial_user).toBe(people.alice.id);
    const tzBlock = view.blocks.find((b: Block) => b.block_id === B.timeZone) as {
      element: { initial_value: string };
    };
    expect(tzBlock.element.initial_value).toBe('Europe/Berlin');

    const bad = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: {
        ...valid,
        [B.timeZone]: { [INPUT]: 'Mars/Olympus' },
        [B.backupOwnerId]: { [INPUT]: people.carol.id },
        [B.technical]: { [INPUT]: [people.bob.id] },
        [B.dayEnd]: { [INPUT]: '07:00' },
      },
    });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        [B.timeZone]: 'Use a time zone name such as Europe/Berlin or America/New_York.',
        [B.backupOwnerId]: 'The backup owner must be someone at your company.',
        [B.technical]: 'Customer contacts must be people at the customer, not at your company.',
        [B.workingDays]: 'The working day must end after it starts.',
      },
    });
    expect(h.fake.openModals()).toHaveLength(1); // the modal stays open with the input in it
    expect(await h.rapport.store.partnerships.findByChannel(channels.shared)).toBeNull();

    const good = await h.driver.viewSubmission({ user: people.alice, view, values: valid });
    expect(good.status).toBe(200);
    expect(good.body).toBe('');

    const welcome = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channels.shared);
    expect(welcome.args.text).toContain('Acme Corp');
    expect(JSON.stringify(welcome.args.blocks)).toContain(`<@${people.alice.id}>`);
    expect(JSON.stringify(welcome.args.blocks)).toContain('Mon–Thu 08:30–16:00 Europe/Berlin');
    const confirmation = await h.fake.waitForCall(
      'chat.postEphemeral',
      (c) => c.args.user === people.alice.id,
    );
    expect(confirmation.args.text).toContain('*Acme Corp* is set up');
    expect(confirmation.args.text).toContain('ACME-1');
    const ts = welcome.response.ts as string;
    expect(h.fake.pinsIn(channels.shared)).toEqual([ts]);

    const stored = await h.rapport.store.partnerships.findByChannel(channels.shared);
    expect(stored).toMatchObject({
      accountName: 'Acme Corp',
      refPrefix: 'ACME',
      ownerId: people.alice.id,
      backupOwnerId: people.bob.id,
      contacts: [
        { userId: people.carol.id, role: 'champion' },
        { userId: people.dave.id, role: 'technical' },
      ],
      timeZone: 'Europe/Berlin',
      businessHours: { days: [1, 2, 3, 4], start: '08:30', end: '16:00', dailyBreak: null, holidays: [] },
      triageChannelId: channels.triage,
      welcomeMessageTs: ts,
      version: 1,
    });
  });

  it('edits on a second run: pre-filled form, one partnership, welcome edited in place, and it all survives a restart', async () => {
    await h.driver.viewSubmission({ user: people.alice, view: await setupCommand(), values: valid });
    const welcome = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channels.shared);
    await h.fake.waitForCall('chat.postEphemeral');

    await h.restart();

    const again = await setupCommand(people.bob);
    expect(again.title).toMatchObject({ text: 'Edit partnership' });
    const prefilled = Object.fromEntries(again.blocks.map((b: Block) => [b.block_id, b.element]));
    expect(prefilled[B.accountName]).toMatchObject({ initial_value: 'Acme Corp' });
    expect(prefilled[B.champion]).toMatchObject({ initial_users: [people.carol.id] });
    expect(prefilled[B.triageChannelId]).toMatchObject({ initial_conversation: channels.triage });
    expect(prefilled[B.dayStart]).toMatchObject({ initial_time: '08:30' });

    await h.driver.viewSubmission({
      user: people.bob,
      view: again,
      values: { [B.accountName]: { [INPUT]: 'Acme Inc' } },
    });
    const update = await h.fake.waitForCall('chat.update');
    expect(update.args).toMatchObject({ channel: channels.shared, ts: welcome.response.ts });
    expect(update.args.text).toContain('Acme Inc');
    await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes('Saved your changes'));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.fake.callsTo('pins.add')).toHaveLength(1);

    const stored = await h.rapport.store.partnerships.findByChannel(channels.shared);
    expect(stored).toMatchObject({
      accountName: 'Acme Inc',
      refPrefix: 'ACME',
      version: 2,
      updatedBy: people.bob.id,
    });
  });

  it('refuses an edit made on a stale form instead of overwriting the other save', async () => {
    await h.driver.viewSubmission({ user: people.alice, view: await setupCommand(), values: valid });
    await h.fake.waitForCall('chat.postEphemeral');
    const first = await setupCommand(people.alice);
    const second = await setupCommand(people.bob);
    await h.driver.viewSubmission({
      user: people.alice,
      view: first,
      values: { [B.accountName]: { [INPUT]: 'First' } },
    });
    const stale = await h.driver.viewSubmission({
      user: people.bob,
      view: second,
      values: { [B.accountName]: { [INPUT]: 'Second' } },
    });
    expect(stale.body).toMatchObject({
      response_action: 'errors',
      errors: { [B.accountName]: expect.stringContaining('Someone else saved this partnership') },
    });
    expect((await h.rapport.store.partnerships.findByChannel(channels.shared))?.accountName).toBe('First');
  });

  it('refuses customer-side people, from the command and from a forged form submission', async () => {
    const res = await h.driver.command({
      user: people.carol,
      channelId: channels.shared,
      text: 'setup',
      allowNonInstallingTeam: true,
    });
    const reply = await responseTo(res.responseUrl);
    expect(reply.args.text).toContain('Only people at the vendor');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);

    const view = await setupCommand();
    const forged = await h.driver.viewSubmission({ user: people.carol, view, values: valid });
    expect(forged.body).toMatchObject({
      response_action: 'errors',
      errors: { [B.accountName]: 'Only people at the vendor can set up a partnership.' },
    });
    expect(await h.rapport.store.partnerships.findByChannel(channels.shared)).toBeNull();
  });

  it('asks to be invited when it cannot post the welcome message in a private channel', async () => {
    const view = await setupCommand(people.alice, channels.privateShared);
    await h.driver.viewSubmission({ user: people.alice, view, values: valid });
    const confirmation = await h.fake.waitForCall(
      'chat.postEphemeral',
      (c) => c.args.user === people.alice.id,
    );
    expect(confirmation.args.text).toContain('`/invite` me');
    expect(await h.rapport.store.partnerships.findByChannel(channels.privateShared)).toMatchObject({
      welcomeMessageTs: null,
    });
  });

  it('tells the user with a reference, not a stack trace, when something fails after the ack', async () => {
    h.fake.failNext('users.info', 'internal_error');
    const res = await h.driver.command({ user: people.alice, channelId: channels.shared, text: 'setup' });
    const reply = await responseTo(res.responseUrl);
    expect(reply.args.text).toMatch(/Sorry, something went wrong .* \(reference E-[0-9A-F]{6}\)/);
    expect(reply.args.text).not.toMatch(/at .*\.ts:\d+/);
    expect(h.logs.some((line) => line.includes('"listener failed"') && line.includes('internal_error'))).toBe(
      true,
    );
  });
});
