/**
 * The small document-store surface both adapters implement (MongoDB and the embedded SQLite).
 * Repositories are written once against it, so both stores behave the same by construction and the
 * contract suite checks the adapters rather than two copies of every query.
 * Filters and updates use a MongoDB operator subset, with MongoDB's semantics on both stores.
 */
export type Filter = Record<string, unknown>;

export interface UpdateSpec {
  $set?: Record<string, unknown>;
  $unset?: Record<string, true>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  limit?: number;
  skip?: number;
  /** Only these fields (dotted paths allowed) and `_id`: less to copy out of the store. */
  fields?: readonly string[];
}

export interface IndexSpec {
  fields: string[];
  unique?: boolean;
  /**
   * False skips the index on the embedded store, for a field inside an array: SQLite indexes one value
   * per document, while MongoDB indexes every element. Indexed fields there must hold scalars or dates.
   */
  embedded?: boolean;
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
}

export interface StoredDocument {
  _id: string;
}

export interface Page<D> {
  docs: D[];
  total: number;
}

export interface DocumentCollection<D extends StoredDocument> {
  findOne(filter: Filter): Promise<D | null>;
  find(filter: Filter, options?: FindOptions): Promise<D[]>;
  count(filter: Filter): Promise<number>;
  /** One page of the documents matching `filter`, and how many match in all. */
  findPage(filter: Filter, options: FindOptions & { skip: number; limit: number }): Promise<Page<D>>;
  /**
   * Counts every document of the collection per distinct combination of the values of top-level
   * `fields`, in one query (a missing field counts as null); combinations without documents are absent.
   */
  countBy(fields: string[]): Promise<CountedGroup[]>;
  /** 'duplicate' when a unique index (or _id) already holds the value. */
  insertOne(doc: D): Promise<'inserted' | 'duplicate'>;
  /** Replaces the one document matching `filter`; returns how many matched (0 or 1). */
  replaceOne(filter: Filter, doc: D): Promise<number>;
  /** Applies `update` to the first document matching `filter`; returns how many matched (0 or 1). */
  updateOne(filter: Filter, update: UpdateSpec): Promise<number>;
  /** Atomically applies `update` to the matching document, creating it when missing; returns it afterwards. */
  upsertAndGet(filter: Filter, update: UpdateSpec): Promise<D>;
  /**
   * Atomically applies `update` to one document matching `filter` and returns it afterwards, or null
   * when none matches. Two callers racing for the same document never both get it.
   */
  claimOne(filter: Filter, update: UpdateSpec): Promise<D | null>;
  deleteMany(filter: Filter): Promise<number>;
}

export interface CountedGroup {
  /** The value of each field, by field name. */
  values: Record<string, unknown>;
  count: number;
}

export interface DocumentDatabase {
  readonly kind: 'mongo' | 'embedded';
  collection<D extends StoredDocument>(spec: CollectionSpec): Promise<DocumentCollection<D>>;
  /** The names of the collections the store holds, sorted (for moving data between stores). */
  collectionNames(): Promise<string[]>;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

interface Cursor<C> {
  sort(sort: Record<string, 1 | -1>): C;
  skip(n: number): C;
  limit(n: number): C;
}

/** The fields of a find as a MongoDB projection; `{}` (everything) when none are named. */
export const projectionOf = (options: FindOptions): Record<string, 1> =>
  Object.fromEntries((options.fields ?? []).map((f) => [f, 1 as const]));

/** Applies sort, skip and limit in that order to a MongoDB cursor. */
export function withFindOptions<C extends Cursor<C>>(cursor: C, options: FindOptions): C {
  let c = cursor;
  if (options.sort) c = c.sort(options.sort);
  if (options.skip) c = c.skip(options.skip);
  if (options.limit) c = c.limit(options.limit);
  return c;
}

/** Runs an insert, turning the driver's unique-index violation into the value 'duplicate'. */
export async function insertOrDuplicate(
  insert: () => Promise<unknown>,
  isDuplicate: (error: unknown) => boolean,
): Promise<'inserted' | 'duplicate'> {
  try {
    await insert();
    return 'inserted';
  } catch (error) {
    if (isDuplicate(error)) return 'duplicate';
    throw error;
  }
}
