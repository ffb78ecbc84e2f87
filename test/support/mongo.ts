/**
 * Helpers for suites that need MongoDB. The server is started once per `vitest run` by
 * ./mongo-global-setup.ts and shared by all files, so every file/test must use its own database:
 *
 *   describe.skipIf(!hasMongo())('my store', () => {
 *     const client = new MongoClient(mongoUri());
 *     const db = client.db(uniqueDbName('store'));
 *     ...
 *   });
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { installMongoCommandRecorder } from './mongo-command-recorder.js';

// Every suite that can reach MongoDB imports this file: the commands the adapter sends are recorded.
// Only under vitest: the benchmarks import the same test support, and `inject` throws outside a test run.
if (process.env.VITEST) installMongoCommandRecorder(inject('mongoShapesDir') as string | undefined);

/** The MongoDB connection string provided by the global setup, or '' when MongoDB suites must skip. */
export function mongoUri(): string {
  // undefined if the global setup did not run (e.g. a custom config); treat like "no MongoDB".
  return (inject('mongoUri') as string | undefined) ?? '';
}

export function hasMongo(): boolean {
  return mongoUri() !== '';
}

let counter = 0;

/**
 * A fresh database name, unique per call (and across parallel workers): `<prefix>_<pid>_<n>_<random>`.
 * The prefix is reduced to [A-Za-z0-9_-] and 24 chars, so the result stays a valid, short db name (< 64 bytes).
 */
export function uniqueDbName(prefix: string): string {
  const safe = prefix.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 24) || 'test';
  counter += 1;
  return `${safe}_${process.pid.toString(36)}_${counter.toString(36)}_${randomBytes(3).toString('hex')}`;
}
