import { randomBytes } from 'node:crypto';
import type { Installation } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../src/security/token-cipher.js';
import { rapportInstallationStore } from '../../src/slack/oauth/installation-store.js';
import type { Store } from '../../src/store/open-store.js';
import { storeForEachTest, storeKinds } from '../support/stores.js';
import { TestClock } from '../support/test-clock.js';

const key = (id: string) => ({ id, key: randomBytes(32) });
/** Bolt's query for one workspace's installation. */
const team = (teamId: string) => ({ teamId, isEnterpriseInstall: false, enterpriseId: undefined });

const install = (teamId: string, bot = `xoxb-${teamId}-secret`): Installation<'v2', false> => ({
  team: { id: teamId, name: `Team ${teamId}` },
  enterprise: undefined,
  user: { id: `U${teamId}`, token: `xoxp-${teamId}-user`, scopes: ['identify'] },
  bot: {
    id: `B${teamId}`,
    userId: `UB${teamId}`,
    token: bot,
    refreshToken: `xoxe-${teamId}`,
    expiresAt: 1_800_000_000,
    scopes: ['chat:write'],
  },
  appId: 'A1',
  tokenType: 'bot',
  isEnterpriseInstall: false,
  authVersion: 'v2',
});

describe.each(storeKinds())('installation store contract: $name', (kind) => {
  let store: Store;
  storeForEachTest(kind, (opened) => {
    store = opened;
  });
  const clock = new TestClock('2026-11-22T10:00:00Z');
  const sealedWithOneKey = () =>
    rapportInstallationStore(store.installations, createTokenCipher([key('k1')]), clock);

  it('keeps each workspace’s installation apart, its tokens never stored in clear', async () => {
    const installations = sealedWithOneKey();
    await installations.storeInstallation(install('TA'));
    await installations.storeInstallation(install('TB'));
    expect((await installations.fetchInstallation(team('TA'))).bot?.token).toBe('xoxb-TA-secret');
    expect((await installations.fetchInstallation(team('TB'))).bot?.token).toBe('xoxb-TB-secret');
    const stored = JSON.stringify(await store.installations.list());
    expect(stored).not.toContain('xoxb-');
    expect(stored).not.toContain('xoxp-');
    expect(stored).not.toContain('xoxe-');
    await expect(installations.fetchInstallation(team('TC'))).rejects.toThrow(/no installation/);
  });

  it('replaces a reinstall (rotated tokens) keeping the first install time', async () => {
    const installations = sealedWithOneKey();
    await installations.storeInstallation(install('TA'));
    clock.set('2026-11-23T10:00:00Z');
    await installations.storeInstallation(install('TA', 'xoxb-TA-rotated'));
    const [row] = await store.installations.list();
    expect(row).toMatchObject({
      key: 'TTA',
      teamId: 'TA',
      installedAt: new Date('2026-11-22T10:00:00Z'),
      updatedAt: new Date('2026-11-23T10:00:00Z'),
    });
    expect((await installations.fetchInstallation(team('TA'))).bot?.token).toBe('xoxb-TA-rotated');
  });

  it('re-seals with the new key when read after a key rotation', async () => {
    const old = key('2025');
    await rapportInstallationStore(store.installations, createTokenCipher([old]), clock).storeInstallation(
      install('TA'),
    );
    const rotated = createTokenCipher([key('2026'), old]);
    const installations = rapportInstallationStore(store.installations, rotated, clock);
    expect((await installations.fetchInstallation(team('TA'))).bot?.token).toBe('xoxb-TA-secret');
    const [row] = await store.installations.list();
    expect(rotated.isStale(row?.sealed ?? '')).toBe(false);
  });

  it('forgets revoked user tokens only, and deletes one workspace’s installation on uninstall, nothing else', async () => {
    const installations = sealedWithOneKey();
    await installations.storeInstallation(install('TA'));
    await installations.storeInstallation(install('TB'));
    const ta = team('TA');
    await installations.forgetUserToken(ta);
    const afterRevoke = await installations.fetchInstallation(ta);
    expect(afterRevoke.user.token).toBeUndefined();
    expect(afterRevoke.bot?.token).toBe('xoxb-TA-secret');
    await installations.deleteInstallation(ta);
    await expect(installations.fetchInstallation(ta)).rejects.toThrow(/no installation/);
    expect((await store.installations.list()).map((i) => i.teamId)).toEqual(['TB']);
  });
});
