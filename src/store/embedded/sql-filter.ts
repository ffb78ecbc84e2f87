import type { Filter } from '../documents.js';
import { sqlTypesOf, toSqlValue } from './document-codec.js';
import type { SqlValue } from './sqlite-driver.js';

/** A WHERE clause that selects a superset of a filter's matches; `exact` when it selects exactly them. */
export interface SqlWhere {
  sql: string;
  params: SqlValue[];
  exact: boolean;
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The SQL expression of a document field: the same text in an index and a query, so SQLite uses one for the other. */
export function fieldExpression(path: string): string {
  if (path === '_id') return '_id';
  if (!PATH.test(path)) throw new Error(`not a field path the embedded store can use: ${path}`);
  return `json_extract(doc, '$.${path}')`;
}

const NOTHING: SqlWhere = { sql: '1', params: [], exact: true };

/**
 * Translates the conditions on `_id` and on indexed fields (which hold scalars: see scalarIndexedFields)
 * into SQL; the rest is left to the exact matcher, and the result then is not `exact`.
 */
export function translateFilter(filter: Filter, indexed: ReadonlySet<string>): SqlWhere {
  const parts: SqlWhere[] = [];
  let exact = true;
  for (const [key, condition] of Object.entries(filter)) {
    const part =
      key === '$or'
        ? translateOr(condition, indexed)
        : key === '_id' || indexed.has(key)
          ? translateField(fieldExpression(key), condition, key === '_id')
          : narrowUnindexed(key, condition);
    if (part === null) exact = false;
    else {
      parts.push(part);
      exact &&= part.exact;
    }
  }
  return combine(parts, ' AND ', exact);
}

/**
 * An equality on a top-level field that is not indexed still narrows the rows decoded: SQLite compares
 * the field inside the JSON text. The field may hold an array (membership then decides), so an array
 * passes too, and the matcher has the last word.
 */
function narrowUnindexed(key: string, condition: unknown): SqlWhere | null {
  if (key.includes('.') || key.startsWith('$') || !PATH.test(key)) return null;
  const value = toSqlValue(condition);
  if (value === undefined) return null;
  const { sql, params } = equals(fieldExpression(key), value);
  return { sql: `${sql} OR json_type(doc, '$.${key}') = 'array'`, params, exact: false };
}

function combine(parts: SqlWhere[], operator: string, exact: boolean): SqlWhere {
  if (parts.length === 0) return { ...NOTHING, exact };
  return {
    sql: parts.map((p) => `(${p.sql})`).join(operator),
    params: parts.flatMap((p) => p.params),
    exact,
  };
}

function translateOr(branches: unknown, indexed: ReadonlySet<string>): SqlWhere | null {
  if (!Array.isArray(branches) || branches.length === 0) return null;
  const translated = branches.map((branch) => translateFilter(branch as Filter, indexed));
  // A branch that narrows nothing makes the whole $or narrow nothing.
  if (translated.some((t) => t.params.length === 0 && t.sql === NOTHING.sql)) return null;
  return combine(
    translated,
    ' OR ',
    translated.every((t) => t.exact),
  );
}

function translateField(expression: string, condition: unknown, isId: boolean): SqlWhere | null {
  const value = toSqlValue(condition);
  if (value !== undefined) return equals(expression, value);
  if (!isOperatorObject(condition)) return null;
  const parts: SqlWhere[] = [];
  let exact = true;
  for (const [operator, operand] of Object.entries(condition)) {
    const part = translateOperator(expression, operator, operand, isId);
    if (part === null) exact = false;
    else parts.push(part);
  }
  return parts.length === 0 ? null : combine(parts, ' AND ', exact);
}

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value).every((key) => key.startsWith('$'));

const equals = (expression: string, value: SqlValue): SqlWhere =>
  value === null
    ? { sql: `${expression} IS NULL`, params: [], exact: true }
    : { sql: `${expression} = ?`, params: [value], exact: true };

const RANGE: Record<string, string> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };

function translateOperator(
  expression: string,
  operator: string,
  operand: unknown,
  isId: boolean,
): SqlWhere | null {
  const value = toSqlValue(operand);
  const comparison = RANGE[operator];
  if (comparison !== undefined) {
    if (value === undefined || value === null) return null;
    // MongoDB compares only values of one kind (a date bound never matches a string).
    const kinds = sqlTypesOf(value).map((kind) => `'${kind}'`);
    return {
      sql: `${expression} ${comparison} ? AND typeof(${expression}) IN (${kinds})`,
      params: [value],
      exact: true,
    };
  }
  if (operator === '$ne' && value !== undefined) {
    return value === null
      ? { sql: `${expression} IS NOT NULL`, params: [], exact: true }
      : { sql: `${expression} IS NOT ?`, params: [value], exact: true };
  }
  if (operator === '$in' && Array.isArray(operand)) return translateIn(expression, operand);
  if (operator === '$exists' && typeof operand === 'boolean') {
    if (isId) return operand ? NOTHING : { sql: '0', params: [], exact: true };
    const type = expression.replace(/^json_extract/, 'json_type');
    return { sql: `${type} IS ${operand ? 'NOT ' : ''}NULL`, params: [], exact: true };
  }
  return null;
}

function translateIn(expression: string, operands: unknown[]): SqlWhere | null {
  const values = operands.map(toSqlValue);
  if (values.some((v) => v === undefined)) return null;
  const present = values.filter((v): v is string | number => v !== null && v !== undefined);
  // One statement for any number of values: the list travels as one JSON parameter.
  const listed = `${expression} IN (SELECT value FROM json_each(?))`;
  const sql = values.includes(null) ? `${expression} IS NULL OR ${listed}` : listed;
  return { sql, params: [JSON.stringify(present)], exact: true };
}
