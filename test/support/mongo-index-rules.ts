/**
 * Which index MongoDB can serve a query shape with, by its planner's rules: index bounds come from a
 * prefix of the index's keys, equality keys first (E), then the sort keys in order or all reversed (S),
 * then range keys (R); a query whose first index key it does not constrain cannot use that index; a
 * sort the chosen index does not give is done in memory; each $or branch needs an index of its own,
 * unless the fields beside the $or are served by one already.
 */
import type { CollectionSpec } from '../../src/store/documents.js';
import type { FilterShape, OperatorKind, QueryShape } from './mongo-query-shapes.js';

export interface IndexKeys {
  /** MongoDB's default name: `partnershipId_1_number_1`, `_id_`. */
  name: string;
  keys: [field: string, direction: 1 | -1][];
  unique: boolean;
}

export type Verdict =
  | { kind: 'index'; indexes: string[]; residual: string[] }
  | { kind: 'in-memory sort'; indexes: string[]; residual: string[] }
  | { kind: 'collection scan' };

const ID_INDEX: IndexKeys = { name: '_id_', keys: [['_id', 1]], unique: true };
const POINTS = new Set<OperatorKind>(['eq', 'in']);
const INTERVALS = new Set<OperatorKind>(['range', 'ne', 'exists']);

/** The indexes the adapter creates on MongoDB for a collection: `_id` and the spec's. */
export function mongoIndexesOf(spec: CollectionSpec): IndexKeys[] {
  const created = spec.indexes.map((index) => ({
    name: index.fields.map((field) => `${field}_1`).join('_'),
    keys: index.fields.map((field): [string, 1] => [field, 1]),
    unique: index.unique ?? false,
  }));
  return [ID_INDEX, ...created];
}

interface Candidate {
  index: IndexKeys;
  sortServed: boolean;
  score: number[];
}

/** How MongoDB can run `shape` with `indexes`. */
export function planFor(shape: QueryShape, indexes: IndexKeys[]): Verdict {
  const plain = planBranch(shape.filter.fields, shape.sort, indexes);
  if (!shape.filter.or || plain.kind === 'index') return plain;
  const branches = shape.filter.or.map((branch) =>
    planBranch({ ...shape.filter.fields, ...branch.fields }, shape.sort, indexes),
  );
  const byBranch = combineBranches(branches);
  return rank(byBranch) > rank(plain) ? byBranch : plain;
}

const rank = (verdict: Verdict) => ({ index: 2, 'in-memory sort': 1, 'collection scan': 0 })[verdict.kind];

function combineBranches(branches: Verdict[]): Verdict {
  const served = branches.filter(
    (b): b is Exclude<Verdict, { kind: 'collection scan' }> => b.kind !== 'collection scan',
  );
  if (served.length < branches.length) return { kind: 'collection scan' };
  const indexes = served.map((b) => b.indexes.join(' + ')).join(' | ');
  const residual = [...new Set(served.flatMap((b) => b.residual))];
  const kind = served.every((b) => b.kind === 'index') ? 'index' : 'in-memory sort';
  return { kind, indexes: [indexes], residual };
}

function planBranch(fields: FilterShape['fields'], sort: QueryShape['sort'], indexes: IndexKeys[]): Verdict {
  const kindOf = (field: string) => fields[field];
  const isPoint = (field: string) => POINTS.has(kindOf(field) as OperatorKind);
  const isBounded = (field: string) => isPoint(field) || INTERVALS.has(kindOf(field) as OperatorKind);
  const residualFor = (index: IndexKeys) =>
    Object.keys(fields).filter((field) => !index.keys.some(([key]) => key === field));

  // At most one document: the order cannot matter.
  const lookup = indexes.find((index) => index.unique && index.keys.every(([key]) => kindOf(key) === 'eq'));
  if (lookup) return { kind: 'index', indexes: [lookup.name], residual: residualFor(lookup) };

  // Sorting on a field fixed by equality orders nothing.
  const sortNeeded = sort.filter(([field]) => kindOf(field) !== 'eq');
  const candidates: Candidate[] = indexes
    .filter((index) => isBounded(index.keys[0]?.[0] ?? ''))
    .map((index) => {
      let next = 0;
      while (next < index.keys.length && isPoint(index.keys[next]?.[0] ?? '')) next += 1;
      const sortServed = servesSort(index.keys.slice(next), sortNeeded);
      const afterSort = next + (sortServed ? sortNeeded.length : 0);
      const ranged = index.keys.slice(afterSort).filter(([key]) => isBounded(key)).length;
      return { index, sortServed, score: [sortServed ? 1 : 0, next, ranged, -index.keys.length] };
    });
  const best = candidates.sort((a, b) => compareScores(b.score, a.score))[0];
  if (!best) return { kind: 'collection scan' };
  return {
    kind: best.sortServed ? 'index' : 'in-memory sort',
    indexes: [best.index.name],
    residual: residualFor(best.index),
  };
}

/** The keys after the equality prefix start with the sort's fields, in order, all in the index's direction or all reversed. */
function servesSort(keys: IndexKeys['keys'], sort: QueryShape['sort']): boolean {
  if (sort.length === 0) return true;
  if (keys.length < sort.length) return false;
  const flips = sort.map(([field, direction], i) => {
    const [key, keyDirection] = keys[i] ?? ['', 1];
    return key === field ? direction * keyDirection : 0;
  });
  return flips.every((flip) => flip === 1) || flips.every((flip) => flip === -1);
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The table cell for a verdict: the index used, or why none serves the query whole. */
export function describeVerdict(verdict: Verdict): string {
  if (verdict.kind === 'collection scan') return 'collection scan';
  const used = verdict.indexes.join(', ');
  return verdict.kind === 'index' ? used : `in-memory sort (after ${used})`;
}
