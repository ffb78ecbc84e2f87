/**
 * Query shapes: what a MongoDB command asks of a collection, without its values (the field names, the
 * kind of operator on each, the sort), so they can be checked against the indexes the adapter creates
 * (./mongo-index-rules.ts). Recorded during the test run by ./mongo-command-recorder.ts.
 */

/** eq and in bound an index key to points; range, ne and exists to intervals; other is not used for bounds. */
export type OperatorKind = 'eq' | 'in' | 'range' | 'ne' | 'exists' | 'other';

export interface FilterShape {
  /** Field -> operator kind, fields sorted by name. */
  fields: Record<string, OperatorKind>;
  /** The branches of a top-level $or (each combined with `fields` by MongoDB). */
  or?: FilterShape[];
}

export type Operation = 'find' | 'update' | 'delete' | 'findAndModify' | 'count' | 'aggregate';

export interface QueryShape {
  collection: string;
  operation: Operation;
  filter: FilterShape;
  sort: [field: string, direction: 1 | -1][];
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);
/** The stronger kind wins when a field has several operators ({$gte, $lte} is a range). */
const STRENGTH: OperatorKind[] = ['eq', 'in', 'range', 'ne', 'exists', 'other'];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  Object.getPrototypeOf(value) === Object.prototype;

function operatorKind(value: unknown): OperatorKind {
  if (!isPlainObject(value)) return 'eq';
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return 'eq'; // a whole sub-document
  const kinds = keys.map((op): OperatorKind => {
    if (op === '$eq') return 'eq';
    if (op === '$in') return 'in';
    if (RANGE_OPERATORS.has(op)) return 'range';
    if (op === '$ne' || op === '$nin') return 'ne';
    if (op === '$exists') return 'exists';
    return 'other';
  });
  return STRENGTH.find((kind) => kinds.includes(kind)) ?? 'other';
}

export function filterShape(filter: unknown): FilterShape {
  const fields: Record<string, OperatorKind> = {};
  const or: FilterShape[] = [];
  for (const [key, value] of Object.entries(isPlainObject(filter) ? filter : {})) {
    if (key === '$or' && Array.isArray(value)) or.push(...value.map(filterShape));
    else if (key === '$and' && Array.isArray(value)) {
      for (const part of value.map(filterShape)) {
        Object.assign(fields, part.fields);
        if (part.or) or.push(...part.or);
      }
    } else fields[key] = key.startsWith('$') ? 'other' : operatorKind(value);
  }
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
  const branches = [...new Map(or.map((b) => [formatFilter(b), b])).values()];
  return branches.length > 0 ? { fields: sorted, or: branches } : { fields: sorted };
}

/** The driver sends a find's sort as a Map, a pipeline's $sort as an object. */
function sortShape(sort: unknown): QueryShape['sort'] {
  const entries = sort instanceof Map ? [...sort.entries()] : isPlainObject(sort) ? Object.entries(sort) : [];
  return entries.map(([field, dir]) => [field, dir === -1 || dir === 'desc' ? -1 : 1]);
}

/** `workspace.T123.asks` -> `asks`: every workspace's collections have the same indexes. */
export const baseCollectionName = (name: string): string => name.replace(/^workspace\.[^.]+\./, '');

/** The query shapes of one command as the driver sends it (none for inserts, index builds, pings...). */
export function shapesOfCommand(name: string, command: Record<string, unknown>): QueryShape[] {
  const collection = baseCollectionName(String(command[name] ?? ''));
  const shape = (operation: Operation, filter: unknown, sort?: unknown): QueryShape => ({
    collection,
    operation,
    filter: filterShape(filter),
    sort: sortShape(sort),
  });
  const statements = (key: string) =>
    Array.isArray(command[key]) ? (command[key] as { q?: unknown }[]) : [];
  switch (name) {
    case 'find':
      return [shape('find', command.filter, command.sort)];
    case 'update':
      return statements('updates').map((u) => shape('update', u.q));
    case 'delete':
      return statements('deletes').map((d) => shape('delete', d.q));
    case 'findAndModify':
      return [shape('findAndModify', command.query, command.sort)];
    case 'count':
      return [shape('count', command.query)];
    case 'aggregate':
      return [aggregateShape(collection, command.pipeline)];
    default:
      return [];
  }
}

/** A pipeline's leading $match and the $sort after it: what an index can serve. */
function aggregateShape(collection: string, pipeline: unknown): QueryShape {
  const stages = Array.isArray(pipeline) ? (pipeline as Record<string, unknown>[]) : [];
  let next = 0;
  const match = stages[next]?.$match;
  if (match !== undefined) next += 1;
  const sort = stages[next]?.$sort;
  return { collection, operation: 'aggregate', filter: filterShape(match ?? {}), sort: sortShape(sort) };
}

export function formatFilter(filter: FilterShape): string {
  const parts = Object.entries(filter.fields).map(([field, kind]) => `${field}: ${kind}`);
  if (filter.or) parts.push(`$or: [${filter.or.map(formatFilter).join(' | ')}]`);
  return `{${parts.join(', ')}}`;
}

/** e.g. `asks: find {partnershipId: eq, status: in} sort {createdAt: -1, number: -1}` */
export function formatShape(shape: QueryShape): string {
  const sort = shape.sort.length
    ? ` sort {${shape.sort.map(([field, dir]) => `${field}: ${dir}`).join(', ')}}`
    : '';
  return `${shape.collection}: ${shape.operation} ${formatFilter(shape.filter)}${sort}`;
}
