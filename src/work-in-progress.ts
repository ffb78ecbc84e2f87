/**
 * Work Rapport has going that no caller waits for to its end: a Slack request from its arrival to its last
 * reply (the HTTP answer goes at the ack; a reply through the response_url can follow), and a job's run in
 * a workspace that its tick let go on past the time limit. Shutdown lets it finish; tests wait for it.
 */
export interface WorkInProgress {
  add(work: Promise<unknown>): void;
  /** Resolves once all the work, that added meanwhile included, has settled, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

export function createWorkInProgress(): WorkInProgress {
  const pending = new Set<Promise<unknown>>();
  return {
    add(work) {
      const forget = (): void => {
        pending.delete(kept);
      };
      const kept: Promise<void> = work.then(forget, forget);
      pending.add(kept);
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      let late = false;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          late = true;
          resolve();
        }, timeoutMs);
      });
      while (pending.size > 0 && !late) await Promise.race([Promise.all([...pending]), timeout]);
      clearTimeout(timer);
    },
  };
}
