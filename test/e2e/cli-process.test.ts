import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore, type StoreLocation } from '../../src/store/open-store.js';
import { anAsk } from '../support/ask-fixture.js';
import { mongoUri, uniqueDbName } from '../support/mongo.js';
import { aPartnership } from '../support/partnership-fixture.js';
import { storeKinds, withDatabase } from '../support/stores.js';

const [embedded, mongo] = storeKinds() as [
  ReturnType<typeof storeKinds>[0],
  ReturnType<typeof storeKinds>[0],
];

/** Runs the package's `rapport` command (its bin) in a child process, as `npx rapport` does. */
function rapport(args: string[], location: StoreLocation | null, input = '') {
  const store =
    location === null
      ? {}
      : 'mongodbUri' in location
        ? { MONGODB_URI: location.mongodbUri }
        : { DATA_DIR: location.dataDir };
  const child = spawn(process.execPath, ['src/cli/rapport.js', ...args], {
    env: { PATH: process.env.PATH ?? '', ...store },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  child.stdin.end(input);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

const partnership = aPartnership();

/** A data folder holding a partnership and three of its asks. */
async function seededDataDir(): Promise<{ dataDir: string }> {
  const location = embedded.freshLocation() as { dataDir: string };
  const store = await openStore(location);
  const p = partnership;
  await store.partnerships.insert(p);
  for (let i = 0; i < 3; i++) await store.asks.insert(anAsk({ partnershipId: p.id }));
  await store.close();
  return location;
}

describe('the rapport command', () => {
  it('prints its usage for no command or an unknown one (exit 2), and on help (exit 0)', async () => {
    const none = await rapport([], null);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/a command is needed[\s\S]*Usage: rapport <command>/);
    expect((await rapport(['frobnicate'], null)).stderr).toMatch(/unknown command: frobnicate/);
    expect((await rapport(['export', '--bogus'], null)).code).toBe(2);
    const help = await rapport(['help'], null);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/migrate --to <MONGODB_URI>/);
  });

  it('moves data through a pipe: rapport export | rapport import', async () => {
    const source = await seededDataDir();
    const target = mongo.available ? mongo.freshLocation() : embedded.freshLocation();
    const exported = await rapport(['export'], source);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split('\n')).toHaveLength(4);
    expect(await rapport(['import'], target, exported.stdout)).toMatchObject({ code: 0 });
    expect((await rapport(['export'], target)).stdout).toBe(exported.stdout);
  });

  it('refuses import and migrate while a running Rapport holds the data folder', async () => {
    const location = await seededDataDir();
    const running = await openStore(location); // this process now holds the folder's lock, as the app does
    try {
      for (const args of [['import'], ['migrate', '--to', 'mongodb://127.0.0.1:9/unused']]) {
        const refused = await rapport(args, location);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(
          /Stop Rapport first\. DATA_DIR .* is in use by another Rapport process/,
        );
      }
    } finally {
      await running.close();
    }
  });

  it.skipIf(!mongo.available)(
    'migrates an embedded deployment to MongoDB once, refusing a non-empty target',
    async () => {
      const source = await seededDataDir();
      const to = withDatabase(mongoUri(), uniqueDbName('migrate'));
      const migrated = await rapport(['migrate', '--to', to], source);
      expect(migrated.code).toBe(0);
      expect(migrated.stderr).toMatch(/copied 4 documents from 2 collections[\s\S]*Set MONGODB_URI/);
      const moved = await openStore({ mongodbUri: to });
      try {
        const asks = await moved.asks.list({ partnershipId: partnership.id }, { limit: 10, skip: 0 });
        expect(asks.total).toBe(3);
      } finally {
        await moved.close();
      }
      expect((await rapport(['export'], { mongodbUri: to })).stdout).toBe(
        (await rapport(['export'], source)).stdout,
      );
      const again = await rapport(['migrate', '--to', to], source);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/MongoDB database is not empty/);
    },
  );
});
