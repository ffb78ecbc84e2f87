import type { AnyMiddlewareArgs, App, InstallationStore, Middleware } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import type { Clock } from '../domain/ports.js';
import { type AppLogger, errorFields } from '../logger.js';
import { createSlackDirectory } from '../slack/bolt/directory.js';
import { installationKey } from '../slack/oauth/installation-store.js';
import type { Store } from '../store/open-store.js';
import { createWorkspaceScope, routed, type Workspace, type WorkspaceScope } from './workspace-scope.js';

/** Every workspace Rapport serves, and how code gets to run as one of them. */
export interface Workspaces {
  scope: WorkspaceScope;
  /** Bolt middleware, first of all: the listeners of a request run as the workspace that received it. */
  middleware: Middleware<AnyMiddlewareArgs>;
  /**
   * Runs `work` once per installed workspace, one after another, each in its scope. A workspace that
   * fails does not stop the others; the failures are thrown together at the end.
   */
  runInEach(work: () => Promise<void>): Promise<void>;
  /** Drops what is kept in memory for a workspace whose installation was removed. */
  forget(key: string): void;
}

export interface ClientSettings {
  /** For listener work: the Web API client's own retries, as Bolt's clients. */
  client: WebClientOptions;
  /** For scheduled posts: never retrying inside. */
  jobClient: WebClientOptions;
  /** For the effects of changes: a few quick retries inside, well within an effect's lease. */
  effectClient: WebClientOptions;
}

/** One workspace, its bot token given: the store's own repositories are its data. */
export function singleWorkspace(opts: {
  store: Store;
  teamId: string;
  token: string;
  clients: ClientSettings;
  clock: Clock;
}): Workspaces {
  const client = new WebClient(opts.token, opts.clients.client);
  const workspace: Workspace = {
    key: installationKey({ teamId: opts.teamId }),
    teamId: opts.teamId,
    repositories: opts.store,
    client,
    jobClient: new WebClient(opts.token, opts.clients.jobClient),
    effectClient: new WebClient(opts.token, opts.clients.effectClient),
    directory: createSlackDirectory(client, opts.teamId, opts.clock),
  };
  const scope = createWorkspaceScope(workspace);
  return {
    scope,
    middleware: ({ next }) => scope.run(workspace, next),
    runInEach: (work) => scope.run(workspace, work),
    forget: () => {},
  };
}

/**
 * Workspaces that installed Rapport through OAuth. Each one's data lives in collections of its own
 * (Store.workspace); its clients carry its current bot token, which Bolt refreshes for requests and
 * `installer` refreshes for scheduled work when token rotation is on.
 */
export function installedWorkspaces(opts: {
  store: Store;
  installer: Pick<InstallProvider, 'authorize'>;
  clients: ClientSettings;
  clock: Clock;
  logger: AppLogger;
}): Workspaces {
  const scope = createWorkspaceScope(null);
  const current = new Map<string, Workspace>();
  // The directory's users.info calls go out with the workspace's token of the moment.
  const scopedClient = routed(() => scope.current().client);

  async function workspaceOf(key: string, teamId: string, token: string | undefined): Promise<Workspace> {
    const known = current.get(key);
    if (known !== undefined && known.client.token === token) return known;
    const workspace: Workspace = {
      key,
      teamId,
      repositories: known?.repositories ?? (await opts.store.workspace(key)),
      client: new WebClient(token, opts.clients.client),
      jobClient: new WebClient(token, opts.clients.jobClient),
      effectClient: new WebClient(token, opts.clients.effectClient),
      directory: known?.directory ?? createSlackDirectory(scopedClient, teamId, opts.clock),
    };
    current.set(key, workspace);
    return workspace;
  }

  return {
    scope,
    async middleware({ context, next }) {
      const query = {
        isEnterpriseInstall: context.isEnterpriseInstall === true,
        enterpriseId: context.enterpriseId,
        teamId: context.teamId,
      };
      const teamId = context.teamId ?? context.enterpriseId ?? '';
      const workspace = await workspaceOf(installationKey(query), teamId, context.botToken);
      return scope.run(workspace, next);
    },
    async runInEach(work) {
      const failures: unknown[] = [];
      for (const installed of await opts.store.installations.list()) {
        const query = {
          isEnterpriseInstall: installed.key.startsWith('E'),
          enterpriseId: installed.enterpriseId ?? undefined,
          teamId: installed.teamId ?? undefined,
        };
        try {
          const auth = await opts.installer.authorize(query);
          const teamId = installed.teamId ?? installed.enterpriseId ?? '';
          await scope.run(await workspaceOf(installed.key, teamId, auth.botToken), work);
        } catch (error) {
          opts.logger.event('error', 'work for a workspace failed', {
            workspace: installed.key,
            ...errorFields(error),
          });
          failures.push(error);
        }
      }
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1) throw new AggregateError(failures, `${failures.length} workspaces failed`);
    },
    forget: (key) => void current.delete(key),
  };
}

/**
 * The workspaces of this deployment: the one of the bot token (asked of Slack with auth.test), or those
 * installed through OAuth, whose scheduled work authorises through `installations` as Bolt does for
 * requests (refreshing rotated tokens).
 */
export async function openWorkspaces(
  config: Config,
  deps: {
    store: Store;
    app: App;
    installations: InstallationStore | null;
    clients: ClientSettings;
    clock: Clock;
    logger: AppLogger;
  },
): Promise<Workspaces> {
  const { distribution, botToken } = config.slack;
  if (distribution === null || deps.installations === null) {
    const auth = await deps.app.client.auth.test();
    return singleWorkspace({ ...deps, teamId: auth.team_id as string, token: botToken as string });
  }
  const installer = new InstallProvider({
    clientId: distribution.clientId,
    clientSecret: distribution.clientSecret,
    installationStore: deps.installations,
    // Only authorises: no install starts here, but the provider wants its state secret anyway.
    stateSecret: distribution.stateSecret,
    logger: deps.logger,
    clientOptions: deps.clients.client,
  });
  return installedWorkspaces({ ...deps, installer });
}
