import { performance } from 'node:perf_hooks';

/**
 * How long store calls may keep the event loop before one waits for its next turn. SQLite answers each
 * call before it returns, so a loop made only of store calls (a job going through thousands of
 * partnerships) would otherwise never let the event loop poll: no Slack request could be acknowledged,
 * no timer fire, until it ended.
 */
const TURN_MS = 10;

/**
 * Wraps the collections of one database so that a call made once TURN_MS have gone by without the event
 * loop's turn first waits for it. One clock for all of them: a loop may go from collection to collection.
 */
export function eventLoopTurns(): <C extends object>(collection: C) => C {
  let since = performance.now();
  const nextTurn = () =>
    new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  return (collection) =>
    Object.fromEntries(
      Object.entries(collection).map(([name, call]) => [
        name,
        async (...args: unknown[]) => {
          if (performance.now() - since >= TURN_MS) await nextTurn();
          return (call as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    ) as typeof collection;
}
