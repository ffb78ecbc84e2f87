/**
 * Request/response over the IPC channel between a bench and its child processes (the app under test,
 * the fake Slack API). A child calls `serveIpc` with its commands and `announceReady` once it listens;
 * the bench forks it with `startChild` and calls commands with `child.call`.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

type Command = (arg: never) => unknown;
interface CallMessage {
  id: number;
  cmd: string;
  arg: unknown;
}
type ReplyMessage = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** In the child: answers the bench's calls; an unknown command or a throw answers with an error. */
export function serveIpc(commands: Record<string, Command>): void {
  process.on('message', (message: CallMessage) => {
    const send = (reply: ReplyMessage) => process.send?.(reply);
    const command = commands[message.cmd];
    if (command === undefined) {
      send({ id: message.id, ok: false, error: `unknown command ${message.cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => command(message.arg as never))
      .then(
        (result) => send({ id: message.id, ok: true, result }),
        (error: unknown) =>
          send({
            id: message.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? '') : String(error),
          }),
      );
  });
}

/** In the child: tells the bench it is ready, with whatever it needs to know (a port, a URL). */
export function announceReady(info: Record<string, unknown>): void {
  process.send?.({ ready: info });
}

/** Bytes of resident memory of a process, as the kernel counts it. */
export function rssBytesOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** CPU seconds (user + system) a process has used so far; Linux counts them in ticks of 1/100 s. */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface Child<Ready> {
  readonly process: ChildProcess;
  readonly pid: number;
  readonly ready: Ready;
  call<T>(cmd: string, arg?: unknown): Promise<T>;
  /** Calls `stop` (the child exits after answering), or kills it after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  args?: string[];
  env?: Record<string, string>;
  execArgv?: string[];
  /** Where the child's stdout goes: a file descriptor, or 'ignore'. Its stderr is inherited. */
  stdout?: number | 'ignore' | 'inherit';
  readyTimeoutMs?: number;
}

/**
 * Forks `script` (compiled JavaScript: no TypeScript loader in the child) and waits for its ready
 * message. Rejects if it exits first or takes longer than the timeout.
 */
export async function startChild<Ready>(script: string, options: StartOptions = {}): Promise<Child<Ready>> {
  const child = fork(script, options.args ?? [], {
    execArgv: options.execArgv ?? [],
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} was not ready within ${options.readyTimeoutMs ?? 60_000} ms`)),
      options.readyTimeoutMs ?? 60_000,
    );
    child.on('message', (message: { ready?: Ready } | ReplyMessage) => {
      if ('ready' in message && message.ready !== undefined) {
        clearTimeout(timer);
        resolve(message.ready);
        return;
      }
      const reply = message as ReplyMessage;
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.ok) waiter?.resolve(reply.result);
      else waiter?.reject(new Error(`${script}: ${reply.error}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const error = new Error(`${script} exited (code ${code}, signal ${signal})`);
      reject(error);
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  });
  const call = <T>(cmd: string, arg?: unknown): Promise<T> => {
    nextId += 1;
    const id = nextId;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, cmd, arg } satisfies CallMessage);
    });
  };
  return {
    process: child,
    pid: child.pid as number,
    ready,
    call,
    async stop(graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      call('stop').catch(() => {});
      await exited;
      clearTimeout(timer);
    },
  };
}
