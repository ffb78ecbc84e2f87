import type { DocumentCollection, Filter, StoredDocument } from '../documents.js';

/** Reads one document and maps it to the domain, or null. */
export function findOneAs<D extends StoredDocument, T>(
  collection: DocumentCollection<D>,
  map: (doc: D) => T,
) {
  return async (filter: Filter): Promise<T | null> => {
    const doc = await collection.findOne(filter);
    return doc ? map(doc) : null;
  };
}

/** Compare-and-set: replaces the document only while its stored version is still `expectedVersion`. */
export async function replaceIfVersion<D extends StoredDocument & { version: number }>(
  collection: DocumentCollection<D>,
  doc: D,
  expectedVersion: number,
): Promise<'replaced' | 'conflict'> {
  const matched = await collection.replaceOne({ _id: doc._id, version: expectedVersion }, doc);
  return matched === 1 ? 'replaced' : 'conflict';
}

/**
 * Compare-and-set that leaves the document's other fields alone: the domain's fields are set, with
 * `alsoSet` in the same write, while fields kept by others (the effects bookkeeping) stay as they are.
 */
export async function setIfVersion<D extends StoredDocument & { version: number }>(
  collection: DocumentCollection<D>,
  doc: D,
  expectedVersion: number,
  alsoSet: Record<string, unknown>,
): Promise<'replaced' | 'conflict'> {
  const { _id, ...fields } = doc;
  const matched = await collection.updateOne(
    { _id, version: expectedVersion },
    { $set: { ...fields, ...alsoSet } },
  );
  return matched === 1 ? 'replaced' : 'conflict';
}
