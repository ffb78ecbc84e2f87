import fc from 'fast-check';
import { Query } from 'mingo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  DocumentCollection,
  DocumentDatabase,
  Filter,
  StoredDocument,
} from '../../../src/store/documents.js';
import { openDocumentDatabase } from '../../../src/store/open-store.js';
import { tempDataDir } from '../../support/stores.js';

// The embedded store narrows a query in SQL and, when SQL cannot say everything, decides with MongoDB's
// rules in memory. Whatever the path, its answers must be MongoDB's: checked here against mingo's
// reading of the same filter over all documents, on generated documents and filters.

interface Thing extends StoredDocument {
  s?: string | number | null;
  n?: number | null;
  d?: Date | null;
  b?: boolean | null;
  x?: { y?: number | null };
  tags?: string[];
}

const FIELDS = {
  s: ['a', 'b', 'c'],
  n: [1, 2, 3.5],
  d: [0, 1, 2].map((i) => new Date(Date.UTC(2026, 0, 1 + i))),
};
const absentOrNullOr = <T>(values: fc.Arbitrary<T>) =>
  fc.oneof(fc.constant(undefined), fc.constant(null), values, values);

const aThing = (id: number) =>
  fc
    .record({
      // Strings mostly, numbers at times: a range of one kind must not match the other.
      s: absentOrNullOr(fc.constantFrom<string | number>(...FIELDS.s, ...FIELDS.s, 2)),
      n: absentOrNullOr(fc.constantFrom(...FIELDS.n)),
      d: absentOrNullOr(fc.constantFrom(...FIELDS.d)),
      b: absentOrNullOr(fc.boolean()),
      y: absentOrNullOr(fc.constantFrom(...FIELDS.n)),
      tags: fc.subarray(['red', 'blue', 'green']),
    })
    .map(({ y, ...fields }): Thing => {
      const thing: Thing = { _id: `t${String(id).padStart(3, '0')}`, tags: fields.tags };
      for (const key of ['s', 'n', 'd', 'b'] as const)
        if (fields[key] !== undefined) Object.assign(thing, { [key]: fields[key] });
      if (y !== undefined) thing.x = { y };
      return thing;
    });

const things = fc
  .integer({ min: 0, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => aThing(i))));

const valuesOf = (field: string): fc.Arbitrary<unknown> =>
  field === 's'
    ? fc.constantFrom(...FIELDS.s)
    : field === 'd'
      ? fc.constantFrom(...FIELDS.d)
      : field === 'b'
        ? fc.boolean()
        : fc.constantFrom(...FIELDS.n);

const condition = (field: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    valuesOf(field),
    fc.constant(null),
    fc.record({ $in: fc.array(fc.oneof(valuesOf(field), fc.constant(null)), { maxLength: 3 }) }),
    fc.record({ $ne: fc.oneof(valuesOf(field), fc.constant(null)) }),
    fc.record({ $exists: fc.boolean() }),
    fc
      .tuple(fc.constantFrom('$lt', '$lte', '$gt', '$gte'), valuesOf(field))
      .map(([operator, value]) => ({ [operator]: value })),
    fc.tuple(valuesOf(field), valuesOf(field)).map(([low, high]) => ({ $gte: low, $lt: high })),
  );

const PATHS = { s: 's', n: 'n', d: 'd', b: 'b', y: 'x.y' };
const conjunction: fc.Arbitrary<Filter> = fc
  .subarray(Object.keys(PATHS) as (keyof typeof PATHS)[], { minLength: 1, maxLength: 3 })
  .chain((fields) =>
    fc.tuple(...fields.map((f) => condition(f === 'y' ? 'n' : f).map((c) => [PATHS[f], c] as const))),
  )
  .map((entries) => Object.fromEntries(entries));

const aFilter: fc.Arbitrary<Filter> = fc.oneof(
  conjunction,
  // `tags` is not indexed (and an array), nor is `b`: narrowed in SQL as far as is safe, decided in memory.
  fc.tuple(conjunction, fc.constantFrom('red', 'blue')).map(([c, tag]) => ({ ...c, tags: tag })),
  fc.tuple(conjunction, conjunction).map(([a, b]) => ({ $or: [a, b] })),
  fc.tuple(conjunction, fc.constantFrom('red', 'blue')).map(([c, tag]) => ({ $or: [c, { tags: tag }] })),
);

const aSort = fc.constantFrom<Record<string, 1 | -1>>({ s: 1 }, { d: -1 }, { n: 1, d: -1 }, { 'x.y': -1 });

let db: DocumentDatabase;
let things$: DocumentCollection<Thing>;

beforeAll(async () => {
  db = await openDocumentDatabase({ dataDir: tempDataDir() });
  things$ = await db.collection<Thing>({
    name: 'things',
    indexes: [
      { fields: ['s'] },
      { fields: ['n', 'd'] },

      { fields: ['x.y'] },
      { fields: ['d'] },
    ],
  });
});
afterAll(async () => db.close());

async function load(docs: Thing[]) {
  await things$.deleteMany({});
  for (const doc of docs) expect(await things$.insertOne(doc)).toBe('inserted');
}

const ids = (docs: StoredDocument[]) => docs.map((d) => d._id);

describe('embedded store queries', () => {
  it('finds, counts and deletes what MongoDB’s rules match', async () => {
    await fc.assert(
      fc.asyncProperty(things, aFilter, async (docs, filter) => {
        await load(docs);
        const expected = docs.filter((d) => new Query(filter, {}).test(d as never));
        expect(ids(await things$.find(filter)).sort()).toEqual(ids(expected).sort());
        expect(await things$.count(filter)).toBe(expected.length);
        expect(await things$.deleteMany(filter)).toBe(expected.length);
        expect(await things$.count({})).toBe(docs.length - expected.length);
      }),
      { numRuns: 150 },
    );
  });

  it('sorts, skips and limits as MongoDB does, a page and its total alike', async () => {
    await fc.assert(
      fc.asyncProperty(
        things,
        aFilter,
        aSort,
        fc.nat(5),
        fc.integer({ min: 1, max: 6 }),
        async (docs, filter, order, skip, limit) => {
          await load(docs);
          const sort = { ...order, _id: 1 as const };
          const all = new Query(filter, {}).find<Thing>(docs).sort(sort).all();
          expect(ids(await things$.find(filter, { sort, skip, limit }))).toEqual(
            ids(all.slice(skip, skip + limit)),
          );
          const page = await things$.findPage(filter, { sort, skip, limit });
          expect({ ids: ids(page.docs), total: page.total }).toEqual({
            ids: ids(all.slice(skip, skip + limit)),
            total: all.length,
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('returns just the fields asked for, with their kinds, whether SQL or memory decides', async () => {
    // MongoDB refuses a path together with one inside it (x with x.y), so at most one of the two.
    const somePaths = fc
      .tuple(fc.subarray(['s', 'n', 'd', 'b', 'tags']), fc.constantFrom([], ['x'], ['x.y']))
      .map(([top, x]) => [...top, ...x])
      .filter((paths) => paths.length > 0);
    await fc.assert(
      fc.asyncProperty(things, aFilter, somePaths, async (docs, filter, fields) => {
        await load(docs);
        const expected = new Query(filter, {})
          .find<Thing>(docs, { _id: 1, ...Object.fromEntries(fields.map((f) => [f, 1])) })
          .sort({ _id: 1 })
          .all();
        expect(await things$.find(filter, { sort: { _id: 1 }, fields })).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
