import { beforeEach, describe, expect, it } from 'vitest';
import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS, ASK_BLOCKS, UPDATE_BLOCKS } from '../../src/slack/asks/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { SIMILAR_ACTIONS } from '../../src/slack/similar/ids.js';
import {
  buttonValue,
  modalOpenedAfter,
  openModalByCommand,
  replyThrough,
  textsPostedTo,
} from '../support/flows.js';
import { channels, type Harness, people } from '../support/rapport-harness.js';
import { storeKinds } from '../support/stores.js';
import { twoCustomersForEachTest } from '../support/two-customers.js';

const GLOBEX_ASK = {
  title: 'Export dashboards as PDF',
  details: 'Managers print the weekly dashboard for the board meeting; today they paste screenshots.',
};
const ACME_ASK = {
  title: 'Download a dashboard to a printable PDF file',
  details: 'Executives who never log in want a PDF version of each dashboard.',
};

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] };
const blocksOf = (message: { blocks?: unknown }): Block[] =>
  (typeof message.blocks === 'string' ? JSON.parse(message.blocks) : (message.blocks ?? [])) as Block[];
const textOf = (message: { blocks?: unknown }) =>
  blocksOf(message)
    .map((b) => b.text?.text ?? '')
    .join('\n');
const suggestionButtons = (message: { blocks?: unknown }) =>
  blocksOf(message)
    .flatMap((b) => b.elements ?? [])
    .filter((e) => e.action_id?.startsWith('similar.'));

