import { z } from 'zod';
import type { StoredDocument } from '../store/documents.js';

/** One line of an export: a document and the collection it belongs to. */
export interface Entry {
  collection: string;
  document: StoredDocument;
}

// A date is written as {"$date": "<ISO 8601>"}. No stored document can hold such an object of its own:
// the embedded store refuses field names starting with '$', and MongoDB's operators would read them.
const DATE = '$date';

/** One JSON line (with its newline); dates become {"$date": …} so they come back as dates. */
export function encodeEntry(entry: Entry): string {
  return `${JSON.stringify(entry, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE]: raw.toISOString() } : value;
  })}\n`;
}

const entrySchema = z.object({
  collection: z.string().min(1),
  document: z.looseObject({ _id: z.string().min(1) }),
});

/** Parses one line of an export; throws with what is wrong. */
export function decodeEntry(line: string): Entry {
  const parsed = entrySchema.safeParse(
    JSON.parse(line, (_key, value) => (isDate(value) ? new Date(value[DATE]) : value)),
  );
  if (!parsed.success) throw new Error('not a {"collection": …, "document": {"_id": …}} line');
  return parsed.data;
}

function isDate(value: unknown): value is { [DATE]: string } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 && keys[0] === DATE && typeof (value as Record<string, unknown>)[DATE] === 'string'
  );
}
