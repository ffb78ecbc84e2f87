import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../domain/ports.js';
import { type AppLogger, errorFields } from '../logger.js';

/** A scheduled job is a plain function of the time; the scheduler only decides when to call it. */
export interface Job {
  name: string;
  /** Cron expression, evaluated in UTC. */
  schedule: string;
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  /** Stops new runs and waits for the runs in progress. */
  stop(): Promise<void>;
}

/**
 * node-cron shell around the jobs. A job never overlaps itself in this process; whether a slot's work
 * happens at all across replicas is decided by the job itself, in the store.
 */
export function startScheduler(jobs: Job[], clock: Clock, logger: AppLogger): Scheduler {
  const running = new Map<string, Promise<void>>();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.schedule,
      () => {
        if (running.has(job.name)) return;
        const run = job
          .run(clock.now())
          .catch((error) =>
            logger.event('error', 'scheduled job failed', { job: job.name, ...errorFields(error) }),
          )
          .finally(() => running.delete(job.name));
        running.set(job.name, run);
      },
      { name: job.name, timezone: 'UTC' },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.stop()));
      await Promise.all(running.values());
    },
  };
}