describe.each(storeKinds())('similar requests across customers ($name store)', (kind) => {
  const world = twoCustomersForEachTest(kind);
  const { card } = world;
  let h: Harness;
  beforeEach(() => {
    h = world.harness();
  });
  const twin = (ref: string) =>
    h.fake
      .messagesIn(channels.triage)
      .find((m: StoredMessage) => String(m.text).startsWith(`[internal] ${ref} `)) as StoredMessage;

  async function idea(channel: string, ask: { title: string; details: string }) {
    const view = await openModalByCommand(h, people.alice, `idea ${ask.title}`, channel);
    await h.driver.viewSubmission({
      user: people.alice,
      view,
      values: { [ASK_BLOCKS.details]: { [INPUT]: ask.details } },
    });
    await h.rapport.settled();
  }
  async function update(channel: string, ref: string, user: DriverUser, status: string) {
    const before = h.fake.callsTo('views.open').length;
    const message = card(channel, ref);
    await h.driver.blockAction({
      user,
      channelId: channel,
      message,
      actions: [{ action_id: ASK_ACTIONS.update, value: buttonValue(message, ASK_ACTIONS.update) }],
    });
    const opened = await modalOpenedAfter(h, before);
    await h.driver.viewSubmission({
      user,
      view: opened,
      values: { [UPDATE_BLOCKS.status]: { [INPUT]: status } },
    });
    await h.rapport.settled();
  }
  async function pressOnTwin(ref: string, user: DriverUser, actionId: string) {
    const message = twin(ref);
    const { responseUrl } = await h.driver.blockAction({
      user,
      channelId: channels.triage,
      message,
      actions: [{ action_id: actionId, value: buttonValue(message, actionId) }],
    });
    await h.rapport.settled();
    return String((await replyThrough(h, responseUrl)).args.text);
  }
  const privateSuggestionsTo = (user: DriverUser) =>
    h.fake.ephemerals.filter(
      (e) => e.user === user.id && e.via === 'chat.postEphemeral' && suggestionButtons(e).length > 0,
    );

  it('suggests the other customer’s request on the triage twin and privately to the updater, never in a shared channel', async () => {
    await idea(channels.otherShared, GLOBEX_ASK);
    await idea(channels.shared, ACME_ASK);

    const acmeTwin = twin('ACME-1');
    expect(textOf(acmeTwin)).toContain('*GLOBEX-1* · Globex · Submitted\nExport dashboards as PDF');
    expect(suggestionButtons(acmeTwin).map((b) => b.action_id)).toEqual([
      SIMILAR_ACTIONS.link,
      SIMILAR_ACTIONS.notSame,
    ]);

    await update(channels.shared, 'ACME-1', people.bob, 'under_review');
    const shown = privateSuggestionsTo(people.bob);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.channel).toBe(channels.triage);
    expect(textOf(shown[0] as { blocks?: unknown })).toContain('*GLOBEX-1* · Globex');

    // Nothing of one customer's request reaches the other's shared channel: not a message, an edit or an ephemeral.
    const acmeChannel = textsPostedTo(h, channels.shared).join('\n');
    const globexChannel = textsPostedTo(h, channels.otherShared).join('\n');
    for (const leak of ['GLOBEX-1', 'Globex', GLOBEX_ASK.title, 'similar.', 'Maybe the same request']) {
      expect(acmeChannel).not.toContain(leak);
    }
    for (const leak of ['ACME-1', 'Acme Corp', ACME_ASK.title, 'similar.', 'Maybe the same request']) {
      expect(globexChannel).not.toContain(leak);
    }
  });

  it('sends the suggestions by direct message to an updater who is not in the triage channel', async () => {
    const erin = { id: 'UERIN0001', teamId: people.alice.teamId };
    h.fake.addUser({ id: erin.id, teamId: erin.teamId, name: 'erin' });
    await idea(channels.otherShared, GLOBEX_ASK);
    await idea(channels.shared, ACME_ASK);

    await update(channels.shared, 'ACME-1', erin, 'under_review');
    expect(privateSuggestionsTo(erin)).toEqual([]);
    const [dm] = h.fake.dmsTo(erin.id);
    expect(textOf(dm as StoredMessage)).toContain('*GLOBEX-1* · Globex');
    expect(suggestionButtons(dm as StoredMessage)).toHaveLength(2);
  });

  it('links from a suggestion as /rapport link does, and only someone at the vendor may', async () => {
    await idea(channels.otherShared, GLOBEX_ASK);
    await idea(channels.shared, ACME_ASK);

    expect(await pressOnTwin('ACME-1', people.carol, SIMILAR_ACTIONS.link)).toBe(
      'Only people at the vendor can judge similar requests.',
    );
    expect((await h.rapport.store.asks.findByRef('ACME-1'))[0]?.linkedTo).toBeNull();

    expect(await pressOnTwin('ACME-1', people.alice, SIMILAR_ACTIONS.link)).toBe(
      'Linked: *ACME-1* is tracked together with *GLOBEX-1*; votes are counted together and both ship together.',
    );
    const [globex] = await h.rapport.store.asks.findByRef('GLOBEX-1');
    expect((await h.rapport.store.asks.findByRef('ACME-1'))[0]?.linkedTo).toBe(globex?.id);
    for (const [channel, ref] of [
      [channels.shared, 'ACME-1'],
      [channels.otherShared, 'GLOBEX-1'],
    ] as const) {
      expect(JSON.stringify(blocksOf(card(channel, ref)))).toContain('asked for by 2 customers');
    }
    // Linked: no longer suggested.
    expect(suggestionButtons(twin('ACME-1'))).toEqual([]);
  });

  it('remembers "not the same" across a restart, and rebuilds the index from the store at start', async () => {
    await idea(channels.otherShared, GLOBEX_ASK);
    await h.restart();
    await idea(channels.shared, ACME_ASK);
    // GLOBEX-1 was indexed by the previous process: found here from the store.
    expect(suggestionButtons(twin('ACME-1'))).toHaveLength(2);

    expect(await pressOnTwin('ACME-1', people.alice, SIMILAR_ACTIONS.notSame)).toBe(
      'Noted: *GLOBEX-1* will not be suggested for *ACME-1* again.',
    );
    expect(suggestionButtons(twin('ACME-1'))).toEqual([]);

    await h.restart();
    await update(channels.shared, 'ACME-1', people.bob, 'under_review');
    await update(channels.otherShared, 'GLOBEX-1', people.bob, 'under_review');
    expect(suggestionButtons(twin('ACME-1'))).toEqual([]);
    expect(suggestionButtons(twin('GLOBEX-1'))).toEqual([]);
    expect(privateSuggestionsTo(people.bob)).toEqual([]);
    expect((await h.rapport.store.asks.findByRef('ACME-1'))[0]?.linkedTo).toBeNull();
  });
});
