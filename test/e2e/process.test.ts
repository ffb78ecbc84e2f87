import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../../src/playground/slack-simulator/index.js';
import { killMainProcesses, runMain } from '../support/main-process.js';
import { SIGNING_SECRET, VENDOR_TEAM } from '../support/rapport-harness.js';
import { tempDataDir } from '../support/stores.js';

afterEach(killMainProcesses);

describe('the rapport process', () => {
  it('refuses to start with one message listing every bad setting', async () => {
    const main = runMain({ SLACK_BOT_TOKEN: 'not-a-token', PORT: 'x', LOG_LEVEL: 'chatty' });
    expect(await main.exited).toBe(1);
    const text = main.output.join('\n');
    expect(text).toContain('Rapport cannot start; fix these settings (see .env.example):');
    for (const name of ['SLACK_BOT_TOKEN', 'PORT', 'LOG_LEVEL', 'SLACK_SIGNING_SECRET'])
      expect(text).toContain(`- ${name}:`);
  });

  it('serves health checks, and on SIGTERM stops, closes the store and exits 0', async () => {
    const fake = await FakeSlack.start({ vendorTeamId: VENDOR_TEAM });
    const dataDir = tempDataDir();
    try {
      const main = runMain({
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        DATA_DIR: dataDir,
      });
      const started = JSON.parse(await main.waitForLine(/"Rapport is running"/));
      expect(started).toMatchObject({ mode: 'http', store: 'embedded', team: VENDOR_TEAM });
      expect(fake.callsTo('auth.test')).not.toHaveLength(0); // auth.test went to SLACK_API_URL
      const base = `http://127.0.0.1:${started.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ ok: true });
      expect(existsSync(join(dataDir, 'rapport.lock'))).toBe(true);

      main.child.kill('SIGTERM');
      expect(await main.exited).toBe(0);
      expect(main.output.some((line) => line.includes('"Rapport stopped"'))).toBe(true);
      expect(existsSync(join(dataDir, 'rapport.lock'))).toBe(false);
    } finally {
      await fake.stop();
    }
  });
});
