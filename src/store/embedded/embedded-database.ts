import { access, constants, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as NedbModule from '@seald-io/nedb';
import type {
  CollectionSpec,
  CountedGroup,
  DocumentCollection,
  DocumentDatabase,
  Filter,
  FindOptions,
  IndexSpec,
  StoredDocument,
  UpdateSpec,
} from '../documents.js';
import { insertOrDuplicate, projectionOf, withFindOptions } from '../documents.js';
import { lockDataDir } from './data-dir-lock.js';

// NeDB is CommonJS (`module.exports = Datastore`) while its typings declare a default export, which
// NodeNext resolves one level too deep; requiring it gives the class with the right type.
const Datastore = createRequire(import.meta.url)('@seald-io/nedb') as typeof NedbModule.default.default;
type Datastore = InstanceType<typeof Datastore>;

/** A collection's file in DATA_DIR is its name with this suffix. */
const DATA_FILE = '.db';

/**
 * Embedded adapter on NeDB: one append-only file per collection in DATA_DIR. A write resolves only
 * after its line is appended to the file, so an acknowledged write survives SIGKILL.
 * NeDB serialises operations per datastore, which makes each single-document update atomic within
 * this one process; the data-dir lock keeps every other process out.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<DocumentDatabase> {
  const lock = lockDataDir(dataDir);
  const stores: Datastore[] = [];
  return {
    kind: 'embedded',
    async collection<D extends StoredDocument>(spec: CollectionSpec) {
      const store = new Datastore({ filename: join(dataDir, `${spec.name}${DATA_FILE}`) });
      await store.loadDatabaseAsync();
      const declared = spec.indexes.filter((i) => i.embedded !== false);
      for (const index of declared) await ensureIndex(store, index);
      // NeDB keeps the indexes a data file ever had; one no longer declared would still be chosen
      // for queries (and kept up to date on every write), so it is dropped.
      const wanted = new Set(['_id', ...declared.map(indexName)]);
      // `indexes` is NeDB's own field, missing from its type declarations.
      const present = Object.keys((store as unknown as { indexes: Record<string, unknown> }).indexes);
      for (const name of present) {
        if (!wanted.has(name)) await store.removeIndexAsync(name);
      }
      stores.push(store);
      return embeddedCollection<D>(
        store,
        declared.filter((i) => i.unique !== true),
      );
    },
    async collectionNames() {
      const files = await readdir(dataDir);
      return files
        .filter((file) => file.endsWith(DATA_FILE))
        .map((file) => file.slice(0, -DATA_FILE.length))
        .sort();
    },
    /** Ready while the data folder is there and writable: a lost disk or mount makes /readyz fail. */
    async ping() {
      await access(dataDir, constants.W_OK);
    },
    async close() {
      // Compacting on close keeps the append-only files from growing without end across restarts.
      await Promise.all(stores.map((store) => store.compactDatafileAsync()));
      lock.release();
    },
  };
}

/** NeDB names a compound index by its fields in sorted order. */
const indexName = (index: IndexSpec) => [...index.fields].sort().join(',');

async function ensureIndex(store: Datastore, index: IndexSpec): Promise<void> {
  const fieldName = index.fields.length === 1 ? (index.fields[0] as string) : index.fields;
  await store.ensureIndexAsync({ fieldName, unique: index.unique ?? false });
}

/** From this many documents on, a deletion drops the non-unique indexes and builds them again after. */
const BULK_DELETE = 100;

const isUniqueViolation = (error: unknown) =>
  (error as { errorType?: string } | null)?.errorType === 'uniqueViolated';

function embeddedCollection<D extends StoredDocument>(
  store: Datastore,
  rebuildable: IndexSpec[],
): DocumentCollection<D> {
  return {
    async findOne(filter: Filter) {
      return (await store.findOneAsync(filter)) as D | null;
    },
    async find(filter: Filter, options: FindOptions = {}) {
      const cursor = withFindOptions(store.findAsync(filter, projectionOf(options)), options);
      return (await cursor) as unknown as D[];
    },
    count: async (filter: Filter) => (await store.countAsync(filter)) as unknown as number,
    async findPage(filter, options) {
      // One pass over the matches, sorted, then cut: NeDB would match them all a second time to count them.
      const { skip, limit, ...unpaged } = options;
      const sorted = withFindOptions(store.findAsync(filter, projectionOf(options)), unpaged);
      const all = (await sorted) as unknown as D[];
      return { docs: all.slice(skip, skip + limit), total: all.length };
    },
    async countBy(fields: string[]) {
      // NeDB has no aggregation: one pass over the projected fields (kept in memory anyway), tallied here.
      const projection = Object.fromEntries([...fields.map((f) => [f, 1]), ['_id', 0]]);
      const docs = (await store.findAsync({}, projection)) as unknown as Record<string, unknown>[];
      const groups = new Map<string, CountedGroup>();
      for (const doc of docs) {
        const values = Object.fromEntries(fields.map((f) => [f, doc[f] ?? null]));
        const key = JSON.stringify(fields.map((f) => values[f]));
        const group = groups.get(key) ?? { values, count: 0 };
        group.count += 1;
        groups.set(key, group);
      }
      return [...groups.values()];
    },
    insertOne: (doc: D) => insertOrDuplicate(() => store.insertAsync(doc), isUniqueViolation),
    async replaceOne(filter: Filter, doc: D) {
      return (await store.updateAsync(filter, doc, {})).numAffected;
    },
    async updateOne(filter: Filter, update: UpdateSpec) {
      return (await store.updateAsync(filter, update, {})).numAffected;
    },
    async upsertAndGet(filter: Filter, update: UpdateSpec) {
      const result = await store.updateAsync(filter, update, { upsert: true, returnUpdatedDocs: true });
      return result.affectedDocuments as unknown as D;
    },
    async claimOne(filter: Filter, update: UpdateSpec) {
      // NeDB runs one operation at a time, so the match and the update cannot interleave with another.
      const result = await store.updateAsync(filter, update, { returnUpdatedDocs: true, multi: false });
      return result.numAffected === 0 ? null : (result.affectedDocuments as unknown as D);
    },
    async deleteMany(filter: Filter) {
      if ((await store.countAsync(filter)) < BULK_DELETE) return store.removeAsync(filter, { multi: true });
      // NeDB takes a document out of an index by copying the list of every document sharing its key, so
      // deleting many that share one (closed follow-ups all have no next reminder) is quadratic: minutes
      // for tens of thousands. Without those indexes it is linear, and building them again is one pass.
      // Queries meanwhile scan; unique indexes stay, so no duplicate can slip in.
      for (const index of rebuildable) await store.removeIndexAsync(indexName(index));
      try {
        return await store.removeAsync(filter, { multi: true });
      } finally {
        for (const index of rebuildable) await ensureIndex(store, index);
      }
    },
  };
}
