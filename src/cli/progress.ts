/** Counts documents per collection and reports on standard error: every `every` documents, and at the end. */
export function createProgress(verb: string, write: (line: string) => void, every = 10_000) {
  const counts = new Map<string, number>();
  let total = 0;
  return {
    count(collection: string): void {
      counts.set(collection, (counts.get(collection) ?? 0) + 1);
      total += 1;
      if (total % every === 0) write(`${verb} ${total} documents…\n`);
    },
    counts: (): ReadonlyMap<string, number> => counts,
    summary(): void {
      for (const [collection, n] of counts) write(`  ${collection}: ${n}\n`);
      write(`${verb} ${total} documents from ${counts.size} collections\n`);
    },
  };
}

export type Progress = ReturnType<typeof createProgress>;
