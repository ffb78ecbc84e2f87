import { beforeEach, describe, expect, it } from 'vitest';
import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS, ASK_BLOCKS, UPDATE_BLOCKS } from '../../src/slack/asks/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { buttonValue, commandReply, modalOpenedAfter, openModalByCommand } from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { twoCustomersForEachTest } from '../support/two-customers.js';

describe.each(storeKinds())('the same enhancement across customers ($name store)', (kind) => {
  const world = twoCustomersForEachTest(kind);
  const { card } = world;
  let h: Harness;
  beforeEach(() => {
    h = world.harness();
  });

  async function idea(channel: string, title: string, user: DriverUser) {
    const view = await openModalByCommand(h, user, `idea ${title}`, channel);
    await h.driver.viewSubmission({
      user,
      view,
      values: { [ASK_BLOCKS.details]: { [INPUT]: 'Monthly reporting by hand' } },
    });
    await h.fake.waitForCall(
      'chat.postEphemeral',
      (c) => c.args.channel === channel && String(c.args.text).includes('this is now'),
    );
  }
  async function click(channel: string, ref: string, user: DriverUser, actionId: string) {
    const message = card(channel, ref);
    await h.driver.blockAction({
      user,
      channelId: channel,
      message,
      actions: [{ action_id: actionId, value: buttonValue(message, actionId) }],
    });
    await h.rapport.settled();
  }
  async function update(ref: string, values: Record<string, Record<string, unknown>>) {
    const before = h.fake.callsTo('views.open').length;
    await click(channels.shared, ref, people.bob, ASK_ACTIONS.update);
    const opened = await modalOpenedAfter(h, before);
    await h.driver.viewSubmission({
      user: people.bob,
      view: opened,
      values: values as never,
    });
    await h.rapport.settled();
  }

  it('links GLOBEX-1 to ACME-1: votes counted together, and shipping one ships both, each customer told in its thread', async () => {
    await idea(channels.shared, 'Bulk export', people.alice);
    await idea(channels.otherShared, 'Export everything at once', people.bob);
    await click(channels.shared, 'ACME-1', people.carol, ASK_ACTIONS.vote);
    await click(channels.otherShared, 'GLOBEX-1', people.dave, ASK_ACTIONS.vote);
    await click(channels.otherShared, 'GLOBEX-1', people.carol, ASK_ACTIONS.vote);

    const wrong = await h.driver.command({
      user: people.alice,
      channelId: channels.otherShared,
      text: 'link GLOBEX-1 NOPE-9',
    });
    expect(
      (
        await h.fake.waitForCall('response_url', (c) =>
          wrong.responseUrl.endsWith(String(c.args.responseUrlId)),
        )
      ).args.text,
    ).toBe('There is no enhancement NOPE-9.');
    const reply = await commandReply(h, people.alice, 'link GLOBEX-1 acme-1', channels.otherShared);
    expect(reply.args.text).toContain('Linked: *GLOBEX-1* is tracked together with *ACME-1*');
    for (const [channel, ref] of [
      [channels.shared, 'ACME-1'],
      [channels.otherShared, 'GLOBEX-1'],
    ] as const) {
      expect(JSON.stringify(card(channel, ref).blocks)).toContain(
        'asked for by 2 customers; 2 people want it in all',
      );
    }

    await update('ACME-1', {
      [UPDATE_BLOCKS.status]: { [INPUT]: 'planned' },
      [UPDATE_BLOCKS.promisedDate]: { [INPUT]: '2026-12-01' },
    });
    await update('ACME-1', {
      [UPDATE_BLOCKS.status]: { [INPUT]: 'shipped' },
      [UPDATE_BLOCKS.note]: { [INPUT]: 'Shipped in release 4.2' },
    });

    const globexCard = card(channels.otherShared, 'GLOBEX-1');
    expect(JSON.stringify(globexCard.blocks)).toContain('Shipped');
    const told = h.fake
      .messagesIn(channels.otherShared, { threadTs: globexCard.ts })
      .map((m: StoredMessage) => m.text);
    expect(told.at(-1)).toContain(`<@${people.bob.id}> *GLOBEX-1* is now *Shipped*.`);
    expect(told.at(-1)).toContain('Shipped in release 4.2');
    const partnership = await h.rapport.store.partnerships.findByChannel(channels.otherShared);
    const { asks } = await h.rapport.store.asks.list(
      { partnershipId: partnership?.id ?? '' },
      { limit: 5, skip: 0 },
    );
    expect(asks[0]).toMatchObject({ ref: 'GLOBEX-1', status: 'shipped' });
  });
});
