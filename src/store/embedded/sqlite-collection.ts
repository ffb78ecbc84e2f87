import type {
  CollectionSpec,
  CountedGroup,
  DocumentCollection,
  Filter,
  FindOptions,
  IndexSpec,
  StoredDocument,
  UpdateSpec,
} from '../documents.js';
import { decodeDocument, encodeDocument } from './document-codec.js';
import { applyUpdate, checkIndexedFields, matcherOf, project, upsertedDocument } from './document-rules.js';
import type { ReadMemo } from './read-memo.js';
import { fieldExpression, type SqlWhere, translateFilter } from './sql-filter.js';
import { isUniqueViolation, type SqliteConnection, type SqliteStatement } from './sqlite-driver.js';

export const quoteName = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The stored document, or, when only some fields are wanted, just the top-level fields they lie in, cut
 * out by SQLite: decoding a whole ask with its history costs far more than the few fields a list shows.
 * A field keeps its JSON kind (json_each marks objects and arrays as JSON); a missing one stays missing.
 * Nested paths are cut to size afterwards by `project`.
 */
function documentColumn(fields: readonly string[] | undefined): string {
  if (!fields?.length) return 'doc';
  const topLevel = new Set(['_id', ...fields.map((path) => path.split('.')[0] as string)]);
  const keys = [...topLevel].map(quoteText).join(', ');
  // json_each gives true and false as 1 and 0; json() turns its type's name back into JSON.
  const value = `CASE WHEN type IN ('true', 'false') THEN json(type) ELSE value END`;
  return `(SELECT json_group_object(key, ${value}) FROM json_each(doc) WHERE key IN (${keys})) AS doc`;
}

/** Our indexes are named after their table, so the ones no longer declared can be found and dropped. */
const indexName = (table: string, index: IndexSpec) =>
  `${table}/${index.unique ? 'unique:' : ''}${index.fields.join(',')}`;

export const createTable = (db: SqliteConnection, name: string) =>
  db.exec(`CREATE TABLE IF NOT EXISTS ${quoteName(name)} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);

/** Creates the collection's table and its declared indexes, dropping those an earlier version declared. */
export function createCollectionTable(
  db: SqliteConnection,
  spec: CollectionSpec,
  indexes: IndexSpec[],
): void {
  const table = quoteName(spec.name);
  createTable(db, spec.name);
  const wanted = new Set(indexes.map((index) => indexName(spec.name, index)));
  const present = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE ?`)
    .all(spec.name, `${spec.name}/%`)
    .map((row) => row.name as string);
  for (const name of present) if (!wanted.has(name)) db.exec(`DROP INDEX ${quoteName(name)}`);
  for (const index of indexes) {
    const columns = index.fields.map(fieldExpression).join(', ');
    const unique = index.unique ? 'UNIQUE ' : '';
    db.exec(
      `CREATE ${unique}INDEX IF NOT EXISTS ${quoteName(indexName(spec.name, index))} ON ${table} (${columns})`,
    );
  }
}

