import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/playground/slack-simulator/index.js';
import { killMainProcesses, runMain } from '../support/main-process.js';
import { SIGNING_SECRET, VENDOR_TEAM } from '../support/rapport-harness.js';
import { tempDataDir } from '../support/stores.js';

afterEach(killMainProcesses);

const PLAYGROUND_LINE = /^Rapport playground \(no Slack settings given\): (http:\/\/localhost:\d+)$/;

async function stateAs(url: string, userId: string) {
  const res = await fetch(`${url}/playground/api/state?as=${userId}`);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    channels: { id: string; name: string }[];
    messages: Record<string, { text: string }[]>;
  };
}

// Each test starts src/main.ts through tsx: compiling it takes most of the time on a busy machine.
describe('starting Rapport without Slack', { timeout: 120_000 }, () => {
  it('starts the playground from a copied .env.example, seeded, with its store in DATA_DIR/playground', async () => {
    const folder = tempDataDir();
    copyFileSync('.env.example', join(folder, '.env'));
    const main = runMain({ PORT: '0' }, folder);
    const url = PLAYGROUND_LINE.exec(await main.waitForLine(PLAYGROUND_LINE))?.[1] as string;

    const page = await fetch(`${url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Rapport playground');
    const olivia = await stateAs(url, 'UOLIVIA01');
    expect(olivia.channels.map((c) => c.name)).toEqual(
      expect.arrayContaining(['northwind-acme', 'globex-acme', 'northwind-pilot', 'acme-triage']),
    );
    const northwind = olivia.messages.CNORTHWND?.map((m) => m.text) ?? [];
    expect(northwind).toContain('NORTHW-1 Nightly order sync fails since Tuesday (In progress)');
    expect(existsSync(join(folder, 'data', 'playground'))).toBe(true);

    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
  });

  it('starts the playground when PLAYGROUND=true, even with Slack settings', async () => {
    const main = runMain({
      PLAYGROUND: 'true',
      SLACK_BOT_TOKEN: 'xoxb-real',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      PORT: '0',
      DATA_DIR: tempDataDir(),
    });
    const url = PLAYGROUND_LINE.exec(await main.waitForLine(PLAYGROUND_LINE))?.[1] as string;
    expect((await stateAs(url, 'UCHLOE001')).channels.map((c) => c.name)).not.toContain('acme-triage');
  });

  it('still refuses to start with some Slack settings but not all, listing what is missing', async () => {
    const main = runMain({ SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', DATA_DIR: tempDataDir() });
    expect(await main.exited).toBe(1);
    const text = main.output.join('\n');
    expect(text).toContain('- SLACK_BOT_TOKEN: required');
    expect(text).not.toContain('playground');
  });

  it('serves no playground route when Slack settings are given', async () => {
    const fake = await FakeSlack.start({ vendorTeamId: VENDOR_TEAM });
    try {
      const main = runMain({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        DATA_DIR: tempDataDir(),
      });
      const { port } = JSON.parse(await main.waitForLine(/"Rapport is running"/));
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      for (const path of ['/', '/playground/ui/app.js', '/playground/api/state?as=UOLIVIA01'])
        expect((await fetch(`${base}${path}`)).status, path).toBe(404);
      for (const path of ['/playground/api/action', '/playground/api/reset'])
        expect((await fetch(`${base}${path}`, { method: 'POST', body: '{}' })).status, path).toBe(404);
    } finally {
      await fake.stop();
    }
  });
});
