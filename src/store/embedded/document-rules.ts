import { Context } from 'mingo/core';
import * as arrayOperators from 'mingo/operators/query/array';
import * as comparisonOperators from 'mingo/operators/query/comparison';
import * as elementOperators from 'mingo/operators/query/element';
import * as logicalOperators from 'mingo/operators/query/logical';
import { Query } from 'mingo/query';
import { isEqual, resolve } from 'mingo/util';
import type { Filter, StoredDocument, UpdateSpec } from '../documents.js';

// MongoDB's query semantics on documents in memory come from mingo (a well-kept library that follows
// MongoDB's rules): dotted paths, array membership, the ordering of kinds. The embedded store narrows
// candidates in SQL and decides here. Updates are applied here: mingo's updater would load its whole
// aggregation pipeline (half a second at start) for the five operators of UpdateSpec.

type AnyDocument = Record<string, unknown>;

export type Matcher = (doc: object) => boolean;

/** The query operators a filter may use; loading only these keeps mingo's aggregation code out. */
const context = Context.init({
  query: { ...comparisonOperators, ...logicalOperators, ...elementOperators, ...arrayOperators },
});

export function matcherOf(filter: Filter): Matcher {
  const query = new Query(filter, { context });
  return (doc) => query.test(doc as AnyDocument);
}

/** Applies `spec` to `doc` in place, as MongoDB would (a copy of each value given is stored). */
export function applyUpdate(doc: object, spec: UpdateSpec): void {
  const target = doc as AnyDocument;
  for (const [path, value] of Object.entries(spec.$set ?? {})) setPath(target, path, structuredClone(value));
  for (const path of Object.keys(spec.$unset ?? {})) unsetPath(target, path);
  for (const [path, by] of Object.entries(spec.$inc ?? {})) {
    const current = resolvePath(target, path);
    if (current !== undefined && typeof current !== 'number')
      throw new Error(`$inc on ${path}, not a number`);
    setPath(target, path, (current ?? 0) + by);
  }
  for (const [path, value] of Object.entries(spec.$push ?? {}))
    arrayAt(target, path).push(structuredClone(value));
  for (const [path, value] of Object.entries(spec.$addToSet ?? {})) {
    const array = arrayAt(target, path);
    if (!array.some((item) => isEqual(item, value))) array.push(structuredClone(value));
  }
}

function resolvePath(doc: AnyDocument, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as AnyDocument)[key];
  }
  return value;
}

/** The object holding the last key of `path`, created along the way. */
function parentOf(doc: AnyDocument, path: string): [AnyDocument, string] {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let parent = doc;
  for (const key of keys) {
    const next = parent[key] ?? {};
    if (typeof next !== 'object' || Array.isArray(next) || next instanceof Date) {
      throw new Error(`cannot update ${path}: ${key} is not an object`);
    }
    parent[key] = next;
    parent = next as AnyDocument;
  }
  return [parent, last];
}

function setPath(doc: AnyDocument, path: string, value: unknown): void {
  const [parent, key] = parentOf(doc, path);
  parent[key] = value;
}

function unsetPath(doc: AnyDocument, path: string): void {
  if (resolvePath(doc, path) === undefined) return;
  const [parent, key] = parentOf(doc, path);
  delete parent[key];
}

/** The array at `path`, a new empty one when missing. */
function arrayAt(doc: AnyDocument, path: string): unknown[] {
  const current = resolvePath(doc, path) ?? [];
  if (!Array.isArray(current)) throw new Error(`cannot push to ${path}: not an array`);
  setPath(doc, path, current);
  return current;
}

/** The document an upsert creates: the filter's equality conditions, then the update. */
export function upsertedDocument<D extends StoredDocument>(filter: Filter, spec: UpdateSpec): D {
  const equalities = Object.entries(filter).filter(
    ([key, value]) => !key.startsWith('$') && !isOperatorObject(value),
  );
  const doc: AnyDocument = {};
  for (const [path, value] of equalities) setPath(doc, path, value);
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
    if (value !== undefined) setPath(projected, path, value);
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
