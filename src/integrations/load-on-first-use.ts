/**
 * What `load` gives, loaded on the first call and kept: a tracker SDK held in the heap of every process
 * costs memory and every full collection's time there, used or not (@linear/sdk 12.5 MB, jira.js 11.2 MB).
 */
export function loadOnFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => {
    loaded ??= load();
    return loaded;
  };
}
