import { Query } from 'mingo';
import { update } from 'mingo/updater';
import { resolve, setValue } from 'mingo/util';
import type { Filter, StoredDocument, UpdateSpec } from '../documents.js';

// MongoDB's query and update semantics on documents in memory come from mingo (a well-kept library that
// follows MongoDB's rules): dotted paths, array membership, the ordering of kinds, $push onto a missing
// array. The embedded store narrows candidates in SQL and decides here.

type AnyDocument = Record<string, unknown>;

export type Matcher = (doc: object) => boolean;

export function matcherOf(filter: Filter): Matcher {
  const query = new Query(filter, {});
  return (doc) => query.test(doc as AnyDocument);
}

export function applyUpdate(doc: object, spec: UpdateSpec): void {
  const { $unset, ...rest } = spec;
  const modifier = $unset
    ? { ...rest, $unset: Object.fromEntries(Object.keys($unset).map((k) => [k, ''])) }
    : rest;
  update(doc as AnyDocument, modifier as Parameters<typeof update>[1], undefined, undefined, {
    cloneMode: 'deep',
  });
}

/** The document an upsert creates: the filter's equality conditions, then the update. */
export function upsertedDocument<D extends StoredDocument>(filter: Filter, spec: UpdateSpec): D {
  const equalities = Object.entries(filter).filter(
    ([key, value]) => !key.startsWith('$') && !isOperatorObject(value),
  );
  const doc: AnyDocument = {};
  for (const [path, value] of equalities) setValue(doc, path, value);
  applyUpdate(doc, spec);
  if (typeof (doc as Partial<StoredDocument>)._id !== 'string') {
    throw new Error('an upsert on the embedded store needs the _id in its filter or its update');
  }
  return doc as D;
}

const isOperatorObject = (value: unknown): boolean =>
  value !== null &&
  typeof value === 'object' &&
  !(value instanceof Date) &&
  Object.keys(value).some((key) => key.startsWith('$'));

/** Only `fields` (dotted paths allowed) and `_id`, as MongoDB projects them. */
export function project<D extends StoredDocument>(doc: D, fields: readonly string[]): D {
  const projected: Record<string, unknown> = { _id: doc._id };
  for (const path of fields) {
    const value = resolve(doc as unknown as AnyDocument, path);
    if (value !== undefined) setValue(projected, path, value);
  }
  return projected as D;
}

/**
 * Indexed fields must hold scalars (or dates): the SQL that narrows a query on them compares single
 * values, so an array there would hide documents that MongoDB's array membership would find.
 */
export function checkIndexedFields(collection: string, doc: object, indexedPaths: readonly string[]): void {
  for (const path of indexedPaths) {
    const value = resolve(doc as AnyDocument, path);
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      throw new Error(
        `${collection}: indexed field ${path} holds an object or array; the embedded store indexes scalars only`,
      );
    }
  }
}
