import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { type RunningPlayground, startPlayground } from '../../src/playground/playground.js';
import { PEOPLE } from '../../src/playground/world.js';
import { tempDataDir } from '../support/stores.js';

/** The playground's API as the page uses it: each action as one person, refused when Slack would refuse it. */
describe('the playground API', { timeout: 60_000 }, () => {
  let playground: RunningPlayground;
  const act = (body: Record<string, unknown>) =>
    fetch(`${playground.url}/playground/api/action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      // biome-ignore lint/suspicious/noExplicitAny: the API's JSON answers, read freely.
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as Record<string, any> }));
  // biome-ignore lint/suspicious/noExplicitAny: the page's JSON, read freely as the page reads it.
  const stateAs = async (userId: string): Promise<any> =>
    (await fetch(`${playground.url}/playground/api/state?as=${userId}`)).json();

  beforeAll(async () => {
    playground = await startPlayground(
      { port: 0, dataDir: tempDataDir(), logLevel: 'warn' },
      { logger: createLogger('error', () => {}) },
    );
  });
  afterAll(() => playground?.stop());

  it('refuses what the person could not do in Slack, saying why', async () => {
    const { chloe, olivia, grace } = PEOPLE;
    expect(await act({ op: 'command', as: chloe.id, channel: 'CNORTHWND', text: 'help' })).toEqual({
      status: 400,
      body: { error: '/rapport is not a valid command here: slash commands stay in the vendor workspace' },
    });
    expect((await act({ op: 'message', as: grace.id, channel: 'CNORTHWND', text: 'hi' })).body).toEqual({
      error: 'you are not in that channel',
    });
    expect((await act({ op: 'home', as: chloe.id })).status).toBe(400);
    expect(
      (await act({ op: 'react', as: olivia.id, channel: 'CNORTHWND', ts: '1.0', name: '<b>' })).status,
    ).toBe(400);
    expect((await act({ op: 'fly', as: olivia.id })).body.error).toMatch(/^not understood/);
    expect((await stateAs('UNOBODY')).error).toBe('nobody called UNOBODY works here');
  });

  it("keeps each person's forms their own", async () => {
    const { olivia, evan } = PEOPLE;
    expect((await act({ op: 'command', as: olivia.id, channel: 'CPILOT001', text: 'setup' })).status).toBe(
      200,
    );
    const [form] = (await stateAs(olivia.id)).modals;
    expect(form.callback_id).toBe('rapport.setup');
    expect((await stateAs(evan.id)).modals).toEqual([]);
    expect((await act({ op: 'submit', as: evan.id, viewId: form.id, values: {} })).body).toEqual({
      error: 'that form is not open for you',
    });
    const answer = await act({ op: 'submit', as: olivia.id, viewId: form.id, values: {} });
    expect(answer.body.errors).toMatchObject({ 'setup.account_name': 'Give the customer account a name.' });
    expect((await act({ op: 'close', as: olivia.id, viewId: form.id })).status).toBe(200);
    expect((await stateAs(olivia.id)).modals).toEqual([]);
  });

  it('stores what people type as Slack does, so it cannot mention or ping anyone', async () => {
    const { chloe } = PEOPLE;
    await act({ op: 'message', as: chloe.id, channel: 'CNORTHWND', text: 'ping <!channel> & <@UOLIVIA01>' });
    const messages = (await stateAs(chloe.id)).messages.CNORTHWND as { text: string }[];
    expect(messages.at(-1)?.text).toBe('ping &lt;!channel&gt; &amp; &lt;@UOLIVIA01&gt;');
  });

  it('lets a person click a button on a message only they were shown', async () => {
    const { olivia, chloe } = PEOPLE;
    await act({ op: 'command', as: olivia.id, channel: 'CGLOBEX01', text: 'digest' });
    const ephemerals = (await stateAs(olivia.id)).ephemerals as {
      ts: string;
      channel: string;
      blocks: unknown;
    }[];
    // The preview: the message in the channel with a Post now button, shown to Olivia only.
    const preview = ephemerals.find(
      (e) => e.channel === 'CGLOBEX01' && JSON.stringify(e.blocks).includes('"digest.post_now"'),
    );
    expect(preview).toBeDefined();
    expect((await stateAs(chloe.id)).ephemerals.some((e: { ts: string }) => e.ts === preview?.ts)).toBe(
      false,
    );
    const click = {
      op: 'click',
      channel: 'CGLOBEX01',
      ts: preview?.ts,
      ephemeral: true,
      action: { action_id: 'digest.post_now' },
    };
    expect((await act({ ...click, as: chloe.id })).body).toEqual({ error: 'that message is gone' });
    expect((await act({ ...click, as: olivia.id })).status).toBe(200);
    const posted = (await stateAs(olivia.id)).messages.CGLOBEX01 as { text: string; bot: boolean }[];
    expect(posted.filter((m) => m.bot && m.text.startsWith('Status digest for Globex'))).toHaveLength(1);
  });

  it('moves the clock and runs the jobs on a time travel', async () => {
    const before = new Date((await stateAs(PEOPLE.olivia.id)).now).getTime();
    expect((await act({ op: 'travel', to: '+1 hour' })).status).toBe(200);
    const after = new Date((await stateAs(PEOPLE.olivia.id)).now).getTime();
    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
    expect(after - before).toBeLessThan(3_660_000);
  });
});
