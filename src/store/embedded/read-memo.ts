/**
 * The answers of one table's reads, kept until the table next changes. The data-dir lock makes this
 * process the only writer and every write goes through the table's collection, which forgets the
 * answers before it writes, so a kept answer is always the one SQLite would give now. The same few
 * reads come again and again between writes (a channel's partnership, the first page of its open asks),
 * and each costs far more in SQLite, JSON decoding and projection than a copy of its answer.
 */
export interface ReadMemo {
  /**
   * A copy of the kept answer of the read `call` with `args`, else of the one `read` gives now, kept
   * when it holds at most MAX_ANSWER_DOCS documents (`docsIn`). Each caller gets its own copy to change.
   */
  answer<T>(call: string, args: readonly unknown[], read: () => T, docsIn: (answer: T) => number): T;
  forget(): void;
}

/** The largest answer kept, in documents: pages and look-ups, not a whole collection read for a report. */
const MAX_ANSWER_DOCS = 100;
/** Documents kept per table at most: past it the table starts over, which bounds memory. */
const MAX_KEPT_DOCS = 2_000;

export function readMemo(): ReadMemo {
  const answers = new Map<string, unknown>();
  let keptDocs = 0;
  const forget = () => {
    answers.clear();
    keptDocs = 0;
  };
  return {
    answer<T>(call: string, args: readonly unknown[], read: () => T, docsIn: (answer: T) => number): T {
      const argsKey = keyOf(args);
      if (argsKey === null) return read();
      const key = `${call}\0${argsKey}`;
      if (answers.has(key)) return copyOf(answers.get(key) as T);
      const value = read();
      const docs = docsIn(value);
      if (docs <= MAX_ANSWER_DOCS) {
        if (keptDocs + docs > MAX_KEPT_DOCS) forget();
        answers.set(key, value);
        keptDocs += docs;
        return copyOf(value);
      }
      return value;
    },
    forget,
  };
}

/**
 * Arguments as text that tells apart any two that could match differently (a Date from its ISO string,
 * one RegExp from another, a missing value from null); null for a kind of value it does not know. Plain
 * JSON, the usual case, is keyed by JSON.stringify, which builds one flat string natively.
 */
export function keyOf(value: unknown): string | null {
  return isPlainJson(value) ? `J${JSON.stringify(value)}` : taggedKey(value);
}

/** Whether JSON.stringify keeps everything in `value` as it is: strings, finite numbers, booleans, null. */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!isPlainJson(item)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const name in value) if (!isPlainJson((value as Record<string, unknown>)[name])) return false;
  return true;
}

function taggedKey(value: unknown): string | null {
  if (value === null) return 'N';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return `n${value}`;
    case 'boolean':
      return value ? 'T' : 'F';
    case 'undefined':
      return 'U';
    case 'object':
      return objectKey(value);
    default:
      return null;
  }
}

function objectKey(value: object): string | null {
  if (value instanceof Date) return `D${value.getTime()}`;
  if (value instanceof RegExp) return `R${String(value)}`;
  let key: string;
  if (Array.isArray(value)) {
    key = '[';
    for (const item of value) {
      const part = taggedKey(item);
      if (part === null) return null;
      key += `${part},`;
    }
    return `${key}]`;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return null;
  key = '{';
  for (const name in value) {
    const part = taggedKey((value as Record<string, unknown>)[name]);
    if (part === null) return null;
    key += `${JSON.stringify(name)}:${part},`;
  }
  return `${key}}`;
}

/** A deep copy of what decoded JSON holds, and Dates: a fraction of the cost of decoding it again. */
function copyOf<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copyOf) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy as T;
}
