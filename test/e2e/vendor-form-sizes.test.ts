import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT_NAME_MAX,
  DIGEST_CRON_MAX,
  EMOJI_NAME_MAX,
  MAX_CONTACTS_PER_ROLE,
  MAX_HOLIDAYS,
  MAX_TARGET_MINUTES,
  TIME_ZONE_MAX,
} from '../../src/domain/partnerships/partnership-sizes.js';
import { MAX_MEETING_CADENCE, MAX_SHARED } from '../../src/domain/plan/communication-plan.js';
import { MAX_CUSTOM_ROLE } from '../../src/domain/stakeholders/save-roles.js';
import type { StateValuesInput, StoredView } from '../../src/playground/slack-simulator/index.js';
import { CONNECT_BLOCKS } from '../../src/slack/connect/ids.js';
import { MAX_INVITES } from '../../src/slack/connect/parse-connect-submission.js';
import { PEOPLE_BLOCKS } from '../../src/slack/people/ids.js';
import { PLAN_ACTIONS, PLAN_BLOCKS } from '../../src/slack/plan/ids.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { commandReply, modalOpenedAfter, openModalByCommand, setUpAcme } from '../support/flows.js';
import { channels, type Harness, people, startHarness } from '../support/rapport-harness.js';
import { tempDataDir } from '../support/stores.js';

const { alice } = people;
const tooLong = (max: number) => `Keep it to ${max} characters (shorten it and send again).`;
const over = (max: number) => 'x'.repeat(max + 1);
const dates = (n: number) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2099, 0, 1 + i)).toISOString().slice(0, 10));

