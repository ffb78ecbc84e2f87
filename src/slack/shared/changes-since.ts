/** A history or audit entry: when, and by whom (null for what Rapport did on its own). */
interface Entry {
  at: Date;
  by: { userId: string } | null;
}

/**
 * The entries from index `from` on, cut into the changes that made them (one change's entries share
 * their time and author), each with the index just past it: how far the history is announced once
 * that change is.
 */
export function changesSince<E extends Entry>(entries: E[], from: number): { entries: E[]; end: number }[] {
  const changes: { entries: E[]; end: number }[] = [];
  for (let i = from; i < entries.length; i++) {
    const entry = entries[i] as E;
    const last = changes.at(-1);
    const first = last?.entries[0];
    if (last && first && first.at.getTime() === entry.at.getTime() && first.by?.userId === entry.by?.userId) {
      last.entries.push(entry);
      last.end = i + 1;
    } else changes.push({ entries: [entry], end: i + 1 });
  }
  return changes;
}
