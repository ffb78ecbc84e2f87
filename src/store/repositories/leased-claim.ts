import type { DocumentCollection, Filter, StoredDocument } from '../documents.js';

/**
 * Takes one document matching `filter` that nobody holds, or whose holder's lease ran out by `now`,
 * under `lease`, counting the claim in `attempts`. Unheld ones first: a null lease is never $lte a date,
 * so those are a query of their own.
 */
export async function claimLeased<D extends StoredDocument>(
  collection: DocumentCollection<D>,
  filter: Filter,
  now: Date,
  lease: { token: string; until: Date },
): Promise<D | null> {
  const update = { $set: { lease }, $inc: { attempts: 1 } };
  return (
    (await collection.claimOne({ ...filter, lease: null }, update)) ??
    (await collection.claimOne({ ...filter, 'lease.until': { $lte: now } }, update))
  );
}

/** Extends the lease of a document its holder still holds; false when someone else took it over. */
export async function renewLease<D extends StoredDocument>(
  collection: DocumentCollection<D>,
  id: string,
  token: string,
  until: Date,
): Promise<boolean> {
  return (
    (await collection.updateOne({ _id: id, 'lease.token': token }, { $set: { 'lease.until': until } })) === 1
  );
}
