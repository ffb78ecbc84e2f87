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
