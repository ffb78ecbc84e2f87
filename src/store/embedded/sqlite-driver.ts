import { createRequire } from 'node:module';

/** What SQLite takes as a parameter and gives back in a column. */
export type SqlValue = string | number | bigint | null;

export type SqlRow = Record<string, SqlValue>;

export interface SqliteStatement {
  run(...params: SqlValue[]): { changes: number | bigint };
  get(...params: SqlValue[]): SqlRow | undefined;
  all(...params: SqlValue[]): SqlRow[];
  iterate(...params: SqlValue[]): IterableIterator<SqlRow>;
}

/** The part of a synchronous SQLite driver the embedded store uses; both drivers below have it as is. */
export interface SqliteConnection {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  close(): void;
}

export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

export interface SqliteDriver {
  name: SqliteDriverName;
  open(file: string): SqliteConnection;
}

// Node 20 has no node:sqlite, and better-sqlite3 is a native addon built for one Node ABI: node_modules
// built by Node 20 cannot load it on Node 24. Each runtime therefore gets the driver it can load.
const NODE_SQLITE = 'node:sqlite';

async function loadNodeSqlite(): Promise<SqliteDriver | null> {
  try {
    // A variable specifier: the Node 20 type declarations know no such module.
    const { DatabaseSync, StatementSync } = (await import(NODE_SQLITE)) as {
      DatabaseSync: new (file: string) => SqliteConnection;
      StatementSync: { prototype: Partial<SqliteStatement> };
    };
    // Statements can iterate from Node 22.13 on (before, node:sqlite also needed a flag).
    if (typeof StatementSync.prototype.iterate !== 'function') return null;
    return { name: 'node:sqlite', open: (file) => new DatabaseSync(file) };
  } catch {
    return null;
  }
}

function loadBetterSqlite3(): SqliteDriver {
  const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => SqliteConnection;
  return { name: 'better-sqlite3', open: (file) => new Database(file) };
}

let chosen: Promise<SqliteDriver> | undefined;

/** node:sqlite where the runtime has it (Node 22.13 and later), else better-sqlite3. */
export function sqliteDriver(): Promise<SqliteDriver> {
  chosen ??= loadNodeSqlite().then((driver) => driver ?? loadBetterSqlite3());
  return chosen;
}

/** Both drivers report a unique index or primary key violation with SQLite's own message. */
export const isUniqueViolation = (error: unknown): boolean =>
  error instanceof Error && error.message.includes('UNIQUE constraint failed');
