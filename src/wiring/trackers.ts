import type { CustomRoute } from '@slack/bolt';
import { recordingUse } from '../app/trackers/record-tracker-use.js';
import type { IssueTracker, TrackerName } from '../domain/trackers/tracker.js';
import type { TrackerConnection } from '../domain/trackers/tracker-connection.js';
import { handleGithubEvent } from '../integrations/github/github-events.js';
import { githubTracker } from '../integrations/github/github-tracker.js';
import {
  type GithubWebhookTarget,
  githubWebhookRoutes,
} from '../integrations/github/github-webhook-route.js';
import { trackerConnectors } from '../integrations/tracker-connectors.js';
import { createTokenCipher } from '../security/token-cipher.js';
import { inWorkspace, type TrackerSetup } from '../slack/bolt/deps.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Basics } from './basics.js';
import type { Services } from './services.js';
import type { SlackApp } from './slack-app.js';

export interface Trackers {
  /**
   * A workspace's tracker of that name: the one of the settings (GITHUB_TOKEN) for a single workspace,
   * otherwise the one the workspace connected in Slack; null when there is none.
   */
  trackerOf(workspace: Workspace, name: TrackerName): Promise<IssueTracker | null>;
  /** What connecting trackers in Slack needs. */
  setup: TrackerSetup;
  /** POST /webhooks/github[/<team id>], served on PORT with /healthz and /metrics. */
  routes: CustomRoute[];
  /** Once the workspaces and services exist, webhooks reach them (until then they get 404). */
  connect(slack: SlackApp, services: Services): void;
}

/** Engineering's trackers: GitHub from the settings for a single workspace, and each workspace's own connections. */
export function wireTrackers(basics: Basics): Trackers {
  const { config, clock, logger } = basics;
  const env = config.trackers?.github ?? null;
  const envGithub = env ? githubTracker(env, { clock, logger }) : null;
  const keys = config.slack.distribution?.tokenKeys ?? config.webhooks?.secretKeys ?? null;
  const cipher = keys ? createTokenCipher(keys) : null;
  const connectors = trackerConnectors({ clock, logger });
  // One client per connection as last changed, kept across requests.
  const opened = new Map<string, { updatedAt: number; tracker: IssueTracker }>();
  let wired: { slack: SlackApp; services: Services } | null = null;

  // GITHUB_TOKEN is refused with distribution: when set, it is the one workspace's.
  const fromSettings = (_workspace: Workspace, name: TrackerName) => name === 'github' && envGithub !== null;

  const openSetting = (connection: TrackerConnection, name: string) => {
    const value = connection.settings[name] ?? '';
    const secret = connectors[connection.tracker].fields.some((f) => f.name === name && f.secret);
    return secret && cipher ? cipher.open(value) : value;
  };

  /**
   * The workspace's connection to a tracker. Secrets sealed with an older key (TOKEN_ENCRYPTION_KEYS was
   * rotated) are sealed again with the current one, so the old key can go once every workspace was used.
   */
  async function connectionOf(workspace: Workspace, name: TrackerName): Promise<TrackerConnection | null> {
    const connections = workspace.repositories.trackerConnections;
    const connection = await connections.find(name);
    if (!connection || !cipher) return null;
    const secrets = new Set(connectors[name].fields.filter((f) => f.secret).map((f) => f.name));
    const sealed = [connection.webhookSecret, ...[...secrets].map((n) => connection.settings[n] ?? '')];
    if (!sealed.some((value) => cipher.isStale(value))) return connection;
    const again = (value: string) => (cipher.isStale(value) ? cipher.seal(cipher.open(value)) : value);
    const settings = Object.entries(connection.settings).map(([n, v]) => [n, secrets.has(n) ? again(v) : v]);
    const fresh = {
      ...connection,
      settings: Object.fromEntries(settings),
      webhookSecret: again(connection.webhookSecret),
    };
    await connections.save(fresh);
    return fresh;
  }

  async function connectedTracker(workspace: Workspace, name: TrackerName): Promise<IssueTracker | null> {
    const connections = workspace.repositories.trackerConnections;
    const connection = await connectionOf(workspace, name);
    if (!connection) return null;
    const cacheKey = `${workspace.key}:${name}`;
    const known = opened.get(cacheKey);
    if (known?.updatedAt === connection.updatedAt.getTime()) return known.tracker;
    const connector = connectors[name];
    const settings = Object.fromEntries(
      connector.fields.map((f) => [f.name, openSetting(connection, f.name)]),
    );
    const tracker = recordingUse(connector.open(settings, connection.statusMap), connection, {
      connections,
      clock,
    });
    opened.set(cacheKey, { updatedAt: connection.updatedAt.getTime(), tracker });
    return tracker;
  }

  async function webhookTarget(teamId: string | null): Promise<GithubWebhookTarget | null> {
    if (!wired) return null;
    const { workspaces } = wired.slack;
    const workspace =
      teamId === null
        ? workspaces.single
        : ((await workspaces.open(`T${teamId}`)) ?? (await workspaces.open(`E${teamId}`)));
    if (!workspace) return null;
    const viaSettings = fromSettings(workspace, 'github');
    const connection = viaSettings ? null : await connectionOf(workspace, 'github');
    const secret = viaSettings
      ? (env?.webhookSecret ?? null)
      : connection && cipher?.open(connection.webhookSecret);
    if (!secret) return null;
    const useCases = inWorkspace(wired.services.deps, workspace);
    const commentMarker = config.trackers?.commentMarker ?? 'customer:';
    const statusMap = (viaSettings ? env?.statusMap : connection?.statusMap) ?? {};
    const people = (viaSettings ? env?.people : connection?.people) ?? {};
    return {
      secret,
      markers: workspace.repositories.markers,
      handle: (event, payload) =>
        handleGithubEvent(
          { useCases, vendorTeamId: workspace.teamId, commentMarker, statusMap, people },
          event,
          payload,
        ),
    };
  }

  return {
    async trackerOf(workspace, name) {
      if (fromSettings(workspace, name)) return envGithub;
      return connectedTracker(workspace, name);
    },
    setup: {
      connectors,
      admins: config.trackers?.admins ?? [],
      seal: cipher ? (secret) => cipher.seal(secret) : null,
      fromSettings,
    },
    routes: githubWebhookRoutes(webhookTarget, { clock, logger }),
    connect(slack, services) {
      wired = { slack, services };
    },
  };
}
