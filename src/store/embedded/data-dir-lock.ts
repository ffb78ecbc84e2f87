import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  readonly code = 'data_dir_locked';
}

interface LockOwner {
  pid: number;
  host: string;
}

/**
 * The embedded store is single-process: a lock file in DATA_DIR names the process that owns it.
 * A lock left by a process that no longer runs (killed with SIGKILL, say) is taken over.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'rapport.lock');
  const me: LockOwner = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner && isAlive(owner, me)) {
        throw new DataDirLockedError(
          `DATA_DIR ${dataDir} is in use by another Rapport process (pid ${owner.pid} on ${owner.host}). ` +
            'The embedded store serves one process only: stop the other process, use another DATA_DIR, ' +
            'or set MONGODB_URI to run several replicas on MongoDB.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock DATA_DIR ${dataDir}: another process keeps taking the lock.`);
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null; // unreadable or half-written: treat as stale
  }
}

function isAlive(owner: LockOwner, me: LockOwner): boolean {
  // Another host sharing the folder cannot be checked from here: assume it is alive.
  if (owner.host !== me.host) return true;
  if (owner.pid === me.pid) return false; // a previous life of this pid (containers restart as pid 1)
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