/** Runs `work` in one write transaction: the read and the write it makes cannot be split by a crash. */
export function inTransaction<T>(db: SqliteConnection, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

type D = StoredDocument;

interface Row {
  _id: string;
  doc: D;
}

/**
 * One collection as one table: `_id` and the document as JSON text. Its reads are answered from `memo`
 * until the next write to the table, each caller getting a copy it may change.
 */
export function sqliteCollection<T extends StoredDocument>(
  db: SqliteConnection,
  name: string,
  indexes: IndexSpec[],
  memo: ReadMemo,
): DocumentCollection<T> {
  const table = quoteName(name);
  const indexedPaths = [...new Set(indexes.flatMap((index) => index.fields))];
  const indexed = new Set(indexedPaths);
  const statements = new Map<string, SqliteStatement>();
  const statement = (sql: string) => {
    let prepared = statements.get(sql);
    if (prepared === undefined) {
      prepared = db.prepare(sql);
      statements.set(sql, prepared);
    }
    return prepared;
  };
  const orderBy = (sort: FindOptions['sort']) =>
    sort && Object.keys(sort).length > 0
      ? ` ORDER BY ${Object.entries(sort)
          .map(([path, direction]) => `${fieldExpression(path)} ${direction === 1 ? 'ASC' : 'DESC'}`)
          .join(', ')}`
      : '';

  /**
   * The matching documents in order, skip and limit applied, cut to `fields`; in SQL whenever the filter
   * is all SQL (which cuts top-level fields too).
   */
  function* select(filter: Filter, options: FindOptions): Generator<Row> {
    const where = translateFilter(filter, indexed);
    const skip = options.skip ?? 0;
    const limit = options.limit || Number.POSITIVE_INFINITY;
    const fields = options.fields?.length ? options.fields : undefined;
    if (where.exact) {
      const page = Number.isFinite(limit) || skip > 0 ? ' LIMIT ? OFFSET ?' : '';
      const params = page ? [...where.params, Number.isFinite(limit) ? limit : -1, skip] : where.params;
      const sql = `SELECT _id, ${documentColumn(fields)} FROM ${table} WHERE ${where.sql}${orderBy(options.sort)}${page}`;
      const nested = fields?.some((path) => path.includes('.')) ?? false;
      for (const row of statement(sql).iterate(...params)) {
        const doc = decodeDocument<D>(row.doc as string);
        yield { _id: row._id as string, doc: nested ? project(doc, fields as string[]) : doc };
      }
      return;
    }
    const matches = matcherOf(filter);
    let skipped = 0;
    let taken = 0;
    const candidates = statement(
      `SELECT _id, doc FROM ${table} WHERE ${where.sql}${orderBy(options.sort)}`,
    ).iterate(...where.params);
    for (const row of candidates) {
      if (taken >= limit) return;
      const doc = decodeDocument<D>(row.doc as string);
      if (!matches(doc)) continue;
      if (skipped < skip) skipped += 1;
      else {
        taken += 1;
        yield { _id: row._id as string, doc: fields ? project(doc, fields) : doc };
      }
    }
  }

  const firstMatch = (filter: Filter): Row | undefined => {
    // Leaving the loop closes the statement's cursor, which the connection needs for its next statement.
    for (const row of select(filter, { limit: 1 })) return row;
    return undefined;
  };
  const docsOf = (filter: Filter, options: FindOptions) =>
    [...select(filter, options)].map((row) => row.doc as T);
  const countExact = (where: SqlWhere) =>
    Number(statement(`SELECT count(*) AS n FROM ${table} WHERE ${where.sql}`).get(...where.params)?.n ?? 0);
  const count = (filter: Filter) => {
    const where = translateFilter(filter, indexed);
    if (where.exact) return countExact(where);
    let n = 0;
    for (const _ of select(filter, {})) n += 1;
    return n;
  };
  const one = () => 1;

  function write(doc: D): string {
    // Before the write: a transaction reads only before it writes, so nothing read is kept past a change.
    memo.forget();
    if (typeof doc._id !== 'string') throw new Error(`${name}: the embedded store needs a string _id`);
    checkIndexedFields(name, doc, indexedPaths);
    return encodeDocument(doc);
  }
  const insert = (doc: D) =>
    statement(`INSERT INTO ${table} (_id, doc) VALUES (?, ?)`).run(doc._id, write(doc));
  const replace = (id: string, doc: D) =>
    statement(`UPDATE ${table} SET doc = ? WHERE _id = ?`).run(write({ ...doc, _id: id }), id);

  /** Applies `update` to the first match in one transaction; the document afterwards, or null. */
  const updateFirst = (filter: Filter, update: UpdateSpec): D | null =>
    inTransaction(db, () => {
      const found = firstMatch(filter);
      if (found === undefined) return null;
      applyUpdate(found.doc, update);
      replace(found._id, found.doc);
      return found.doc;
    });

  return {
    async findOne(filter: Filter) {
      return memo.answer('findOne', [filter], () => (firstMatch(filter)?.doc as T | undefined) ?? null, one);
    },
    async find(filter: Filter, options: FindOptions = {}) {
      return memo.answer(
        'find',
        [filter, options],
        () => docsOf(filter, options),
        (docs) => docs.length,
      );
    },
    async count(filter: Filter) {
      return memo.answer('count', [filter], () => count(filter), one);
    },
    async findPage(filter, options) {
      const page = () => {
        const where = translateFilter(filter, indexed);
        if (where.exact) return { docs: docsOf(filter, options), total: countExact(where) };
        const all = docsOf(filter, { ...options, skip: 0, limit: 0 });
        return { docs: all.slice(options.skip, options.skip + options.limit), total: all.length };
      };
      return memo.answer('findPage', [filter, options], page, (answer) => answer.docs.length);
    },
    async countBy(fields: string[]) {
      // A field's JSON text groups values of every kind apart (true from 1); a missing field counts as null.
      const keys = fields.map((f, i) => `coalesce(doc -> '$.${f}', 'null') AS k${i}`);
      const groupBy = fields.map((_, i) => `k${i}`).join(', ');
      for (const field of fields) fieldExpression(field);
      const rows = statement(
        `SELECT ${keys.join(', ')}, count(*) AS n FROM ${table} GROUP BY ${groupBy}`,
      ).all();
      return rows.map(
        (row): CountedGroup => ({
          values: Object.fromEntries(fields.map((f, i) => [f, decodeDocument(row[`k${i}`] as string)])),
          count: Number(row.n),
        }),
      );
    },
    async insertOne(doc: T) {
      try {
        insert(doc);
        return 'inserted';
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
    },
    async replaceOne(filter: Filter, doc: T) {
      return inTransaction(db, () => {
        const found = firstMatch(filter);
        if (found === undefined) return 0;
        replace(found._id, doc);
        return 1;
      });
    },
    async updateOne(filter: Filter, update: UpdateSpec) {
      return updateFirst(filter, update) === null ? 0 : 1;
    },
    async upsertAndGet(filter: Filter, update: UpdateSpec) {
      return inTransaction(db, () => {
        const found = firstMatch(filter);
        if (found === undefined) {
          const created = upsertedDocument<D>(filter, update);
          insert(created);
          return created as T;
        }
        applyUpdate(found.doc, update);
        replace(found._id, found.doc);
        return found.doc as T;
      });
    },
    async claimOne(filter: Filter, update: UpdateSpec) {
      return updateFirst(filter, update) as T | null;
    },
    async deleteMany(filter: Filter) {
      memo.forget();
      const where = translateFilter(filter, indexed);
      if (where.exact)
        return Number(statement(`DELETE FROM ${table} WHERE ${where.sql}`).run(...where.params).changes);
      return inTransaction(db, () => {
        const ids = [...select(filter, {})].map((row) => row._id);
        const remove = statement(`DELETE FROM ${table} WHERE _id = ?`);
        for (const id of ids) remove.run(id);
        return ids.length;
      });
    },
  };
}
