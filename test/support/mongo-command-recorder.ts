/**
 * Records the query shape of every command the MongoDB adapter sends during a test run, for the index
 * check (scripts/check-indexes.ts). Each test worker appends the shapes it has not seen yet to a file of
 * its own (a line each, so parallel workers never share a file), in a folder of the run's own (so two
 * runs at once never mix); the global teardown merges them.
 * Commands the tests send themselves (their own MongoClient) are not the adapter's and are not seen.
 */

import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenToMongoCommands } from '../../src/store/mongo/mongo-database.js';
import { formatShape, type QueryShape, shapesOfCommand } from './mongo-query-shapes.js';

const CACHE_DIR = fileURLToPath(new URL('../../.cache/', import.meta.url));
const RUNS_DIR = join(CACHE_DIR, 'mongo-query-shapes');
/** What the last test run recorded, read by scripts/check-indexes.ts. */
export const RECORDED_SHAPES_FILE = join(CACHE_DIR, 'mongo-query-shapes.json');

export interface RecordedShapes {
  /** Which MongoDB the run used; 'none' when the MongoDB suites were skipped. */
  mongo: 'external' | 'mongo-java-server' | 'none';
  finishedAt: string;
  shapes: QueryShape[];
}

/** Shapes this worker has written, kept across test files (vitest re-imports modules per file). */
const shared = globalThis as { __rapportMongoShapes?: Set<string> };
shared.__rapportMongoShapes ??= new Set();
const written = shared.__rapportMongoShapes;

/**
 * Called by ./mongo.ts in every test file that can reach MongoDB, with the run's folder from the global
 * setup: the adapter's clients opened afterwards are seen. Without a folder (another config), nothing is.
 */
export function installMongoCommandRecorder(runDir: string | undefined): void {
  if (!runDir) return;
  listenToMongoCommands((event) => {
    for (const shape of shapesOfCommand(event.commandName, event.command as Record<string, unknown>)) {
      const key = `${runDir} ${formatShape(shape)}`;
      if (written.has(key)) continue;
      written.add(key);
      mkdirSync(runDir, { recursive: true });
      appendFileSync(join(runDir, `${process.pid}.jsonl`), `${JSON.stringify(shape)}\n`);
    }
  });
}

/** Global setup: a new folder for this run's worker files. */
export function newRecordingDir(): string {
  return join(RUNS_DIR, `${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Global teardown: the workers' shapes, merged, deduplicated and sorted, into one file. */
export function mergeRecordedShapes(runDir: string, mongo: RecordedShapes['mongo']): RecordedShapes {
  const shapes = new Map<string, QueryShape>();
  let files: string[] = [];
  try {
    files = readdirSync(runDir).filter((name) => name.endsWith('.jsonl'));
  } catch {
    // nothing recorded
  }
  for (const file of files) {
    for (const line of readFileSync(join(runDir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const shape = JSON.parse(line) as QueryShape;
      shapes.set(formatShape(shape), shape);
    }
  }
  const sorted = [...shapes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, shape]) => shape);
  const recorded: RecordedShapes = { mongo, finishedAt: new Date().toISOString(), shapes: sorted };
  mkdirSync(RUNS_DIR, { recursive: true });
  const partial = `${runDir}.json`;
  writeFileSync(partial, `${JSON.stringify(recorded, null, 1)}\n`);
  renameSync(partial, RECORDED_SHAPES_FILE); // whole, even for a check reading it meanwhile
  rmSync(runDir, { recursive: true, force: true });
  return recorded;
}
