import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Job,
  type Scheduler,
  startScheduler,
  type WorkspaceRunOutcome,
} from '../../../src/jobs/scheduler.js';
import { createLogger } from '../../../src/logger.js';
import type { InstalledWorkspace, Workspace } from '../../../src/workspaces/workspace.js';
import { TestClock } from '../../support/test-clock.js';

const LIMIT_MS = 5_000;
const keys = ['TA', 'TB', 'TC', 'TD', 'TE'];
/** Only what the scheduler passes on: these jobs read the key alone. */
const installed = (key: string): InstalledWorkspace => ({ key, open: async () => ({ key }) as Workspace });

/** A run that goes on until the test ends it. */
function gate() {
  let open = () => {};
  const closed = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { closed, open };
}

describe('the scheduler', () => {
  const clock = new TestClock('2026-11-23T08:00:00Z');
  let logs: string[];
  let outcomes: Array<[string, WorkspaceRunOutcome]>;
  let letGo: Promise<void>[];
  let skippedTicks: string[];
  let scheduler: Scheduler | null;

  const start = (job: Job, concurrency = 2, workspaces = keys.map(installed), cron = false) => {
    scheduler = startScheduler(
      [job],
      {
        clock,
        logger: createLogger('debug', (line) => logs.push(line)),
        listWorkspaces: async () => workspaces,
        concurrency,
        workspaceTimeLimitMs: LIMIT_MS,
        letGo: (run) => letGo.push(run),
        observed: (name, outcome) => outcomes.push([name, outcome]),
        ticked: () => {},
        tickSkipped: (name) => skippedTicks.push(name),
      },
      { cron },
    );
    return scheduler;
  };
  const outcomesOf = (outcome: WorkspaceRunOutcome) => outcomes.filter(([, o]) => o === outcome).length;
  const logged = (msg: string) => logs.filter((line) => line.includes(`"msg":"${msg}"`));

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    logs = [];
    outcomes = [];
    letGo = [];
    skippedTicks = [];
    scheduler = null;
  });
  afterEach(async () => {
    vi.useRealTimers();
    await scheduler?.stop();
  });

  it('runs a job in every workspace, at most `concurrency` at once, all at the tick’s time', async () => {
    let running = 0;
    let most = 0;
    const seen: Array<[string, string]> = [];
    const job: Job = {
      name: 'reminders',
      schedule: '* * * * *',
      async run(workspace, now) {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => setTimeout(resolve, 1_000));
        seen.push([workspace.key, now.toISOString()]);
        running -= 1;
      },
    };
    const tick = start(job, 2).run('reminders');
    await vi.advanceTimersByTimeAsync(3_000);
    await tick;
    expect(most).toBe(2);
    expect(seen.map(([key]) => key).sort()).toEqual(keys);
    expect(new Set(seen.map(([, at]) => at))).toEqual(new Set(['2026-11-23T08:00:00.000Z']));
    expect(outcomes).toEqual(keys.map(() => ['reminders', 'done']));
  });

  it('goes on without a workspace past its time limit, and skips it until that run has ended', async () => {
    const hung = gate();
    const runs: string[] = [];
    const job: Job = {
      name: 'digests',
      schedule: '* * * * *',
      async run(workspace) {
        runs.push(workspace.key);
        if (workspace.key === 'TA' && runs.filter((k) => k === 'TA').length === 1) await hung.closed;
      },
    };
    // One at a time, the hung workspace first: without the limit nobody else would get a turn.
    const s = start(job, 1);
    const first = s.run('digests');
    await vi.advanceTimersByTimeAsync(LIMIT_MS);
    await first;
    expect(runs).toEqual(keys);
    expect(outcomes).toEqual([['digests', 'over_time'], ...keys.slice(1).map(() => ['digests', 'done'])]);
    expect(logged('workspace run passed its time limit: the tick goes on without it')).toEqual([
      expect.stringContaining('"workspace":"TA"'),
    ]);

    outcomes = [];
    await s.run('digests');
    expect(runs.slice(keys.length)).toEqual(keys.slice(1));
    expect(outcomes).toContainEqual(['digests', 'skipped']);
    expect(outcomesOf('done')).toBe(4);
    expect(logged('workspace skipped: its previous run of the job is still going')).toHaveLength(1);

    hung.open();
    await vi.advanceTimersByTimeAsync(0);
    outcomes = [];
    await s.run('digests');
    expect(runs.slice(2 * keys.length - 1)).toEqual(keys);
    expect(outcomes).toEqual(keys.map(() => ['digests', 'done']));
  });

  it('runs the other workspaces when one fails, and logs and counts the failure', async () => {
    const job: Job = {
      name: 'approvals',
      schedule: '* * * * *',
      async run(workspace) {
        if (workspace.key === 'TB') throw new Error('store unreachable');
      },
    };
    await start(job).run('approvals');
    expect(outcomesOf('failed')).toBe(1);
    expect(outcomesOf('done')).toBe(4);
    const [failure] = logged('scheduled job failed');
    expect(failure).toContain('"workspace":"TB"');
    expect(failure).toContain('store unreachable');
  });

  it('counts a workspace whose token cannot be authorised as failed, the others running', async () => {
    const ran: string[] = [];
    const job: Job = {
      name: 'reminders',
      schedule: '* * * * *',
      run: async (workspace) => void ran.push(workspace.key),
    };
    const revoked: InstalledWorkspace = {
      key: 'TREVOKED',
      open: () => Promise.reject(new Error('token_revoked')),
    };
    await start(job, 2, [revoked, ...keys.map(installed)]).run('reminders');
    expect(ran.sort()).toEqual(keys);
    expect(outcomesOf('failed')).toBe(1);
  });

  it('hands over the runs the tick went on without, and waits for them on stop', async () => {
    const hung = gate();
    let ended = false;
    const job: Job = {
      name: 'digests',
      schedule: '* * * * *',
      async run() {
        await hung.closed;
        ended = true;
      },
    };
    const s = start(job, 5, [installed('TA')]);
    const tick = s.run('digests');
    await vi.advanceTimersByTimeAsync(LIMIT_MS);
    await tick;
    expect(ended).toBe(false);
    expect(letGo).toHaveLength(1);
    const handedOverEnded = letGo[0]?.then(() => ended);
    let stopped = false;
    const stopping = s.stop().then(() => {
      stopped = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    hung.open();
    await stopping;
    expect(ended).toBe(true);
    expect(await handedOverEnded).toBe(true);
    scheduler = null;
  });

  it('skips and counts a cron tick whose previous tick is still going, and ticks again after it', async () => {
    // node-cron reads the wall clock and waits with setTimeout: both faked, so minutes pass at once.
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      now: new Date('2026-11-23T08:00:30Z'),
    });
    // 16 workspaces one at a time, 4.5 s each (within the limit): the tick takes 72 s, past its minute.
    const many = Array.from({ length: 16 }, (_, i) => installed(`T${i}`));
    const started: string[] = [];
    const job: Job = {
      name: 'digests',
      schedule: '* * * * *',
      async run(workspace) {
        if (workspace.key === 'T0') started.push(new Date().toISOString().slice(11, 19));
        await new Promise<void>((resolve) => setTimeout(resolve, 4_500));
      },
    };
    const s = start(job, 1, many, true);
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(started).toEqual(['08:01:00', '08:03:00']);
    expect(skippedTicks).toEqual(['digests']);
    expect(logged('tick skipped: the previous one is still going')).toEqual([
      expect.stringContaining('"job":"digests"'),
    ]);
    // The skipped tick visited nobody; the two that ran visited everyone (the second is at 08:03:30 now).
    expect(outcomesOf('done')).toBe(16);
    expect(outcomesOf('skipped')).toBe(0);
    const stopped = s.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    await stopped;
    scheduler = null;
    expect(outcomesOf('done')).toBe(32);
    expect(skippedTicks).toHaveLength(1);
  });
});
