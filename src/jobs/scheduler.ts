import cron, { type ScheduledTask } from 'node-cron';
import pLimit from 'p-limit';
import type { Clock } from '../domain/ports.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { InstalledWorkspace, Workspace } from '../workspaces/workspace.js';

/** A scheduled job is a plain function of a workspace and the time; the scheduler decides when to call it. */
export interface Job {
  name: string;
  /** Cron expression, evaluated in UTC. */
  schedule: string;
  /** Also run once when the scheduler starts: catch-up work that must not wait for the first tick. */
  runAtStart?: boolean;
  run(workspace: Workspace, now: Date): Promise<void>;
}

/**
 * How one workspace's run of a job went, as far as its tick knows: `over_time` is still going past the
 * time limit (the tick went on without it); `skipped` was not started because its previous run still is.
 */
export type WorkspaceRunOutcome = 'done' | 'failed' | 'over_time' | 'skipped';

export interface SchedulerDeps {
  clock: Clock;
  logger: AppLogger;
  /** The workspaces a tick visits; each run opens its own (see workspaces/). */
  listWorkspaces(): Promise<InstalledWorkspace[]>;
  /** How many workspaces one job works in at once. */
  concurrency: number;
  /** How long a tick waits for one workspace's run before it goes on without it. */
  workspaceTimeLimitMs: number;
  /** Handed each run its tick goes on without, to be waited for elsewhere (shutdown, tests). */
  letGo(run: Promise<void>): void;
  observed(job: string, outcome: WorkspaceRunOutcome): void;
  /** A tick's duration, from its start to the last workspace done or let go. */
  ticked(job: string, seconds: number): void;
  /** A tick cron did not start because the job's previous tick was still going: no workspace visited. */
  tickSkipped(job: string): void;
}

export interface Scheduler {
  /** Runs a job now, outside its schedule (tests, and operators catching up by hand). */
  run(name: string): Promise<void>;
  /** Stops new runs and waits for the runs in progress, those past their time limit included. */
  stop(): Promise<void>;
}

/**
 * node-cron shell around the jobs. A tick of a job visits every workspace, `concurrency` at a time, and
 * never overlaps the job's previous tick in this process. A workspace's run that passes the time limit
 * is let go on (its Slack and store calls have timeouts of their own), so a hung workspace holds up
 * neither the others nor the next tick; until it ends, later ticks skip that workspace for that job.
 * Whether a slot's work happens at all across replicas is decided by the job itself, in the store.
 */
export function startScheduler(
  jobs: Job[],
  deps: SchedulerDeps,
  options: { cron: boolean } = { cron: true },
): Scheduler {
  const { clock, logger } = deps;
  const ticks = new Map<string, Promise<void>>();
  /** Runs in progress by job and workspace, those whose tick has gone on without them included. */
  const runs = new Map<string, Promise<void>>();

  const visit = async (job: Job, entry: InstalledWorkspace, now: Date): Promise<WorkspaceRunOutcome> => {
    const id = `${job.name} ${entry.key}`;
    const fields = { job: job.name, workspace: entry.key };
    if (runs.has(id)) {
      logger.event('warn', 'workspace skipped: its previous run of the job is still going', fields);
      return 'skipped';
    }
    let outcome: WorkspaceRunOutcome = 'done';
    const run = entry
      .open()
      .then((workspace) => job.run(workspace, now))
      .catch((error) => {
        outcome = 'failed';
        logger.event('error', 'scheduled job failed', { ...fields, ...errorFields(error) });
      })
      .finally(() => runs.delete(id));
    runs.set(id, run);
    if (await finishesWithin(run, deps.workspaceTimeLimitMs)) return outcome;
    deps.letGo(run);
    logger.event('warn', 'workspace run passed its time limit: the tick goes on without it', {
      ...fields,
      limitMs: deps.workspaceTimeLimitMs,
    });
    return 'over_time';
  };

  const tick = async (job: Job) => {
    const began = performance.now();
    const now = clock.now();
    const limit = pLimit(deps.concurrency);
    const visits = (await deps.listWorkspaces()).map((entry) => limit(() => visit(job, entry, now)));
    for (const outcome of await Promise.all(visits)) deps.observed(job.name, outcome);
    deps.ticked(job.name, (performance.now() - began) / 1000);
  };

  const start = (job: Job) => {
    const inProgress = ticks.get(job.name);
    if (inProgress) return inProgress;
    const run = tick(job)
      .catch((error) =>
        logger.event('error', 'scheduled job failed', { job: job.name, ...errorFields(error) }),
      )
      .finally(() => ticks.delete(job.name));
    ticks.set(job.name, run);
    return run;
  };
  const tasks: ScheduledTask[] = options.cron
    ? jobs.map((job) =>
        cron.schedule(
          job.schedule,
          () => {
            if (ticks.has(job.name)) {
              logger.event('warn', 'tick skipped: the previous one is still going', { job: job.name });
              deps.tickSkipped(job.name);
              return;
            }
            void start(job);
          },
          { name: job.name, timezone: 'UTC' },
        ),
      )
    : [];
  if (options.cron) for (const job of jobs.filter((j) => j.runAtStart)) void start(job);
  return {
    async run(name) {
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      await start(job);
    },
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.all(ticks.values());
      await Promise.all(runs.values());
    },
  };
}

/** Whether `run` settles within `ms` (it never rejects); it goes on either way. */
async function finishesWithin(run: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([run.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
