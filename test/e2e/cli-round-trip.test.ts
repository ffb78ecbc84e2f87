import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { createTokenCipher } from '../../src/security/token-cipher.js';
import { openStore, type Store, type StoreLocation } from '../../src/store/open-store.js';
import { anApproval } from '../support/approval-fixture.js';
import { anAsk } from '../support/ask-fixture.js';
import { aPartnership } from '../support/partnership-fixture.js';
import {
  answersAbout,
  SEEDED_AT,
  seededPartnership,
  seedPartnership,
} from '../support/seeded-partnership.js';
import { storeKinds } from '../support/stores.js';

const TOKEN = 'xoxb-1111-2222-never-in-clear';
const cipher = createTokenCipher([{ id: 'k1', key: Buffer.alloc(32, 7) }]);
const partnership = seededPartnership;
const workspacePartnership = aPartnership();

/** Runs the command-line tool in this process against a store; standard input from `input`. */
async function cli(argv: string[], location: StoreLocation, input = '') {
  const env =
    'mongodbUri' in location ? { MONGODB_URI: location.mongodbUri } : { DATA_DIR: location.dataDir };
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  let stderr = '';
  const code = await runCli(argv, env, {
    stdin: Readable.from([input]),
    stdout,
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr };
}

/** A deployment's worth of data: a partnership's, a second approval, a sealed installation, a workspace's. */
async function seed(store: Store): Promise<void> {
  await seedPartnership(store);
  await store.approvals.insert(
    anApproval({ id: 'AP2', channelId: partnership.channelId, state: 'approved' }),
  );
  await store.installations.save({
    key: 'TWS1',
    teamId: 'TWS1',
    enterpriseId: null,
    sealed: cipher.seal(TOKEN),
    updatedAt: SEEDED_AT,
  });
  const workspace = await store.workspace('TWS1');
  await workspace.partnerships.insert(workspacePartnership);
  await workspace.asks.insert(anAsk({ partnershipId: workspacePartnership.id }));
}

/** What the app would show: the same answers are expected from the copy. */
async function answers(store: Store) {
  return {
    single: await answersAbout(store),
    workspace: await answersAbout(await store.workspace('TWS1'), workspacePartnership),
    installations: await store.installations.list(),
    nextNumber: await store.sequences.next('ACME'),
  };
}

const [embedded, mongo] = storeKinds() as [
  ReturnType<typeof storeKinds>[0],
  ReturnType<typeof storeKinds>[0],
];

describe.each([
  { from: embedded, into: mongo },
  { from: mongo, into: embedded },
])('rapport export | rapport import: $from.name into $into.name', ({ from, into }) => {
  it.skipIf(!mongo.available)(
    'gives the same answers and the same documents, and refuses a second import',
    async () => {
      const source = from.freshLocation();
      const target = into.freshLocation();
      const seeded = await openStore(source);
      await seed(seeded);
      await seeded.close();

      const exported = await cli(['export'], source);
      expect(exported.code).toBe(0);
      expect(exported.stdout).not.toContain(TOKEN);
      expect(exported.stdout).toContain('"sealed":"v1.k1.');
      expect(exported.stderr).toMatch(/exported \d+ documents from \d+ collections/);

      const imported = await cli(['import'], target, exported.stdout);
      expect(imported).toMatchObject({ code: 0, stdout: '' });
      expect((await cli(['export'], target)).stdout).toBe(exported.stdout);

      const [original, copy] = [await openStore(source), await openStore(target)];
      try {
        const expected = await answers(original);
        expect(expected.single.asks).toHaveLength(3);
        expect(expected.single.digests).toHaveLength(1);
        expect(expected.single.followUps.length).toBeGreaterThan(0);
        expect(expected.single.partnership?.createdAt).toBeInstanceOf(Date);
        expect(await answers(copy)).toEqual(expected);
      } finally {
        await Promise.all([original.close(), copy.close()]);
      }

      const again = await cli(['import'], target, exported.stdout);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/is not empty .*never merged/);
    },
  );
});

describe('rapport export --workspace', () => {
  it('writes only that workspace’s collections and its installation', async () => {
    const source = embedded.freshLocation();
    const seeded = await openStore(source);
    await seed(seeded);
    await seeded.close();
    const { code, stdout } = await cli(['export', '--workspace', 'TWS1'], source);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => [l.collection, l.document._id])).toEqual([
      ['installations', 'TWS1'],
      ['workspace.TWS1.asks', expect.any(String)],
      ['workspace.TWS1.partnerships', workspacePartnership.id],
    ]);
  });
});
