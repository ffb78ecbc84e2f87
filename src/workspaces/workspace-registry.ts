import type { App, Context, InstallationStore } from '@slack/bolt';
import { InstallProvider } from '@slack/oauth';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { Config } from '../config.js';
import type { Clock } from '../domain/ports.js';
import type { AppLogger } from '../logger.js';
import { createSlackDirectory } from '../slack/bolt/directory.js';
import { installationKey } from '../slack/oauth/installation-store.js';
import type { Store } from '../store/open-store.js';
import type { StoredInstallation } from '../store/repositories/installation-repository.js';
import type { InstalledWorkspace, Workspace } from './workspace.js';

/** Every workspace Rapport serves: the one a request came from, or each one for scheduled work. */
export interface Workspaces {
  /** With a bot token, its one workspace; null with distribution, where every request names its own. */
  single: Workspace | null;
  /** The workspace Bolt authorised a request for (its team or enterprise, its bot token). */
  ofRequest(context: Context): Promise<Workspace>;
  /**
   * Every installed workspace, for scheduled work: its key, and how to open it (authorising its bot token,
   * which may refresh a rotated one through Slack), so that each job run opens its own.
   */
  list(): Promise<InstalledWorkspace[]>;
  /** The workspace installed as `key` (`T<team id>`), opened; null when none is. */
  open(key: string): Promise<Workspace | null>;
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

const clientsWith = (token: string | undefined, settings: ClientSettings) => ({
  client: new WebClient(token, settings.client),
  jobClient: new WebClient(token, settings.jobClient),
  effectClient: new WebClient(token, settings.effectClient),
});

/** One workspace, its bot token given: the store's own repositories are its data. */
export function singleWorkspace(opts: {
  store: Store;
  teamId: string;
  token: string;
  clients: ClientSettings;
  clock: Clock;
}): Workspaces {
  const clients = clientsWith(opts.token, opts.clients);
  const workspace: Workspace = {
    key: installationKey({ teamId: opts.teamId }),
    teamId: opts.teamId,
    repositories: opts.store,
    ...clients,
    directory: createSlackDirectory(() => clients.client, opts.teamId, opts.clock),
  };
  return {
    single: workspace,
    ofRequest: async () => workspace,
    list: async () => [{ key: workspace.key, open: async () => workspace }],
    open: async (key) => (key === workspace.key ? workspace : null),
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
}): Workspaces {
  const current = new Map<string, Workspace>();

  async function workspaceOf(key: string, teamId: string, token: string | undefined): Promise<Workspace> {
    const known = current.get(key);
    if (known !== undefined && known.client.token === token) return known;
    const clients = clientsWith(token, opts.clients);
    // Kept across token refreshes, with its cache; its users.info calls use the newest token.
    const clientNow = () => current.get(key)?.client ?? clients.client;
    const workspace: Workspace = {
      key,
      teamId,
      repositories: known?.repositories ?? (await opts.store.workspace(key)),
      ...clients,
      directory: known?.directory ?? createSlackDirectory(clientNow, teamId, opts.clock),
    };
    current.set(key, workspace);
    return workspace;
  }

  async function openInstalled(installed: StoredInstallation): Promise<Workspace> {
    const auth = await opts.installer.authorize({
      isEnterpriseInstall: installed.key.startsWith('E'),
      enterpriseId: installed.enterpriseId ?? undefined,
      teamId: installed.teamId ?? undefined,
    });
    const teamId = installed.teamId ?? installed.enterpriseId ?? '';
    return workspaceOf(installed.key, teamId, auth.botToken);
  }

  return {
    single: null,
    ofRequest(context) {
      const query = {
        isEnterpriseInstall: context.isEnterpriseInstall === true,
        enterpriseId: context.enterpriseId,
        teamId: context.teamId,
      };
      const teamId = context.teamId ?? context.enterpriseId ?? '';
      return workspaceOf(installationKey(query), teamId, context.botToken);
    },
    async list() {
      return (await opts.store.installations.list()).map((installed) => ({
        key: installed.key,
        open: () => openInstalled(installed),
      }));
    },
    async open(key) {
      const installed = await opts.store.installations.find(key);
      return installed ? openInstalled(installed) : null;
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
