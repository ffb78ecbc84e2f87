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
  return JSON.parse(text, (_key, value) =>
    isEncodedDate(value) ? new Date((value as { $date: string }).$date) : value,
  ) as D;
}

function isEncodedDate(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === '$date' && typeof (value as { $date: unknown }).$date === 'string';
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
