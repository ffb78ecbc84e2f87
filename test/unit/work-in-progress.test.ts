import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkInProgress } from '../../src/work-in-progress.js';

/** Work that goes on until the test ends it, one way or the other. */
function work() {
  let end = () => {};
  let fail = () => {};
  const going = new Promise<void>((resolve, reject) => {
    end = resolve;
    fail = () => reject(new Error('Slack went away'));
  });
  return { going, end, fail };
}

describe('work in progress', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  /** Whether the drain has resolved once pending callbacks have run. */
  const done = async (drain: Promise<void>) => {
    let resolved = false;
    void drain.then(() => {
      resolved = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    return resolved;
  };

  it('drains once every piece of work has ended, failed ones and ones added meanwhile included', async () => {
    const inProgress = createWorkInProgress();
    const [request, run, late] = [work(), work(), work()];
    inProgress.add(request.going);
    inProgress.add(run.going);
    const drain = inProgress.drain(10_000);
    request.end();
    expect(await done(drain)).toBe(false);
    inProgress.add(late.going); // a run let go on while a request was finishing
    run.fail();
    expect(await done(drain)).toBe(false);
    late.end();
    expect(await done(drain)).toBe(true);
  });

  it('stops waiting after its time, the work still going', async () => {
    const inProgress = createWorkInProgress();
    inProgress.add(work().going);
    const drain = inProgress.drain(10_000);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(await done(drain)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await done(drain)).toBe(true);
  });
});