/** The vendor-only forms set max_length, but a forged submission skips the form: these send what no form would. */
describe('sizes of what the vendor-only forms store (embedded store)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness({ dataDir: tempDataDir() });
  });
  afterEach(async () => {
    await h.stop();
  });

  const stored = () => h.rapport.store.partnerships.findByChannel(channels.shared);
  const submit = (view: StoredView, values: StateValuesInput) =>
    h.driver.viewSubmission({ user: alice, view, values });
  const refusedWith = (errors: Record<string, string>) => ({ response_action: 'errors', errors });

  it('setup: refuses oversize texts, lists and targets of a forged submission on their fields, and stores nothing', async () => {
    const view = await openModalByCommand(h, alice, 'setup');
    const B = SETUP_BLOCKS;
    const champions = Array.from({ length: MAX_CONTACTS_PER_ROLE + 1 }, (_, i) => `UCHAMP${i}`);
    const oversize = await submit(view, {
      [B.accountName]: { [INPUT]: over(ACCOUNT_NAME_MAX) },
      [B.champion]: { [INPUT]: champions },
      [B.timeZone]: { [INPUT]: over(TIME_ZONE_MAX) },
      [B.holidays]: { [INPUT]: dates(MAX_HOLIDAYS + 1).join('\n') },
      [B.helpReaction]: { [INPUT]: over(EMOJI_NAME_MAX) },
      [B.digestCron]: { [INPUT]: over(DIGEST_CRON_MAX) },
    });
    expect(oversize.body).toEqual(
      refusedWith({
        [B.accountName]: tooLong(ACCOUNT_NAME_MAX),
        [B.champion]: `Name at most ${MAX_CONTACTS_PER_ROLE} people here (there are ${MAX_CONTACTS_PER_ROLE + 1}).`,
        [B.timeZone]: tooLong(TIME_ZONE_MAX),
        [B.holidays]: `List at most ${MAX_HOLIDAYS} holidays (there are ${MAX_HOLIDAYS + 1}).`,
        [B.helpReaction]: tooLong(EMOJI_NAME_MAX),
        [B.digestCron]: tooLong(DIGEST_CRON_MAX),
      }),
    );
    // A forged payload carries an option the form never offered (the driver submits the fake's copy of the view).
    const resolution = h.fake
      .view(view.id)
      ?.blocks.find((b: { block_id?: string }) => b.block_id === B.resolution) as {
      element: { options: unknown[] };
    };
    resolution.element.options.push({
      text: { type: 'plain_text', text: 'forever' },
      value: String(MAX_TARGET_MINUTES + 1),
    });
    const endless = await submit(view, {
      [B.accountName]: { [INPUT]: 'Acme Corp' },
      [B.resolution]: { [INPUT]: String(MAX_TARGET_MINUTES + 1) },
    });
    expect(endless.body).toEqual(
      refusedWith({
        [B.resolution]: `Use a whole number of business minutes, from 1 to ${MAX_TARGET_MINUTES}.`,
      }),
    );
    expect(h.fake.openModals()).toHaveLength(1);
    expect(await stored()).toBeNull();
  });

  it('plan: refuses an oversize meeting cadence and sharing text of a forged submission on their fields', async () => {
    await setUpAcme(h);
    const reply = await commandReply(h, alice, 'plan');
    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user: alice,
      channelId: channels.shared,
      message: { channel: channels.shared, ts: '', type: 'message', blocks: reply.args.blocks as unknown[] },
      isEphemeral: true,
      actions: [{ action_id: PLAN_ACTIONS.edit }],
    });
    const view = await modalOpenedAfter(h, before);
    const res = await submit(view, {
      [PLAN_BLOCKS.meetingCadence]: { [INPUT]: over(MAX_MEETING_CADENCE) },
      [PLAN_BLOCKS.shared]: { [INPUT]: over(MAX_SHARED) },
    });
    expect(res.body).toEqual(
      refusedWith({
        [PLAN_BLOCKS.meetingCadence]: `Keep it under ${MAX_MEETING_CADENCE} characters (it has ${MAX_MEETING_CADENCE + 1}).`,
        [PLAN_BLOCKS.shared]: `Keep it under ${MAX_SHARED} characters (it has ${MAX_SHARED + 1}).`,
      }),
    );
    expect((await stored())?.plan).toBeNull();
  });

  it('connect: refuses an oversize account name, channel name and invitation list, and creates nothing', async () => {
    const before = h.fake.callsTo('views.open').length;
    await h.driver.command({ user: alice, channelId: channels.triage, text: 'connect Acme' });
    const view = await modalOpenedAfter(h, before);
    const addresses = Array.from({ length: MAX_INVITES + 1 }, (_, i) => `p${i}@acme.example`);
    const res = await submit(view, {
      [CONNECT_BLOCKS.accountName]: { [INPUT]: over(ACCOUNT_NAME_MAX) },
      [CONNECT_BLOCKS.channelName]: { [INPUT]: 'c'.repeat(81) },
      [CONNECT_BLOCKS.emails]: { [INPUT]: addresses.join('\n') },
    });
    expect(res.body).toEqual(
      refusedWith({
        [CONNECT_BLOCKS.accountName]: tooLong(ACCOUNT_NAME_MAX),
        [CONNECT_BLOCKS.channelName]: 'Channel names can have at most 80 characters (this one has 81).',
        [CONNECT_BLOCKS.emails]: `Invite at most ${MAX_INVITES} people at a time (there are ${MAX_INVITES + 1}); invite the rest from the channel later.`,
      }),
    );
    expect(h.fake.callsTo('conversations.create')).toEqual([]);
  });

  it('people: refuses an oversize role in words on that person’s field, and stores no role', async () => {
    await setUpAcme(h);
    const view = await openModalByCommand(h, alice, 'people');
    const roleOf = async (userId: string) =>
      (await h.rapport.store.stakeholders.listByPartnership((await stored())?.id ?? '')).find(
        (s) => s.userId === userId,
      );
    const shown = await submit(view, {
      [PEOPLE_BLOCKS.role(people.carol.id)]: { [INPUT]: 'none' },
      [PEOPLE_BLOCKS.custom(people.carol.id)]: { [INPUT]: over(MAX_CUSTOM_ROLE) },
    });
    expect(shown.body).toEqual(
      refusedWith({ [PEOPLE_BLOCKS.custom(people.carol.id)]: tooLong(MAX_CUSTOM_ROLE) }),
    );
    const added = await submit(view, {
      [PEOPLE_BLOCKS.addUser]: { [INPUT]: people.bob.id },
      [PEOPLE_BLOCKS.addCustom]: { [INPUT]: over(MAX_CUSTOM_ROLE) },
    });
    expect(added.body).toEqual(refusedWith({ [PEOPLE_BLOCKS.addCustom]: tooLong(MAX_CUSTOM_ROLE) }));
    expect(await roleOf(people.carol.id)).toMatchObject({ role: 'champion', customRole: null });
    expect((await roleOf(people.bob.id))?.customRole ?? null).toBeNull();
  });
});
