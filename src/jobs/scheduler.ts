import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../domain/ports.js';
import { type AppLogger, errorFields } from '../logger.js';

/** A scheduled job is a plain function of the time; the scheduler only decides when to call it. */
export interface Job {
  name: string;
  /** Cron expression, evaluated in UTC. */
  schedule: string;
  /** Also run once when the scheduler starts: catch-up work that must not wait for the first tick. */
  runAtStart?: boolean;
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  /** Runs a job now, outside its schedule (tests, and operators catching up by hand). */
  run(name: string): Promise<void>;
  /** Stops new runs and waits for the runs in progress. */
  stop(): Promise<void>;
}

/**
 * node-cron shell around the jobs. A job never overlaps itself in this process; whether a slot's work
 * happens at all across replicas is decided by the job itself, in the store.
 */
export function startScheduler(
  jobs: Job[],
  clock: Clock,
  logger: AppLogger,
  options: { cron: boolean } = { cron: true },
): Scheduler {
  const running = new Map<string, Promise<void>>();
  const start = (job: Job) => {
    const inProgress = running.get(job.name);
    if (inProgress) return inProgress;
    const run = job
      .run(clock.now())
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
