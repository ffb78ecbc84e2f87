import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { loadStoreConfig } from '../config.js';
import { collectionSpecNamed } from '../store/collections.js';
import type { StoreLocation } from '../store/open-store.js';
import { CliError } from './cli-error.js';
import { decodeEntry, type Entry, encodeEntry } from './json-lines.js';
import { type OpenedStore, withStore } from './open-for-moving.js';
import { createProgress } from './progress.js';
import { readDocuments, selectCollections } from './read-documents.js';
import { assertEmpty, writeDocuments } from './write-documents.js';

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  /** Progress and messages (standard error). */
  stderr(text: string): void;
}

const leftOut = (io: Io) => (name: string) =>
  io.stderr(`left out ${name}: not a collection of this version of Rapport\n`);

/** Writes the store's documents (or some workspaces') to standard output, one JSON line each. */
export async function runExport(location: StoreLocation, workspaces: string[], io: Io): Promise<void> {
  await withStore(
    location,
    io.stderr,
    async ({ db, open }) => {
      const selections = await selectCollections(db, workspaces, leftOut(io));
      const progress = createProgress('exported', io.stderr);
      for await (const entry of readDocuments(open, selections)) {
        if (!io.stdout.write(encodeEntry(entry))) await once(io.stdout, 'drain');
        progress.count(entry.collection);
      }
      progress.summary();
    },
    true,
  );
}

/** Reads an export from standard input into the store, which must be empty. */
export async function runImport(location: StoreLocation, io: Io): Promise<void> {
  await withStore(location, io.stderr, async (into) => {
    await assertEmpty(into.db, into.open, into.where);
    const progress = createProgress('imported', io.stderr);
    await fillEmptyStore(into, () => writeDocuments(into.open, decodeLines(io.stdin), progress));
    progress.summary();
  });
}

/** Copies an embedded deployment's documents into an empty MongoDB database, and checks the counts. */
export async function runMigrate(source: StoreLocation, to: string, io: Io): Promise<void> {
  if (!('dataDir' in source)) {
    throw new CliError('migrate moves an embedded deployment (DATA_DIR) to MongoDB, but MONGODB_URI is set.');
  }
  const target = loadStoreConfig({ MONGODB_URI: to });
  if (!target.ok || !('mongodbUri' in target.store)) {
    throw new CliError(`--to: ${target.ok ? 'required' : target.problems.join('; ')}`, 2);
  }
  // The source first: its lock keeps Rapport from starting on it while the copy runs.
  await withStore(
    source,
    io.stderr,
    (from) =>
      withStore(target.store, io.stderr, async (into) => {
        await assertEmpty(into.db, into.open, into.where);
        const progress = createProgress('copied', io.stderr);
        const selections = await selectCollections(from.db, [], leftOut(io));
        await fillEmptyStore(into, async () => {
          await writeDocuments(into.open, readDocuments(from.open, selections), progress);
          for (const [name, count] of progress.counts()) {
            const stored = await (await into.open(name)).count({});
            if (stored !== count)
              throw new Error(`${name}: copied ${count} documents but MongoDB holds ${stored}`);
          }
        });
        progress.summary();
        io.stderr(
          `Done. Set MONGODB_URI to the new database and start Rapport; ${source.dataDir} is left as it was.\n`,
        );
      }),
    true,
  );
}

/** A failure half-way leaves part of the data behind: the message says so, since a retry needs it empty. */
async function fillEmptyStore(into: OpenedStore, fill: () => Promise<void>): Promise<void> {
  try {
    await fill();
  } catch (error) {
    throw new CliError(
      `${(error as Error).message}\n${into.where} now holds what was written before this error: ` +
        'empty it (a new DATA_DIR folder, or drop the MongoDB database) before trying again.',
    );
  }
}

/** The entries of an export, one per non-blank line; a line that is not one stops the import. */
async function* decodeLines(input: NodeJS.ReadableStream): AsyncGenerator<Entry> {
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    n += 1;
    if (line.trim() === '') continue;
    let entry: Entry;
    try {
      entry = decodeEntry(line);
    } catch (error) {
      throw new Error(`line ${n}: ${(error as Error).message}`);
    }
    if (collectionSpecNamed(entry.collection) === null) {
      throw new Error(`line ${n}: ${entry.collection} is not a collection of this version of Rapport`);
    }
    yield entry;
  }
}
