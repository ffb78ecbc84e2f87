import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

const running: ChildProcess[] = [];
const MAIN = resolve('src/main.ts');
// Resolved here, so the process may run in another folder (one holding its own .env).
const TSX = import.meta.resolve('tsx');

/** The real entry point (src/main.ts) in its own process, as `scripts/start.sh` runs it; only `env` set. */
export function runMain(env: Record<string, string>, cwd?: string) {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
  });
  running.push(child);
  const output: string[] = [];
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (line) => {
      output.push(line);
      for (const w of waiting.filter((w) => w.pattern.test(line))) w.resolve(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const seen = output.find((line) => pattern.test(line));
      if (seen) return resolve(seen);
      waiting.push({ pattern, resolve });
      exited.then((code) => reject(new Error(`exited (${code}) before ${pattern}:\n${output.join('\n')}`)));
    });
  return { child, output, exited, waitForLine };
}

/** Kills every process runMain started (for afterEach). */
export function killMainProcesses(): void {
  for (const child of running.splice(0)) child.kill('SIGKILL');
}
