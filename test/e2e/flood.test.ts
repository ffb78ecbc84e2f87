import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PERSON_LIMITS } from '../../src/limit-settings.js';
import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS } from '../../src/slack/asks/ids.js';
import { buttonValue, setUpAcme } from '../support/flows.js';
import { channels, type Harness, people, startHarness } from '../support/rapport-harness.js';
import { tempDataDir } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';

const FLOOD = 1_000;
/** Requests of the flood in flight at once: a script hammering from one machine. */
const IN_FLIGHT = 8;
const LIMIT_TEXT = 'the most Rapport takes from one person';

describe('a flood from one customer user (embedded store)', () => {
  let h: Harness;
  let clock: TestClock;

  beforeEach(async () => {
    clock = new TestClock('2026-03-02T10:00:00Z');
    h = await startHarness({ dataDir: tempDataDir() }, { clock, limits: DEFAULT_PERSON_LIMITS });
    await setUpAcme(h);
  });
  afterEach(async () => {
    await h.stop();
  });

  const react = (user: DriverUser, name: string, message: StoredMessage) =>
    h.driver.reaction({ user, channelId: channels.shared, ts: message.ts, name });
  const click = (user: DriverUser, card: StoredMessage, actionId: string) =>
    h.driver.blockAction({
      user,
      channelId: channels.shared,
      message: card,
      actions: [{ action_id: actionId, value: buttonValue(card, actionId) }],
    });
  const seed = (user: DriverUser, text: string) =>
    h.fake.addMessage(channels.shared, { text, user: user.id, team: user.teamId });

  /** An enhancement raised by the vendor, whose card (+1, Add details) the flood clicks. */
  async function enhancementCard(): Promise<StoredMessage> {
    const message = seed(people.carol, 'Export to CSV');
    await react(people.alice, 'bulb', message);
    await h.rapport.settled();
    const card = h.fake.messagesIn(channels.shared, { threadTs: message.ts }).find((m) => m.blocks);
    if (!card) throw new Error('no card');
    return card;
  }

  it('raises at most the limit’s asks, tells the person once per limit, and keeps answering everyone else within 3 s', async () => {
    const card = await enhancementCard();
    const targets = Array.from({ length: FLOOD }, (_, i) => seed(people.carol, `Flood ${i}\nline two`));
    const daves = Array.from({ length: 10 }, (_, i) => seed(people.dave, `Dave's question ${i}`));
    h.fake.limitPosting({ perChannelPerSecond: 1, burst: 3 });
    const postsBefore = h.fake.callsTo('chat.postMessage').length;
    const formsBefore = h.fake.callsTo('views.open').length;

    // 1,000 reactions and 1,000 clicks (+1 and Add details by turns), a few at a time, within a minute of
    // the test clock; meanwhile another customer user and a vendor user go about their business.
    const flood = Array.from({ length: 2 * FLOOD }, (_, i) => () => {
      if (i % 40 === 0) clock.advance(1 / 60); // 50 s of test time for the whole flood
      const target = targets[i >> 1] as StoredMessage;
      if (i % 2 === 0) return react(people.carol, 'ticket', target);
      return click(people.carol, card, i % 4 === 1 ? ASK_ACTIONS.vote : ASK_ACTIONS.addDetails);
    });
    const statuses: number[] = [];
    let done = false;
    const workers = Array.from({ length: IN_FLIGHT }, async () => {
      for (let next = flood.shift(); next; next = flood.shift()) statuses.push((await next()).status);
    });
    const others: { who: string; ms: number; status: number }[] = [];
    const timed = async (who: string, request: () => Promise<{ status: number }>) => {
      const started = performance.now();
      const { status } = await request();
      others.push({ who, ms: performance.now() - started, status });
    };
    const bystanders = (async () => {
      for (let i = 0; !done; i++) {
        await timed('dave reacts', () =>
          react(people.dave, 'ticket', daves[i % daves.length] as StoredMessage),
        );
        await timed('alice adds details', () => click(people.alice, card, ASK_ACTIONS.addDetails));
        await timed('dave votes', () => click(people.dave, card, ASK_ACTIONS.vote));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const floodStarted = performance.now();
    await Promise.all(workers);
    const floodMs = performance.now() - floodStarted;
    done = true;
    await bystanders;
    await h.rapport.settled();

    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const partnership = await h.rapport.store.partnerships.findByChannel(channels.shared);
    const { asks } = await h.rapport.store.asks.list(
      { partnershipId: partnership?.id ?? '' },
      { limit: 200, skip: 0 },
    );
    const floodAsks = asks.filter((a) => a.title.startsWith('Flood '));
    expect(floodAsks).toHaveLength(DEFAULT_PERSON_LIMITS.raise.max);
    // Dave's own reactions still raised his asks.
    expect(asks.filter((a) => a.title.startsWith("Dave's question")).length).toBe(
      Math.min(daves.length, others.filter((o) => o.who === 'dave reacts').length),
    );
    // Forms: the flooder's 30 of the minute, and every one the vendor user asked for.
    const aliceForms = others.filter((o) => o.who === 'alice adds details').length;
    expect(h.fake.callsTo('views.open').length - formsBefore).toBe(
      DEFAULT_PERSON_LIMITS.form.max + aliceForms,
    );
    const ask = await h.rapport.store.asks.findById(buttonValue(card, ASK_ACTIONS.vote));
    expect(ask?.voters.map((v) => v.userId).sort()).toEqual([people.carol.id, people.dave.id]);

    // Told once per limit: reactions, asks raised (ephemeral), votes and forms (through the response URL).
    const toldCarol = [
      ...h.fake.callsTo('chat.postEphemeral').filter((c) => c.args.user === people.carol.id),
      ...h.fake.callsTo('response_url'),
    ].filter((c) => String(c.args.text).includes(LIMIT_TEXT));
    expect(toldCarol.map((c) => String(c.args.text).split(',')[0]).sort()).toEqual([
      'You have opened 30 forms this minute',
      'You have raised 20 requests this hour',
      'You have raised requests with a reaction 40 times this hour',
      'You have voted 60 times this hour',
    ]);

    const worst = Math.max(...others.map((o) => o.ms));
    expect(others.every((o) => o.status === 200)).toBe(true);
    expect(worst).toBeLessThan(3_000);
    const posts = h.fake.callsTo('chat.postMessage').length - postsBefore;
    console.log(
      `flood: ${2 * FLOOD} requests in ${Math.round(floodMs)} ms; asks raised ${floodAsks.length}; ` +
        `limit messages to the flooder ${toldCarol.length}; others: ${others.length} requests, worst ack ` +
        `${Math.round(worst)} ms; chat.postMessage ${posts}, 429s ${h.fake.rateLimitedCount}`,
    );
    // No cascade: each ask owes two posts (its card, its triage twin), and only those met Slack's limits.
    expect(posts).toBeLessThanOrEqual(2 * asks.length);
    expect(h.fake.rateLimitedCount).toBeLessThanOrEqual(posts);
  }, 60_000);
});
