import { describe, expect, it } from 'vitest';
import { describeVerdict, mongoIndexesOf, planFor } from '../../support/mongo-index-rules.js';
import {
  filterShape,
  formatShape,
  type QueryShape,
  shapesOfCommand,
} from '../../support/mongo-query-shapes.js';

const indexes = (...fieldLists: string[][]) =>
  mongoIndexesOf({ name: 'c', indexes: fieldLists.map((fields) => ({ fields })) });

const find = (filter: Record<string, unknown>, sort: QueryShape['sort'] = []): QueryShape => ({
  collection: 'c',
  operation: 'find',
  filter: filterShape(filter),
  sort,
});

const verdict = (shape: QueryShape, fieldLists: string[][]) =>
  describeVerdict(planFor(shape, indexes(...fieldLists)));

describe('query shapes', () => {
  it('keep field names and operator kinds, not values, and drop the workspace prefix', () => {
    const [shape] = shapesOfCommand('find', {
      find: 'workspace.T123.asks',
      filter: {
        status: { $in: ['open'] },
        partnershipId: 'p1',
        createdAt: { $gte: new Date(), $lt: new Date() },
      },
      sort: new Map([
        ['createdAt', -1],
        ['number', -1],
      ]),
    });
    expect(formatShape(shape as QueryShape)).toBe(
      'asks: find {createdAt: range, partnershipId: eq, status: in} sort {createdAt: -1, number: -1}',
    );
  });

  it('take each statement of an update and the leading $match of a pipeline', () => {
    const updates = shapesOfCommand('update', {
      update: 'asks',
      updates: [{ q: { _id: 'a', version: 2 }, u: {} }],
    });
    const counted = shapesOfCommand('aggregate', {
      aggregate: 'asks',
      pipeline: [{ $match: { ref: 'X-1' } }, { $group: { _id: 1, n: { $sum: 1 } } }],
    });
    expect([...updates, ...counted].map(formatShape)).toEqual([
      'asks: update {_id: eq, version: eq}',
      'asks: aggregate {ref: eq}',
    ]);
  });
});

describe('the index a query shape can use', () => {
  it('a prefix of a compound index serves the equality fields; a query missing its first key cannot use it', () => {
    expect(verdict(find({ a: 1 }), [['a', 'b']])).toBe('a_1_b_1');
    expect(verdict(find({ b: 1 }), [['a', 'b']])).toBe('collection scan');
  });

  it('a unique point lookup needs no more: other fields are filtered on the one document', () => {
    const shape = find({ _id: 'x', version: 3 }, [['createdAt', 1]]);
    expect(planFor(shape, indexes())).toEqual({ kind: 'index', indexes: ['_id_'], residual: ['version'] });
  });

  it('serves a sort in the index order or all reversed, not mixed', () => {
    expect(
      verdict(
        find({ a: 1 }, [
          ['b', -1],
          ['c', -1],
        ]),
        [['a', 'b', 'c']],
      ),
    ).toBe('a_1_b_1_c_1');
    expect(
      verdict(
        find({ a: 1 }, [
          ['b', 1],
          ['c', -1],
        ]),
        [['a', 'b', 'c']],
      ),
    ).toBe('in-memory sort (after a_1_b_1_c_1)');
    expect(
      verdict(
        find({ a: 1 }, [
          ['b', -1],
          ['c', -1],
        ]),
        [['a', 'b']],
      ),
    ).toBe('in-memory sort (after a_1_b_1)');
  });

  it('wants the range after the sort (ESR): a range before the sort keys leaves the sort in memory', () => {
    const shape = find({ a: 1, r: { $gt: 1 } }, [['s', 1]]);
    expect(verdict(shape, [['a', 'r', 's']])).toBe('in-memory sort (after a_1_r_1_s_1)');
    expect(
      verdict(shape, [
        ['a', 'r', 's'],
        ['a', 's', 'r'],
      ]),
    ).toBe('a_1_s_1_r_1');
  });

  it('a range on the sorted field is served by that field leading the index', () => {
    const shape = find({ at: { $lte: 5 }, state: 'due' }, [['at', 1]]);
    expect(planFor(shape, indexes(['at']))).toEqual({
      kind: 'index',
      indexes: ['at_1'],
      residual: ['state'],
    });
  });

  it('needs an index for each $or branch, unless the fields beside the $or are served already', () => {
    const shape = find({ s: 'pending', $or: [{ x: 1 }, { y: 1 }] }, [['d', 1]]);
    expect(verdict(shape, [['x', 'd']])).toBe('collection scan');
    expect(
      verdict(shape, [
        ['x', 'd'],
        ['y', 'd'],
      ]),
    ).toBe('x_1_d_1 | y_1_d_1');
    expect(verdict(shape, [['x'], ['y']])).toBe('in-memory sort (after x_1 | y_1)');
    expect(verdict(find({ p: 1, $or: [{ x: 1 }, { y: 1 }] }), [['p']])).toBe('p_1');
  });

  it('an empty filter scans the collection', () => {
    expect(verdict(find({}), [['a']])).toBe('collection scan');
  });
});
