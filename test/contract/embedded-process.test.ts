import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { tempDataDir } from '../support/stores.js';

const children: ChildProcess[] = [];

function startChild(mode: 'open' | 'write', dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/store-child.ts', mode, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

const firstLine = (lines: ReturnType<typeof createInterface>) =>
  new Promise<string>((resolve) => lines.once('line', resolve));

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('embedded store across processes', () => {
  it('refuses a second process on the same DATA_DIR with a clear message, and allows it once the first is gone', async () => {
    const dataDir = tempDataDir();
    const first = startChild('open', dataDir);
    expect(await firstLine(first.lines)).toBe('opened');

    const second = startChild('open', dataDir);
    const line = await firstLine(second.lines);
    expect(line).toMatch(/^error DATA_DIR .* is in use by another Rapport process \(pid \d+/);
    expect(line).toContain('MONGODB_URI');
    expect(await second.exited).toBe(3);

    first.child.kill('SIGKILL'); // a crash leaves the lock file behind; it must not block a restart
    await first.exited;
    const third = startChild('open', dataDir);
    expect(await firstLine(third.lines)).toBe('opened');
  });

  it('keeps every acknowledged write when the process is killed with SIGKILL', async () => {
    const dataDir = tempDataDir();
    const writer = startChild('write', dataDir);
    const acked: string[] = [];
    await new Promise<void>((resolve) => {
      writer.lines.on('line', (line) => {
        acked.push(line.replace('ack ', ''));
        if (acked.length === 200) {
          writer.child.kill('SIGKILL'); // mid-stream: more writes are in flight
          resolve();
        }
      });
    });
    await writer.exited;

    const store = await openStore({ dataDir });
    try {
      const missing = [];
      for (const channel of acked) {
        if (!(await store.partnerships.findByChannel(channel))) missing.push(channel);
      }
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
