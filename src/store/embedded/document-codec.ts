import type { SqlValue } from './sqlite-driver.js';

/**
 * Documents are stored as JSON text, a Date as `{"$date":"<ISO 8601>"}` (as `rapport export` writes it):
 * recognisable when read back, and ordered by time when compared as text, so indexes and range queries on
 * dates work in SQL.
 */
export function encodeDocument(doc: object): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key, value) {
    // JSON.stringify has already turned a Date into its string by now; the holder still has the Date.
    const original = this[key];
    return original instanceof Date ? { $date: original.toISOString() } : value;
  });
}

export function decodeDocument<D>(text: string): D {
  const value: unknown = JSON.parse(text);
  // A walk after a plain parse costs far less than a reviver, which is called for every value.
  return (text.includes('"$date"') ? revive(value) : value) as D;
}

/** Turns every encoded date inside `value` back into a Date, in place. */
function revive(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const fields = value as Record<string, unknown>;
  if (isEncodedDate(fields)) return new Date(fields.$date as string);
  for (const key in fields) fields[key] = revive(fields[key]);
  return value;
}

function isEncodedDate(value: Record<string, unknown>): boolean {
  if (typeof value.$date !== 'string') return false;
  for (const key in value) if (key !== '$date') return false;
  return true;
}

/**
 * A scalar as SQLite's json_extract gives it back from a stored document, so the two compare in SQL:
 * booleans are 1 and 0, a date is the text of its encoded object. Undefined for what has no such form.
 */
export function toSqlValue(value: unknown): SqlValue | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return null;
  if (value instanceof Date) return JSON.stringify({ $date: value.toISOString() });
  return undefined;
}

/** The kind SQLite's typeof() gives a value encoded by toSqlValue, to keep range queries to one kind. */
export const sqlTypesOf = (value: SqlValue): string[] =>
  typeof value === 'string' ? ['text'] : ['integer', 'real'];
