/**
 * Waits for `work` at most `ms` milliseconds (real time: Slack's 3-second answer window is real time).
 * `{ settled: false }` leaves the work running: the caller awaits `work` itself afterwards. A rejection
 * within the time is passed on.
 */
export type Settled<T> = { settled: true; value: T } | { settled: false };

export async function settleWithin<T>(work: Promise<T>, ms: number): Promise<Settled<T>> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ settled: false }>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), Math.max(0, ms));
  });
  const done = work.then((value) => ({ settled: true as const, value }));
  done.catch(() => {}); // a rejection after the time is up is the caller's, through `work`
  try {
    return await Promise.race([done, late]);
  } finally {
    clearTimeout(timer);
  }
}
