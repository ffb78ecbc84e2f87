import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASK_TEXT_MAX, CUT_MARKER } from '../../src/domain/asks/text-limits.js';
import type { StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ASK_ACTIONS, ASK_BLOCKS, DETAILS_BLOCKS } from '../../src/slack/asks/ids.js';
import { WELCOME_ACTIONS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { buttonValue, modalOpenedAfter, setUpAcme } from '../support/flows.js';
import { channels, type Harness, people, startHarness } from '../support/rapport-harness.js';
import { storedAsksInChannel } from '../support/stored-asks.js';
import { tempDataDir } from '../support/stores.js';

/** Forms set max_length, but a forged submission skips the form: these send what no form would. */
describe('sizes of what an ask stores (embedded store)', () => {
  let h: Harness;
  let welcome: StoredMessage;

  beforeEach(async () => {
    h = await startHarness({ dataDir: tempDataDir() });
    welcome = await setUpAcme(h);
  });
  afterEach(async () => {
    await h.stop();
  });

  const allAsks = async () => {
    return storedAsksInChannel(h.rapport.store, channels.shared);
  };

  async function openForm(message: StoredMessage, actionId: string, value?: string) {
    const before = h.fake.callsTo('views.open').length;
    await h.driver.blockAction({
      user: people.carol,
      channelId: channels.shared,
      message,
      actions: [{ action_id: actionId, ...(value ? { value } : {}) }],
    });
    return modalOpenedAfter(h, before);
  }

  it('refuses an oversize field of a forged submission on that field, keeping the form open, and stores nothing', async () => {
    const view = await openForm(welcome, WELCOME_ACTIONS.askForHelp);
    const cases = [
      [ASK_BLOCKS.title, 'x'.repeat(ASK_TEXT_MAX.title + 1), ASK_TEXT_MAX.title],
      [ASK_BLOCKS.details, 'y'.repeat(ASK_TEXT_MAX.details + 1), ASK_TEXT_MAX.details],
    ] as const;
    for (const [blockId, text, max] of cases) {
      const res = await h.driver.viewSubmission({
        user: people.carol,
        view,
        values: { [ASK_BLOCKS.title]: { [INPUT]: 'Fine title' }, [blockId]: { [INPUT]: text } },
      });
      expect(res.body).toEqual({
        response_action: 'errors',
        errors: { [blockId]: `Keep it to ${max} characters (shorten it and send again).` },
      });
    }
    expect(await allAsks()).toEqual([]);

    const sent = await h.driver.viewSubmission({
      user: people.carol,
      view,
      values: { [ASK_BLOCKS.title]: { [INPUT]: 'Fine title' } },
    });
    expect(sent.body).toBe('');
    await h.rapport.settled();
    const card = h.fake.messagesIn(channels.shared).find((m) => String(m.text).startsWith('ACME-1 '));
    const details = await openForm(
      card as StoredMessage,
      ASK_ACTIONS.addDetails,
      buttonValue(card as StoredMessage, ASK_ACTIONS.addDetails),
    );
    const tooMuch = await h.driver.viewSubmission({
      user: people.carol,
      view: details,
      values: { [DETAILS_BLOCKS.text]: { [INPUT]: 'z'.repeat(3001) } },
    });
    expect(tooMuch.body).toEqual({
      response_action: 'errors',
      errors: { [DETAILS_BLOCKS.text]: 'Keep it to 3000 characters (shorten it and send again).' },
    });
    expect((await allAsks())[0]?.history.map((e) => e.action)).toEqual(['created']);
  });

  it('stores a huge message raised by reaction cut to fit, marked as cut', async () => {
    const huge = h.fake.addMessage(channels.shared, {
      text: `Sync fails\n${'All the logs. '.repeat(5_000)}`,
      user: people.carol.id,
      team: people.carol.teamId,
    });
    const untitled = h.fake.addMessage(channels.shared, {
      text: 'w'.repeat(20_000),
      user: people.carol.id,
      team: people.carol.teamId,
    });
    for (const message of [huge, untitled]) {
      await h.driver.reaction({
        user: people.dave,
        channelId: channels.shared,
        ts: message.ts,
        name: 'ticket',
      });
    }
    await h.rapport.settled();
    const asks = await allAsks();
    expect(asks.map((a) => a.content.title).sort()).toEqual(['Request raised from a message', 'Sync fails']);
    for (const ask of asks) {
      expect(ask.content.details).toHaveLength(ASK_TEXT_MAX.details);
      expect(ask.content.details.endsWith(CUT_MARKER)).toBe(true);
    }
  });
});
