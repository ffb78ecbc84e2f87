import { readFile } from 'node:fs/promises';
import type { StoredDocument } from '../documents.js';

/** A NeDB data file (the embedded store up to this version) read as NeDB itself loaded it. */
export interface NedbContents {
  docs: Map<string, StoredDocument>;
  /** Lines that are not JSON: NeDB skipped them too (a line cut short by a crash, say). */
  corruptLines: number;
}

/** NeDB refused to load a file with more than this share of corrupt lines; so does the migration. */
const CORRUPT_ALERT_THRESHOLD = 0.1;

/**
 * NeDB appends a line per write: the latest line for an `_id` is the document, `{"$$deleted":true}`
 * removes it, `$$indexCreated` / `$$indexRemoved` lines are index metadata, and a date is
 * `{"$$date": <ms>}`.
 */
export async function readNedbFile(path: string): Promise<NedbContents> {
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line.length > 0);
  const docs = new Map<string, StoredDocument>();
  let corruptLines = 0;
  for (const line of lines) {
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line, (_key, value) => (isNedbDate(value) ? new Date(value.$$date) : value));
    } catch {
      corruptLines += 1;
      continue;
    }
    if ('$$indexCreated' in record || '$$indexRemoved' in record) continue;
    const id = record._id;
    if (typeof id !== 'string') {
      corruptLines += 1;
      continue;
    }
    if (record.$$deleted === true) docs.delete(id);
    else docs.set(id, record as unknown as StoredDocument);
  }
  if (lines.length > 0 && corruptLines / lines.length > CORRUPT_ALERT_THRESHOLD) {
    throw new Error(
      `${path}: ${corruptLines} of ${lines.length} lines are not NeDB records; not migrating a damaged file`,
    );
  }
  return { docs, corruptLines };
}

const isNedbDate = (value: unknown): value is { $$date: number } =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as { $$date?: unknown }).$$date === 'number' &&
  Object.keys(value).length === 1;
