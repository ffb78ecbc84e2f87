import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../domain/ports.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { Workspace } from '../workspaces/workspace.js';

/** A scheduled job is a plain function of a workspace and the time; the scheduler decides when to call it. */
export interface Job {
  name: string;
  /** Cron expression, evaluated in UTC. */
  schedule: string;
  /** Also run once when the scheduler starts: catch-up work that must not wait for the first tick. */
  runAtStart?: boolean;
  run(workspace: Workspace, now: Date): Promise<void>;
}

export interface SchedulerDeps {
  clock: Clock;
  logger: AppLogger;
  /** Runs a job's work once per workspace (see workspaces/). */
  forEachWorkspace(work: (workspace: Workspace) => Promise<void>): Promise<void>;
}

export interface Scheduler {
  /** Runs a job now, outside its schedule (tests, and operators catching up by hand). */
  run(name: string): Promise<void>;
  /** Stops new runs and waits for the runs in progress. */
  stop(): Promise<void>;
}

/**
 * node-cron shell around the jobs, each run in every workspace at one time. A job never overlaps itself
 * in this process; whether a slot's work happens at all across replicas is decided by the job itself,
 * in the store.
 */
export function startScheduler(
  jobs: Job[],
  deps: SchedulerDeps,
  options: { cron: boolean } = { cron: true },
): Scheduler {
  const { clock, logger } = deps;
  const running = new Map<string, Promise<void>>();
  const start = (job: Job) => {
    const inProgress = running.get(job.name);
    if (inProgress) return inProgress;
    const now = clock.now();
    const run = deps
      .forEachWorkspace((workspace) => job.run(workspace, now))
      .catch((error) =>
        logger.event('error', 'scheduled job failed', { job: job.name, ...errorFields(error) }),
      )
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  };
  const tasks: ScheduledTask[] = options.cron
    ? jobs.map((job) =>
        cron.schedule(job.schedule, () => void start(job), { name: job.name, timezone: 'UTC' }),
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
      await Promise.all(running.values());
    },
  };
}
