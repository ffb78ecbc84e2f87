import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION, DEFAULT_SLA } from '../../src/domain/partnerships/partnership.js';
import type { RecordedCall } from '../../src/playground/slack-simulator/index.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { harnessForEachTest, modalOpenedAfter } from '../support/flows.js';
import { channels, type Harness, people, VENDOR_TEAM } from '../support/rapport-harness.js';
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
/** Every response, escalation and calendar setting away from its default. */
const policy = {
  [B.responseUrgent]: { [INPUT]: '30' },
  [B.responseHigh]: { [INPUT]: '120' },
  [B.responseNormal]: { [INPUT]: '960' },
  [B.responseLow]: { [INPUT]: '1440' },
  [B.updateEvery]: { [INPUT]: '240' },
  [B.resolution]: { [INPUT]: '4800' },
  [B.breakStart]: { [INPUT]: '12:00' },
  [B.breakEnd]: { [INPUT]: '12:45' },
  [B.holidays]: { [INPUT]: '2099-12-25, 2099-12-24\n2099-12-24 2100-01-01' },
  [B.backupAfterReminders]: { [INPUT]: '1' },
  [B.finalAfterReminders]: { [INPUT]: '3' },
};
const erin = { id: 'UERIN0001', teamId: VENDOR_TEAM }; // vendor team lead, the final escalation
const elementsOf = (view: Record<string, unknown>) =>
  Object.fromEntries((view.blocks as Block[]).map((b) => [b.block_id, b.element]));

