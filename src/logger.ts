import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, LogLevel } from '@slack/bolt';
import type { LogLevelName } from './config.js';

const RANK: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Fields = Record<string, unknown>;

/**
 * Whether AsyncLocalStorage follows work across awaits on V8's async context frames: by default from Node
 * 24, with a flag on Node 22. Without them it installs promise hooks that run on every promise the process
 * makes, whoever makes it: 0.1 to 0.25 ms of CPU per Slack request on Node 20 and 22, where a request
 * costs Rapport 0.9 to 1.7 ms (bench:ack, docs/benchmarks.md).
 */
export function asyncContextFrames(nodeVersion: string, flags: readonly string[]): boolean {
  if (Number(nodeVersion.split('.')[0]) >= 24) return !flags.includes('--no-async-context-frame');
  return flags.includes('--experimental-async-context-frame');
}

const runtimeFlags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];

/**
 * Fields of the work in progress (the Slack request being handled), carried across awaits; only where
 * that is cheap (null elsewhere).
 */
const scope = asyncContextFrames(process.versions.node, runtimeFlags)
  ? new AsyncLocalStorage<Fields>()
  : null;

/** Whether `withLogFields` reaches lines written after an await (see `asyncContextFrames`). */
export const logFieldsFollowAwaits = scope !== null;

/**
 * Runs `work` with `fields` added to every line any logger writes until it settles, including lines
 * from code that never sees them (listeners, services, the Web API client): how a request's id reaches
 * every line it causes without passing a logger down. Where async context frames are off, it only runs
 * `work`: a request's lines then carry its fields through the request's own logger.
 */
export function withLogFields<T>(fields: Fields, work: () => T): T {
  return scope === null ? work() : scope.run({ ...scope.getStore(), ...fields }, work);
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
    write(JSON.stringify({ ...line, ...base, ...scope?.getStore(), ...fields }));
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
