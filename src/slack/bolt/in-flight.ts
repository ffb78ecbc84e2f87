import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/** Counts listener work in progress so that shutdown can let it finish. */
export function createInFlight() {
  const pending = new Set<Promise<unknown>>();
  const middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    const work = next();
    pending.add(work);
    try {
      await work;
    } finally {
      pending.delete(work);
    }
  };
  return {
    middleware,
    get size() {
      return pending.size;
    },
    /** Resolves when all current work has settled, or after `timeoutMs`, whichever comes first. */
    async drain(timeoutMs: number): Promise<void> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.allSettled([...pending]), timeout]);
      clearTimeout(timer);
    },
  };
}
