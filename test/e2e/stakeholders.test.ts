import { describe, expect, it, vi } from 'vitest';
import type { Stakeholder } from '../../src/domain/stakeholders/stakeholder.js';
import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { PEOPLE_BLOCKS } from '../../src/slack/people/ids.js';
import { WELCOME_ACTIONS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { acmeForEachTest, commandReply, openModalByCommand } from '../support/flows.js';
import { CUSTOMER_TEAM, channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import type { TestClock } from '../support/test-clock.js';

// Sunday 22 November 2026; Acme's first digest slot is Monday 09:00 Berlin (08:00 UTC). The setup
// lists carol as Acme's champion and dave as its technical contact.
const erin = { id: 'UERIN0001', teamId: CUSTOMER_TEAM };

describe.each(storeKinds())('the stakeholder map end to end ($name store)', (kind) => {
  let h: Harness;
  let clock: TestClock;
  acmeForEachTest(kind, '2026-11-22T10:00:00Z', (started, startedClock) => {
    h = started;
    clock = startedClock;
  });

  const partnershipId = async () =>
    (await h.rapport.store.partnerships.findByChannel(channels.shared))?.id ?? '';
  const map = async () => {
    const people = await h.rapport.store.stakeholders.listByPartnership(await partnershipId());
    return new Map(people.map((s) => [s.userId, s] as const));
  };
  const membership = async (
    type: 'member_joined_channel' | 'member_left_channel',
    user: DriverUser,
    eventId?: string,
  ) => {
    await h.driver.event({
      event: { type, user: user.id, channel: channels.shared, channel_type: 'C', team: user.teamId },
      ...(eventId ? { eventId } : {}),
    });
    await h.rapport.settled();
  };
  const say = async (user: DriverUser, text: string) => {
    await h.driver.userMessage({ user, channelId: channels.shared, text });
    await h.rapport.settled();
  };
  const sharedTexts = () => JSON.stringify(h.fake.messagesIn(channels.shared));

  it('keeps the map from joins, messages, clicks and leaves, on both sides, with the roles of the setup form', async () => {
    h.fake.addUser({ id: erin.id, teamId: CUSTOMER_TEAM, isStranger: true, name: 'erin' });
    await membership('member_joined_channel', erin);
    clock.set('2026-11-22T11:00:00Z');
    await say(people.carol, 'Morning!');
    await say(people.bob, 'Hi Carol');
    clock.set('2026-11-22T11:30:00Z');
    const welcome = h.fake
      .messagesIn(channels.shared)
      .find((m) => JSON.stringify(m.blocks ?? []).includes(WELCOME_ACTIONS.seeOpenAsks)) as StoredMessage;
    await h.driver.blockAction({
      user: people.dave,
      channelId: channels.shared,
      message: welcome,
      actions: [{ action_id: WELCOME_ACTIONS.seeOpenAsks }],
    });
    await h.rapport.settled();
    let seen = await map();
    expect(seen.get(erin.id)).toMatchObject({
      side: 'customer',
      teamId: CUSTOMER_TEAM,
      active: true,
      lastActiveAt: null,
    });
    expect(seen.get(people.carol.id)).toMatchObject({
      role: 'champion',
      active: true,
      lastActiveAt: new Date('2026-11-22T11:00:00Z'),
    });
    expect(seen.get(people.bob.id)).toMatchObject({
      side: 'vendor',
      lastActiveAt: new Date('2026-11-22T11:00:00Z'),
    });
    expect(seen.get(people.dave.id)).toMatchObject({
      role: 'technical',
      lastActiveAt: new Date('2026-11-22T11:30:00Z'),
    });

    clock.set('2026-11-22T12:00:00Z');
    await membership('member_left_channel', erin);
    seen = await map();
    expect(seen.get(erin.id)).toMatchObject({
      active: false,
      goneReason: 'left',
      goneAt: new Date('2026-11-22T12:00:00Z'),
    });
    // erin had no role: leaving is recorded, but nobody is alerted.
    expect(h.fake.dmsTo(people.alice.id)).toHaveLength(0);
  });

  it('asks the store about a person at most once per ten minutes of their activity, and keeps the map current', async () => {
    const recorded = vi.spyOn(h.rapport.store.stakeholders, 'recordActivity');
    clock.set('2026-11-22T11:00:00Z');
    await say(people.carol, 'Morning!');
    clock.set('2026-11-22T11:09:00Z');
    await say(people.carol, 'Anyone there?');
    await say(people.bob, 'Yes');
    expect(recorded.mock.calls.map(([, person]) => person.userId)).toEqual([people.carol.id, people.bob.id]);
    expect((await map()).get(people.carol.id)?.lastActiveAt).toEqual(new Date('2026-11-22T11:00:00Z'));
    clock.set('2026-11-22T11:10:00Z');
    await say(people.carol, 'Still here');
    expect(recorded).toHaveBeenCalledTimes(3);
    expect((await map()).get(people.carol.id)?.lastActiveAt).toEqual(new Date('2026-11-22T11:10:00Z'));
  });

  it('tells the owner privately, once, that the champion left, as high risk with a next step', async () => {
    await say(people.dave, 'Hello');
    const shared = sharedTexts();
    await membership('member_left_channel', people.carol, 'EvLEFT1');
    // Slack retries the same delivery, and the account is deactivated later on: still one alert.
    await h.driver.event({
      event: {
        type: 'member_left_channel',
        user: people.carol.id,
        channel: channels.shared,
        team: CUSTOMER_TEAM,
      },
      eventId: 'EvLEFT1',
      retryNum: 1,
    });
    await h.driver.event({ event: { type: 'user_change', user: { id: people.carol.id, deleted: true } } });
    await h.rapport.settled();

    const alerts = h.fake.dmsTo(people.alice.id).filter((m) => m.text.includes('Champion'));
    expect(alerts).toHaveLength(1);
    const alert = JSON.stringify((alerts[0] as StoredMessage).blocks);
    expect(alert).toContain(
      `:rotating_light: *High risk:* <@${people.carol.id}> (Champion at Acme Corp) left <#${channels.shared}>.`,
    );
    expect(alert).toContain('*Suggested next step:*');
    expect(alert).toContain(`People at Acme Corp still active here: <@${people.dave.id}>.`);
    expect(h.fake.dmsTo(people.bob.id)).toHaveLength(0);
    expect(sharedTexts()).toBe(shared);
  });

  it('alerts on a deactivated technical contact as news, not high risk', async () => {
    await h.driver.event({ event: { type: 'user_change', user: { id: people.dave.id, deleted: true } } });
    await h.rapport.settled();
    const [alert] = h.fake.dmsTo(people.alice.id);
    expect(alert?.text).toBe('Technical contact at Acme Corp was deactivated');
    expect(JSON.stringify(alert?.blocks)).not.toContain('High risk');
    expect((await map()).get(people.dave.id)).toMatchObject({ active: false, goneReason: 'deactivated' });
  });

  it('flags a single-threaded partnership, and a departed champion, in the internal digest and on Home', async () => {
    clock.set('2026-11-22T12:00:00Z');
    await say(people.carol, 'Only me here');
    await membership('member_left_channel', people.dave);
    clock.set('2026-11-23T08:00:00Z');
    await h.rapport.runJob('digests');
    await h.rapport.settled();
    const internal = JSON.stringify(h.fake.messagesIn(channels.triage));
    expect(internal).toContain(`Single-threaded: only <@${people.carol.id}> at the customer`);
    expect(internal).toContain(`Technical contact <@${people.dave.id}> left the channel`);
    expect(sharedTexts()).not.toContain('Single-threaded');
    expect(sharedTexts()).not.toContain('left the channel');

    await h.driver.event({
      event: { type: 'app_home_opened', user: people.alice.id, channel: 'DHOME0001', tab: 'home' },
    });
    await h.rapport.settled();
    const home = JSON.stringify(h.fake.callsTo('views.publish').at(-1)?.args.view);
    expect(home).toContain(`:warning: Single-threaded: only <@${people.carol.id}> active in 30 days`);
  });

  it('edits roles with /rapport people on both sides, and the setup form’s contacts follow', async () => {
    await say(people.bob, 'Hello all');
    const view = await openModalByCommand(h, people.alice, 'people');
    const listed = JSON.stringify(view.blocks);
    expect(listed).toContain(`<@${people.carol.id}> · Acme Corp`);
    expect(listed).toContain(`<@${people.bob.id}> · your company`);

    const refused = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [PEOPLE_BLOCKS.addRole]: { [INPUT]: 'billing' } },
    });
    expect((refused.body as { errors: Record<string, string> }).errors).toEqual({
      [PEOPLE_BLOCKS.addUser]: 'Pick who has this role, or clear the role.',
    });

    const saved = await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: {
        [PEOPLE_BLOCKS.role(people.dave.id)]: { [INPUT]: 'executive_sponsor' },
        [PEOPLE_BLOCKS.role(people.bob.id)]: { [INPUT]: 'none' },
        [PEOPLE_BLOCKS.custom(people.bob.id)]: { [INPUT]: 'Solutions engineer' },
        [PEOPLE_BLOCKS.addRole]: { [INPUT]: null },
      },
    });
    expect(saved.body).toBe('');
    await h.rapport.settled();
    const seen = await map();
    expect(seen.get(people.dave.id)?.role).toBe('executive_sponsor');
    expect(seen.get(people.bob.id)).toMatchObject({
      role: null,
      customRole: 'Solutions engineer',
    } satisfies Partial<Stakeholder>);
    const partnership = await h.rapport.store.partnerships.findByChannel(channels.shared);
    expect(partnership?.contacts).toEqual(
      expect.arrayContaining([
        { userId: people.carol.id, role: 'champion' },
        { userId: people.dave.id, role: 'executive_sponsor' },
      ]),
    );
    expect(partnership?.contacts).toHaveLength(2);
    const status = await commandReply(h, people.alice, 'status');
    expect(JSON.stringify(status.args)).toContain(`<@${people.dave.id}> (Executive sponsor)`);
  });
});
