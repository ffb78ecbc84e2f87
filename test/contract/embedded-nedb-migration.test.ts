import { cpSync, existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { StoredDocument } from '../../src/store/documents.js';
import type { NedbMigration } from '../../src/store/embedded/nedb-migration.js';
import { openDocumentDatabase, openStore, type Store } from '../../src/store/open-store.js';
import { anAsk } from '../support/ask-fixture.js';
import { writeDamagedNedbFile, writeNedbDataDir } from '../support/nedb-data-dir.js';
import { aPartnership } from '../support/partnership-fixture.js';
import { tempDataDir } from '../support/stores.js';

const partnership = aPartnership({ id: 'p-1', channelId: 'CSHARED' });
const asks = [anAsk({ partnershipId: 'p-1' }), anAsk({ partnershipId: 'p-1', status: 'in_progress' })];

/** What an earlier version stored: written through the repositories, then read back as raw documents. */
async function storedDocuments(): Promise<Record<string, StoredDocument[]>> {
  const location = { dataDir: tempDataDir() };
  const store = await openStore(location);
  await store.partnerships.insert(partnership);
  for (const ask of asks) await store.asks.insert(ask);
  await store.sequences.next('ACME');
  await store.sequences.next('ACME');
  const workspace = await store.workspace('TWS1');
  await workspace.partnerships.insert(aPartnership({ id: 'p-ws', channelId: 'CWS' }));
  await store.close();
  const db = await openDocumentDatabase(location);
  const collections: Record<string, StoredDocument[]> = {};
  for (const name of ['partnerships', 'asks', 'sequences', 'workspace.TWS1.partnerships']) {
    collections[name] = await (await db.collection({ name, indexes: [] })).find({}, { sort: { _id: 1 } });
  }
  await db.close();
  return collections;
}

async function openRecording(dataDir: string): Promise<{ store: Store; migrations: NedbMigration[] }> {
  const migrations: NedbMigration[] = [];
  const store = await openStore({ dataDir }, { onNedbMigrated: (m) => migrations.push(m) });
  return { store, migrations };
}

async function expectSameAnswers(store: Store) {
  expect(await store.partnerships.findByChannel('CSHARED')).toEqual(partnership);
  for (const ask of asks) expect(await store.asks.findById(ask.id)).toEqual(ask);
  expect(await store.asks.findById('asks-deleted')).toBeNull();
  expect(await store.sequences.next('ACME')).toBe(3); // numbering carries on
  expect((await (await store.workspace('TWS1')).partnerships.findById('p-ws'))?.channelId).toBe('CWS');
}

const nedbFilesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.db'))
    .sort();
const keptIn = (dataDir: string) => join(dataDir, `nedb-migrated-${new Date().toISOString().slice(0, 10)}`);

describe('embedded store: moving a NeDB data folder to SQLite', () => {
  it('copies every collection once at start, with counts, keeps the files aside, and answers as before', async () => {
    const collections = await storedDocuments();
    const dataDir = tempDataDir();
    writeNedbDataDir(dataDir, collections);

    const { store, migrations } = await openRecording(dataDir);
    await expectSameAnswers(store);
    await store.close();

    expect(migrations).toEqual([
      {
        collections: [
          { name: 'asks', documents: 2, corruptLines: 1 },
          { name: 'partnerships', documents: 1, corruptLines: 1 },
          { name: 'sequences', documents: 1, corruptLines: 1 },
          { name: 'workspace.TWS1.partnerships', documents: 1, corruptLines: 1 },
        ],
        keptIn: keptIn(dataDir),
      },
    ]);
    expect(nedbFilesIn(dataDir)).toEqual([]);
    expect(nedbFilesIn(keptIn(dataDir))).toEqual(
      Object.keys(collections)
        .map((n) => `${n}.db`)
        .sort(),
    );

    const again = await openRecording(dataDir);
    expect(again.migrations).toEqual([]);
    expect(await again.store.partnerships.findByChannel('CSHARED')).toEqual(partnership);
    await again.store.close();
  });

  it('finishes a migration that stopped while moving the files away, doubling nothing', async () => {
    const collections = await storedDocuments();
    const dataDir = tempDataDir();
    writeNedbDataDir(dataDir, collections);
    await (await openStore({ dataDir })).close();
    // As if the process died after moving only some files: the others are still in DATA_DIR.
    for (const file of ['asks.db', 'sequences.db'])
      renameSync(join(keptIn(dataDir), file), join(dataDir, file));

    const { store, migrations } = await openRecording(dataDir);
    expect(migrations.map((m) => m.collections.map((c) => [c.name, c.documents]))).toEqual([
      [
        ['asks', 2],
        ['sequences', 1],
      ],
    ]);
    expect(await store.asks.listByKind('help')).toHaveLength(2);
    await expectSameAnswers(store);
    await store.close();
    expect(nedbFilesIn(dataDir)).toEqual([]);
    expect(nedbFilesIn(keptIn(dataDir))).toHaveLength(4);
  });

  it('refuses to start on a damaged file, leaving the NeDB files in place, and completes once it is mended', async () => {
    const collections = await storedDocuments();
    const dataDir = tempDataDir();
    writeNedbDataDir(dataDir, collections);
    const backup = tempDataDir();
    cpSync(join(dataDir, 'sequences.db'), join(backup, 'sequences.db'));
    // Collections are copied in name order: asks and partnerships are in SQLite when sequences fails.
    writeDamagedNedbFile(dataDir, 'sequences');

    await expect(openStore({ dataDir })).rejects.toThrow(/sequences\.db: 2 of 3 lines are not NeDB records/);
    expect(nedbFilesIn(dataDir)).toHaveLength(4);
    expect(existsSync(keptIn(dataDir))).toBe(false);

    cpSync(join(backup, 'sequences.db'), join(dataDir, 'sequences.db'));
    const { store, migrations } = await openRecording(dataDir);
    expect(migrations[0]?.collections.map((c) => c.documents)).toEqual([2, 1, 1, 1]);
    expect(await store.asks.listByKind('help')).toHaveLength(2);
    await expectSameAnswers(store);
    await store.close();
  });

  it('is done by the rapport command too, which says so before its own output', async () => {
    const dataDir = tempDataDir();
    writeNedbDataDir(dataDir, await storedDocuments());
    const stdout = new PassThrough();
    const lines: string[] = [];
    stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    let stderr = '';
    const code = await runCli(
      ['export'],
      { DATA_DIR: dataDir },
      {
        stdin: Readable.from(['']),
        stdout,
        stderr: (text) => {
          stderr += text;
        },
      },
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^moved the embedded store from NeDB files to SQLite first \(asks: 2, partnerships: 1, sequences: 1, workspace\.TWS1\.partnerships: 1\); the NeDB files are kept in .*nedb-migrated-/,
    );
    expect(lines).toHaveLength(5);
    expect(nedbFilesIn(dataDir)).toEqual([]);
  });
});
