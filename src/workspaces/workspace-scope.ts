import { AsyncLocalStorage } from 'node:async_hooks';
import type { WebClient } from '@slack/web-api';
import type { Repositories } from '../domain/ports.js';
import type { SlackDirectory } from '../slack/bolt/directory.js';

/** What belongs to one workspace that installed Rapport: its data, its Slack clients, its view of people. */
export interface Workspace {
  /** `T<team id>`, or `E<enterprise id>` for an org-wide install. */
  key: string;
  /** The installing (vendor) team: who is on the vendor side. */
  teamId: string;
  repositories: Repositories;
  /** With the Web API client's own retries, as Bolt's listener clients. */
  client: WebClient;
  /** Never retrying inside: scheduled posts retry through their own leases (see rapport.ts). */
  jobClient: WebClient;
  /** For the effects of changes: a few quick retries inside (see rapport.ts). */
  effectClient: WebClient;
  directory: SlackDirectory;
}

export interface WorkspaceScope {
  /** Runs `work` (a request's listeners, or one workspace's share of a job) as `workspace`. */
  run<T>(workspace: Workspace, work: () => Promise<T>): Promise<T>;
  /** The workspace of the work in progress. Throws outside of one unless there is a single workspace. */
  current(): Workspace;
}

/**
 * Which workspace the code running now belongs to, carried along its async calls. With distribution there
 * is no default, so data reached outside a request or a job's workspace loop is an error, never a guess.
 */
export function createWorkspaceScope(single: Workspace | null): WorkspaceScope {
  const storage = new AsyncLocalStorage<Workspace>();
  return {
    run: (workspace, work) => storage.run(workspace, work),
    current() {
      const workspace = storage.getStore() ?? single;
      if (workspace === null) throw new Error('no workspace: this work ran outside a request or a job');
      return workspace;
    },
  };
}

/** An object that forwards every property to `resolve()` at the moment it is used. */
export function routed<T extends object>(resolve: () => T): T {
  return new Proxy({} as T, {
    get(_, property) {
      const target = resolve();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const REPOSITORY_NAMES = {
  partnerships: true,
  asks: true,
  feedback: true,
  sequences: true,
  markers: true,
  followUps: true,
  trackedMessages: true,
  digests: true,
  approvals: true,
  stakeholders: true,
  askEffects: true,
  approvalEffects: true,
} satisfies Record<keyof Repositories, true>;

/**
 * Repositories that are always the current workspace's. Each repository is its own forwarder, so code
 * that keeps `deps.asks` (or spreads the repositories into its deps) still reaches the right workspace.
 */
export function routedRepositories(scope: WorkspaceScope): Repositories {
  const names = Object.keys(REPOSITORY_NAMES) as (keyof Repositories)[];
  return Object.fromEntries(
    names.map((name) => [name, routed(() => scope.current().repositories[name])]),
  ) as unknown as Repositories;
}
