import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { collectionOpener } from '../../src/cli/open-collections.js';
import { runCli } from '../../src/cli/run-cli.js';
import type { Repositories } from '../../src/domain/ports.js';
import { repositoryCollections } from '../../src/store/collections.js';
import {
  openDocumentDatabase,
  openStore,
  type Store,
  type StoreLocation,
} from '../../src/store/open-store.js';
import { aPartnership } from '../support/partnership-fixture.js';
import { answersAbout, SEEDED_AT, seedPartnership } from '../support/seeded-partnership.js';
import { storeKinds } from '../support/stores.js';

const TEAM = 'T0MOVE1';
const KEY = `T${TEAM}`; // the installation key of team T0MOVE1, as OAuth stores it

const envOf = (location: StoreLocation) =>
  'mongodbUri' in location ? { MONGODB_URI: location.mongodbUri } : { DATA_DIR: location.dataDir };

/** `npx rapport move-to-workspace --team …` as an operator runs it: the package's bin in a child process. */
async function moveInChild(location: StoreLocation) {
  try {
    const { stderr } = await promisify(execFile)(
      process.execPath,
      ['src/cli/rapport.js', 'move-to-workspace', '--team', TEAM],
      { env: { PATH: process.env.PATH ?? '', ...envOf(location) } },
    );
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

/** The same command in this process. */
async function moveInProcess(location: StoreLocation) {
  let stderr = '';
  const code = await runCli(['move-to-workspace', '--team', TEAM], envOf(location), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stderr };
}

/** A single-token deployment's data: a partnership's, and a person's limit counter. */
async function seed(store: Store): Promise<void> {
  await seedPartnership(store);
  await store.limits.increment('asks:UCUST1', new Date(SEEDED_AT.getTime() + 3_600_000));
}

const answers = (r: Repositories) => answersAbout(r);

async function seededStore(location: StoreLocation) {
  const store = await openStore(location);
  try {
    await seed(store);
    return await answers(store);
  } finally {
    await store.close();
  }
}

/** How many documents each unprefixed (single-workspace) collection holds. */
async function unprefixedCounts(location: StoreLocation): Promise<number[]> {
  const db = await openDocumentDatabase(location);
  try {
    const open = collectionOpener(db);
    return await Promise.all(repositoryCollections.map(async ({ name }) => (await open(name)).count({})));
  } finally {
    await db.close();
  }
}

describe.each(storeKinds())('rapport move-to-workspace on the $name store', (kind) => {
  it.skipIf(!kind.available)(
    'moves the data into the workspace: same answers, sequences carry on, a second run refused',
    async () => {
      const location = kind.freshLocation();
      const before = await seededStore(location);
      expect(before.asks).toHaveLength(3);
      expect(before.digests).toHaveLength(1);
      expect(before.followUps.length).toBeGreaterThan(0);

      const moved = await moveInChild(location);
      expect(moved.code).toBe(0);
      expect(moved.stderr).toMatch(/moved \d+ documents from \d+ collections[\s\S]*workspace\.TT0MOVE1\.\*/);
      expect(await unprefixedCounts(location)).toEqual(repositoryCollections.map(() => 0));

      const store = await openStore(location);
      try {
        const workspace = await store.workspace(KEY);
        expect(await answers(workspace)).toEqual(before);
        expect(await workspace.sequences.next('ACME')).toBe(4);
        expect(await workspace.markers.claim('event:Ev1', SEEDED_AT, null)).toBe(false);
      } finally {
        await store.close();
      }

      const again = await moveInChild(location);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/nothing to move: .* holds no single-workspace data/);
    },
  );

  it.skipIf(!kind.available)('refuses a workspace holding data of its own, moving nothing', async () => {
    const location = kind.freshLocation();
    await seededStore(location);
    const store = await openStore(location);
    await (await store.workspace(KEY)).partnerships.insert(aPartnership());
    await store.close();
    const before = await unprefixedCounts(location);

    const refused = await moveInProcess(location);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/workspace\.TT0MOVE1\.partnerships holds documents that are not copies/);
    expect(await unprefixedCounts(location)).toEqual(before);
  });

  it.skipIf(!kind.available)(
    'finishes a move that stopped half-way, whether copying or emptying',
    async () => {
      const location = kind.freshLocation();
      const before = await seededStore(location);
      // Both ways a run can stop: asks copied then emptied (stopped while emptying), one follow-up of
      // several copied (stopped while copying).
      const db = await openDocumentDatabase(location);
      const open = collectionOpener(db);
      for (const name of ['asks', 'followUps']) {
        const [from, into] = [await open(name), await open(`workspace.${KEY}.${name}`)];
        const documents = await from.find({}, { sort: { _id: 1 } });
        for (const d of name === 'asks' ? documents : documents.slice(0, 1)) await into.insertOne(d);
        if (name === 'asks') await from.deleteMany({});
      }
      await db.close();

      expect(await moveInProcess(location)).toMatchObject({ code: 0 });
      const store = await openStore(location);
      try {
        expect(await answers(await store.workspace(KEY))).toEqual(before);
      } finally {
        await store.close();
      }
    },
  );
});

describe('rapport move-to-workspace while Rapport runs', () => {
  it('refuses while the app holds the data folder', async () => {
    const location = storeKinds()[0]?.freshLocation() as StoreLocation;
    await seededStore(location);
    const running = await openStore(location); // holds the folder's lock, as the app does
    try {
      const refused = await moveInChild(location);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/Stop Rapport first\. DATA_DIR .* is in use by another Rapport process/);
    } finally {
      await running.close();
    }
    expect((await unprefixedCounts(location)).some((n) => n > 0)).toBe(true);
  });
});