describe.each(storeKinds())('partnership setup end to end ($name store)', (kind) => {
  let h: Harness;

  harnessForEachTest(kind, (started) => {
    h = started;
  });

  const setupCommand = async (user = people.alice, channelId = channels.shared) => {
    const before = h.fake.callsTo('views.open').length;
    const res = await h.driver.command({ user, channelId, text: 'setup' });
    expect(res.status).toBe(200);
    return modalOpenedAfter(h, before);
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
      sla: DEFAULT_SLA,
      escalation: DEFAULT_ESCALATION,
      welcomeMessageTs: ts,
      version: 1,
    });
  });

  it('offers the default response targets and escalation steps when creating', async () => {
    const form = elementsOf(await setupCommand());
    const chosen = (blockId: string) =>
      (form[blockId] as { initial_option: { value: string } }).initial_option.value;
    expect([B.responseUrgent, B.responseHigh, B.responseNormal, B.responseLow].map(chosen)).toEqual([
      '60',
      '240',
      '480',
      '960',
    ]);
    expect([B.updateEvery, B.resolution, B.backupAfterReminders, B.finalAfterReminders].map(chosen)).toEqual([
      '480',
      '2400',
      '2',
      '4',
    ]);
    expect(form[B.breakStart]).not.toHaveProperty('initial_time');
    expect(form[B.holidays]).not.toHaveProperty('initial_value');
    expect(form[B.escalationUserId]).not.toHaveProperty('initial_user');
    expect((form[B.resolution] as { options: unknown[] }).options).toContainEqual({
      text: { type: 'plain_text', text: '40 business hours (5 business days)', emoji: true },
      value: '2400',
    });
  });

  it('saves response targets, escalation, break and holidays: pre-filled on edit, in status, targets in the welcome', async () => {
    h.fake.addUser({ ...erin, name: 'erin', tz: 'Europe/Berlin' });
    await h.driver.viewSubmission({
      user: people.alice,
      view: await setupCommand(),
      values: {
        ...valid,
        ...policy,
        [B.backupOwnerId]: { [INPUT]: null },
        [B.escalationUserId]: { [INPUT]: erin.id },
      },
    });
    const welcome = await h.fake.waitForCall('chat.postMessage', (c) => c.args.channel === channels.shared);
    const welcomeText = JSON.stringify(welcome.args);
    expect(welcomeText).toContain(
      'We aim to answer urgent requests within 30 min, high within 2 business hours, ' +
        'normal within 16 business hours and low within 24 business hours.',
    );
    expect(welcomeText).toContain('Mon–Thu 08:30–12:00, 12:45–16:00 Europe/Berlin');
    expect(welcomeText).not.toMatch(/escalat|nag|UERIN0001/i); // internal: the customer reads this
    await h.fake.waitForCall('chat.postEphemeral');

    expect(await h.rapport.store.partnerships.findByChannel(channels.shared)).toMatchObject({
      businessHours: {
        dailyBreak: { start: '12:00', end: '12:45' },
        holidays: ['2099-12-24', '2099-12-25', '2100-01-01'],
      },
      sla: {
        firstResponse: { urgent: 30, high: 120, normal: 960, low: 1440 },
        updateEvery: 240,
        resolution: 4800,
      },
      escalation: { backupAfterNags: 1, finalAfterNags: 3, userId: erin.id },
    });

    const form = elementsOf(await setupCommand(people.bob));
    for (const [blockId, { [INPUT]: value }] of Object.entries(policy)) {
      const shown = form[blockId] as {
        initial_option?: { value: string };
        initial_time?: string;
        initial_value?: string;
      };
      if (blockId === B.holidays) expect(shown.initial_value).toBe('2099-12-24, 2099-12-25, 2100-01-01');
      else expect(shown.initial_option?.value ?? shown.initial_time, blockId).toBe(value);
    }
    expect(form[B.escalationUserId]).toMatchObject({ initial_user: erin.id });

    const res = await h.driver.command({ user: people.bob, channelId: channels.shared, text: 'status' });
    const status = JSON.stringify((await responseTo(res.responseUrl)).args.blocks);
    for (const line of [
      '*Business hours:* Mon–Thu 08:30–12:00, 12:45–16:00 Europe/Berlin',
      '*Holidays:* 3 listed, next 2099-12-24',
      '*First response:* urgent requests within 30 min, high within 2 business hours,',
      '*Owner updates:* at least every 4 business hours',
      '*Resolution:* help requests within 80 business hours',
      `*Escalation:* to the backup owner after 1 unanswered reminder, finally to <@${erin.id}> after 3`,
    ]) {
      expect(status).toContain(line);
    }
  });

  it('refuses bad policies inline on the right field, keeping the form open for a fix', async () => {
    h.fake.addUser({ ...erin, name: 'erin' });
    const view = await setupCommand();
    const halfBreak = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { ...valid, [B.breakStart]: { [INPUT]: '12:00' } },
    });
    expect(halfBreak.body).toEqual({
      response_action: 'errors',
      errors: { [B.breakEnd]: 'Choose when the break ends, or clear both for none.' },
    });

    const bad = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: {
        ...valid,
        [B.breakStart]: { [INPUT]: '08:00' },
        [B.breakEnd]: { [INPUT]: '09:00' },
        [B.holidays]: { [INPUT]: '2099-12-24, tomorrow\n2026-02-30' },
        [B.responseHigh]: { [INPUT]: '15' },
        [B.resolution]: { [INPUT]: '240' },
        [B.backupAfterReminders]: { [INPUT]: '3' },
        [B.finalAfterReminders]: { [INPUT]: '2' },
        [B.escalationUserId]: { [INPUT]: people.carol.id },
      },
    });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: {
        [B.breakStart]: 'The break must fall inside the working day (08:30–16:00).',
        [B.holidays]: 'Not dates: “2026-02-30”, “tomorrow”. Write dates as YYYY-MM-DD, such as 2026-12-24.',
        [B.responseHigh]: 'High requests can’t have a shorter target than urgent ones.',
        [B.resolution]: 'Allow at least as long to resolve a request as to first answer it.',
        [B.finalAfterReminders]: 'The final escalation must come after the backup owner is nagged.',
        [B.escalationUserId]: 'The final escalation must go to someone at your company.',
      },
    });
    expect(h.fake.openModals()).toHaveLength(1); // Slack keeps the form and its input open
    expect(await h.rapport.store.partnerships.findByChannel(channels.shared)).toBeNull();

    const fixed = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: {
        ...valid,
        [B.holidays]: { [INPUT]: '2099-12-24' },
        [B.escalationUserId]: { [INPUT]: erin.id },
      },
    });
    expect(fixed.body).toBe('');
    expect(await h.rapport.store.partnerships.findByChannel(channels.shared)).toMatchObject({
      businessHours: { holidays: ['2099-12-24'] },
      escalation: { ...DEFAULT_ESCALATION, userId: erin.id },
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
      lastCustomerMessageAt: null,
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
