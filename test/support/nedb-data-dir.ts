import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredDocument } from '../../src/store/documents.js';

/**
 * Writes documents into DATA_DIR as NeDB, the embedded store up to this version, left them: one
 * append-only file per collection (`<name>.db`), a JSON line per write, dates as `{"$$date": <ms>}`,
 * index definitions as `$$indexCreated` lines. Each file also holds earlier versions of its documents
 * (replaced by later lines), a document that was deleted, and, like a file appended to when the process
 * died, a last line cut short (which NeDB skipped while at most a tenth of the lines were damaged).
 */
const EARLIER_VERSIONS = 5;

export function writeNedbDataDir(dataDir: string, collections: Record<string, StoredDocument[]>): void {
  for (const [name, docs] of Object.entries(collections)) {
    const lines = [
      JSON.stringify({ $$indexCreated: { fieldName: 'createdAt', unique: false, sparse: false } }),
    ];
    for (let change = 1; change <= EARLIER_VERSIONS; change++) {
      for (const doc of docs) lines.push(nedbLine({ ...doc, earlierVersion: change }));
    }
    lines.push(nedbLine({ _id: `${name}-deleted`, createdAt: new Date(0) }));
    for (const doc of docs) lines.push(nedbLine(doc));
    lines.push(JSON.stringify({ $$deleted: true, _id: `${name}-deleted` }));
    lines.push('{"_id":"cut-short","createdAt":{"$$da');
    writeFileSync(join(dataDir, `${name}.db`), `${lines.join('\n')}\n`);
  }
}

/** A file NeDB itself would refuse to load: more than a tenth of its lines are not records. */
export function writeDamagedNedbFile(dataDir: string, name: string): void {
  writeFileSync(join(dataDir, `${name}.db`), '{"_id":"a"}\nnot json\n{"_id":\n');
}

function nedbLine(doc: object): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key, value) {
    const original = this[key];
    return original instanceof Date ? { $$date: original.getTime() } : value;
  });
}
