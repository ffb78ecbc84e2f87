import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, LogLevel } from '@slack/bolt';
import type { LogLevelName } from './config.js';

const RANK: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Fields = Record<string, unknown>;

/** Fields of the work in progress (the Slack request being handled), carried across awaits. */
const scope = new AsyncLocalStorage<Fields>();

/**
 * Runs `work` with `fields` added to every line any logger writes until it settles, including lines
 * from code that never sees them (listeners, services, the Web API client): how a request's id reaches
 * every line it causes without passing a logger down.
 */
export function withLogFields<T>(fields: Fields, work: () => T): T {
  return scope.run({ ...scope.getStore(), ...fields }, work);
}

/** Structured logger: one JSON object per line, usable as Bolt's logger too. */
export interface AppLogger extends Logger {
  child(fields: Fields): AppLogger;
  event(level: LogLevelName, message: string, fields?: Fields): void;
}

export function createLogger(
  level: LogLevelName,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  base: Fields = {},
  name = 'rapport',
): AppLogger {
  let current = level;
  const emit = (at: LogLevelName, message: string, fields: Fields = {}) => {
    if (RANK[at] < RANK[current]) return;
    const line = { time: new Date().toISOString(), level: at, name, msg: message };
    write(JSON.stringify({ ...line, ...base, ...scope.getStore(), ...fields }));
  };
  const fromArgs =
    (at: LogLevelName) =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      const extra = rest.length > 0 ? { args: rest.map(describe) } : {};
      if (first instanceof Error) emit(at, first.message, { ...errorFields(first), ...extra });
      else emit(at, String(first), extra);
    };
  return {
    debug: fromArgs('debug'),
    info: fromArgs('info'),
    warn: fromArgs('warn'),
    error: fromArgs('error'),
    setLevel: (l: LogLevel) => {
      current = l as LogLevelName;
    },
    getLevel: () => current as LogLevel,
    setName: (n: string) => {
      name = n;
    },
    child: (fields) => createLogger(current, write, { ...base, ...fields }, name),
    event: emit,
  };
}

export function errorFields(error: unknown): Fields {
  if (!(error instanceof Error)) return { error: describe(error) };
  const code = (error as { code?: unknown }).code;
  return { error: error.message, errorName: error.name, ...(code ? { code } : {}), stack: error.stack };
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return errorFields(value);
  return value;
}
