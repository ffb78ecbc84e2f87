/**
 * The answers of one table's reads, kept until the table next changes. The data-dir lock makes this
 * process the only writer and every write goes through the table's collection, which forgets the
 * answers before it writes, so a kept answer is always the one SQLite would give now. The same few
 * reads come again and again between writes (a channel's partnership, the first page of its open asks),
 * and each costs far more in SQLite than the lookup here.
 */
export interface ReadMemo {
  /** The kept answer of `sql` with `params`, or the one `read` gives now, kept. */
  answer<T>(sql: string, params: readonly unknown[], read: () => T): T;
  forget(): void;
}

/** Answers kept per table at most: past it the table starts over, which bounds memory. */
const MAX_ANSWERS = 256;

export function readMemo(): ReadMemo {
  const answers = new Map<string, unknown>();
  return {
    answer<T>(sql: string, params: readonly unknown[], read: () => T): T {
      const key = `${sql}\0${JSON.stringify(params)}`;
      if (answers.has(key)) return answers.get(key) as T;
      const value = read();
      if (answers.size >= MAX_ANSWERS) answers.clear();
      answers.set(key, value);
      return value;
    },
    forget: () => answers.clear(),
  };
}
