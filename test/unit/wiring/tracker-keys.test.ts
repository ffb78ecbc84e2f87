import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createTokenCipher } from '../../../src/security/token-cipher.js';
import { openStore, type Store } from '../../../src/store/open-store.js';
import { wireTrackers } from '../../../src/wiring/trackers.js';
import { createWorkInProgress } from '../../../src/work-in-progress.js';
import type { Workspace } from '../../../src/workspaces/workspace.js';
import { tempDataDir } from '../../support/stores.js';
import { TestClock } from '../../support/test-clock.js';

const key = (id: string, fill: number) => ({ id, key: Buffer.alloc(32, fill) });
const encoded = (k: { id: string; key: Buffer }) => `${k.id}:${k.key.toString('base64')}`;

describe('a workspace’s tracker connection after TOKEN_ENCRYPTION_KEYS is rotated', () => {
  let store: Store | null = null;
  afterEach(async () => {
    await store?.close();
  });

  it('still opens what the old key sealed, and seals it again with the new key when it is first used', async () => {
    const [oldKey, newKey] = [key('k1', 1), key('k2', 2)];
    const clock = new TestClock('2026-12-01T10:00:00Z');
    store = await openStore({ dataDir: tempDataDir() });
    const old = createTokenCipher([oldKey]);
    await store.trackerConnections.save({
      tracker: 'github',
      settings: { apiUrl: 'http://127.0.0.1:9', token: old.seal('ghp_token_0123456789') },
      webhookSecret: old.seal('webhook-secret-0123456789'),
      statusMap: {},
      people: {},
      account: 'bot',
      connectedBy: 'UALICE001',
      connectedAt: clock.now(),
      updatedAt: clock.now(),
      lastUsedAt: null,
      lastError: null,
    });
    const loaded = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: 'abcdef0123456789',
      TOKEN_ENCRYPTION_KEYS: `${encoded(newKey)},${encoded(oldKey)}`,
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('; '));
    const logger = createLogger('error', () => {});
    const trackers = wireTrackers({
      config: loaded.config,
      clock,
      logger,
      sleep: async () => {},
      store,
      inProgress: createWorkInProgress(),
    });
    // The one workspace of a bot token: its data is the store's own repositories.
    const workspace = { key: 'TVENDOR01', teamId: 'VENDOR01', repositories: store } as unknown as Workspace;

    expect((await trackers.trackersOf(workspace)).github?.name).toBe('github');
    const stored = await store.trackerConnections.find('github');
    const current = createTokenCipher([newKey]);
    expect(stored?.webhookSecret.startsWith('v1.k2.')).toBe(true);
    expect(current.open(stored?.webhookSecret ?? '')).toBe('webhook-secret-0123456789');
    expect(current.open(stored?.settings.token ?? '')).toBe('ghp_token_0123456789');
    expect(stored?.settings.apiUrl).toBe('http://127.0.0.1:9');
  });
});
