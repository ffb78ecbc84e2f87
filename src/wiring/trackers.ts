import type { CustomRoute } from '@slack/bolt';
import { recordingUse } from '../app/trackers/record-tracker-use.js';
import type { TrackerMeanings } from '../config.js';
import {
  type IssueTracker,
  type IssueTrackers,
  TRACKERS,
  type TrackerName,
} from '../domain/trackers/tracker.js';
import type { TrackerConnection } from '../domain/trackers/tracker-connection.js';
import { handleGithubEvent } from '../integrations/github/github-events.js';
import { githubTracker } from '../integrations/github/github-tracker.js';
import { GITHUB_WEBHOOK } from '../integrations/github/github-webhook-route.js';
import { handleJiraEvent } from '../integrations/jira/jira-events.js';
import { jiraTracker } from '../integrations/jira/jira-tracker.js';
import { JIRA_WEBHOOK } from '../integrations/jira/jira-webhook-route.js';
import { handleLinearEvent } from '../integrations/linear/linear-events.js';
import { linearTracker } from '../integrations/linear/linear-tracker.js';
import { LINEAR_WEBHOOK } from '../integrations/linear/linear-webhook-route.js';
import { trackerConnectors } from '../integrations/tracker-connectors.js';
import {
  type TrackerEventDeps,
  type TrackerWebhookTarget,
  trackerWebhookRoutes,
} from '../integrations/tracker-webhook-route.js';
import { createTokenCipher } from '../security/token-cipher.js';
import { inWorkspace, type TrackerSetup } from '../slack/bolt/deps.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Basics } from './basics.js';
import type { Services } from './services.js';
import type { SlackApp } from './slack-app.js';

export interface Trackers {
  /**
   * A workspace's engineering trackers by name: those of the settings (GITHUB_TOKEN, JIRA_API_TOKEN,
   * LINEAR_API_KEY) for a single workspace, and those the workspace connected in Slack.
   */
  trackersOf(workspace: Workspace): Promise<IssueTrackers>;
  /** What connecting trackers in Slack needs. */
  setup: TrackerSetup;
  /** POST /webhooks/<tracker>[/<team id>] for GitHub, Jira and Linear, served on PORT with /healthz and /metrics. */
  routes: CustomRoute[];
  /** Once the workspaces and services exist, webhooks reach them (until then they get 404). */
  connect(slack: SlackApp, services: Services): void;
}

/** A tracker as the settings configure it: its client, webhook secret and meanings. */
type FromSettings = { tracker: IssueTracker; webhookSecret: string | null } & TrackerMeanings;

const HANDLERS: Record<TrackerName, typeof handleGithubEvent> = {
  github: handleGithubEvent,
  jira: handleJiraEvent,
  linear: handleLinearEvent,
};
const WEBHOOKS = { github: GITHUB_WEBHOOK, jira: JIRA_WEBHOOK, linear: LINEAR_WEBHOOK };

/** Engineering's trackers: GitHub, Jira and Linear from the settings for a single workspace, and each workspace's own connections. */
export function wireTrackers(basics: Basics): Trackers {
  const { config, clock, logger } = basics;
  const { github, jira, linear } = config.trackers ?? { github: null };
  // The settings' trackers are refused with distribution: when set, they are the one workspace's.
  const settings: Partial<Record<TrackerName, FromSettings>> = {
    ...(github ? { github: { ...github, tracker: githubTracker(github, { clock, logger }) } } : {}),
    ...(jira ? { jira: { ...jira, tracker: jiraTracker(jira) } } : {}),
    ...(linear ? { linear: { ...linear, tracker: linearTracker(linear, { clock }) } } : {}),
  };
  const keys = config.slack.distribution?.tokenKeys ?? config.webhooks?.secretKeys ?? null;
  const cipher = keys ? createTokenCipher(keys) : null;
  const connectors = trackerConnectors({ clock, logger });
  // One client per connection as last changed, kept across requests.
  const opened = new Map<string, { updatedAt: number; tracker: IssueTracker }>();
  let wired: { slack: SlackApp; services: Services } | null = null;

  const fromSettings = (_workspace: Workspace, name: TrackerName) => settings[name] !== undefined;

  const secretFields = (name: TrackerName) =>
    new Set(connectors[name].fields.filter((f) => f.secret).map((f) => f.name));

  /**
   * Secrets sealed with an older key (TOKEN_ENCRYPTION_KEYS was rotated) are sealed again with the current
   * one, so the old key can go once every workspace was used.
   */
  async function resealed(workspace: Workspace, connection: TrackerConnection): Promise<TrackerConnection> {
    if (!cipher) return connection;
    const secrets = secretFields(connection.tracker);
    const sealed = [connection.webhookSecret, ...[...secrets].map((n) => connection.settings[n] ?? '')];
    if (!sealed.some((value) => cipher.isStale(value))) return connection;
    const again = (value: string) => (cipher.isStale(value) ? cipher.seal(cipher.open(value)) : value);
    const fields = Object.entries(connection.settings).map(([n, v]) => [n, secrets.has(n) ? again(v) : v]);
    const fresh = {
      ...connection,
      settings: Object.fromEntries(fields),
      webhookSecret: again(connection.webhookSecret),
    };
    await workspace.repositories.trackerConnections.save(fresh);
    return fresh;
  }

  /** The workspace's connections made in Slack (none without TOKEN_ENCRYPTION_KEYS), but for trackers of the settings. */
  async function connectionsOf(workspace: Workspace): Promise<TrackerConnection[]> {
    if (!cipher) return [];
    const stored = await workspace.repositories.trackerConnections.list();
    const own = stored.filter((c) => !fromSettings(workspace, c.tracker));
    return Promise.all(own.map((connection) => resealed(workspace, connection)));
  }

  function connectedTracker(workspace: Workspace, connection: TrackerConnection): IssueTracker {
    const name = connection.tracker;
    const cacheKey = `${workspace.key}:${name}`;
    const known = opened.get(cacheKey);
    if (known?.updatedAt === connection.updatedAt.getTime()) return known.tracker;
    const secrets = secretFields(name);
    const open = (field: string, value: string) =>
      secrets.has(field) && cipher ? cipher.open(value) : value;
    const fields = connectors[name].fields.map((f) => [
      f.name,
      open(f.name, connection.settings[f.name] ?? ''),
    ]);
    const tracker = recordingUse(
      connectors[name].open(Object.fromEntries(fields), connection.statusMap),
      connection,
      {
        connections: workspace.repositories.trackerConnections,
        clock,
      },
    );
    opened.set(cacheKey, { updatedAt: connection.updatedAt.getTime(), tracker });
    return tracker;
  }

  async function trackersOf(workspace: Workspace): Promise<IssueTrackers> {
    const trackers: IssueTrackers = {};
    for (const name of TRACKERS) {
      const configured = settings[name];
      if (configured) trackers[name] = configured.tracker;
    }
    for (const connection of await connectionsOf(workspace))
      trackers[connection.tracker] = connectedTracker(workspace, connection);
    return trackers;
  }

  /** Whose deliveries these are: the workspace of the path's team (or the one workspace), with its secret and meanings. */
  const targetOf =
    (name: TrackerName) =>
    async (teamId: string | null): Promise<TrackerWebhookTarget | null> => {
      if (!wired) return null;
      const { workspaces } = wired.slack;
      const workspace =
        teamId === null
          ? workspaces.single
          : ((await workspaces.open(`T${teamId}`)) ?? (await workspaces.open(`E${teamId}`)));
      if (!workspace) return null;
      const connection = (await connectionsOf(workspace)).find((c) => c.tracker === name);
      const configured = settings[name];
      const secret = configured
        ? configured.webhookSecret
        : connection && cipher?.open(connection.webhookSecret);
      const meanings = configured ?? connection;
      if (!secret || !meanings) return null;
      const eventDeps: TrackerEventDeps = {
        useCases: inWorkspace(wired.services.deps, workspace),
        vendorTeamId: workspace.teamId,
        commentMarker: config.trackers?.commentMarker ?? 'customer:',
        statusMap: meanings.statusMap,
        people: meanings.people,
      };
      return {
        secret,
        markers: workspace.repositories.markers,
        handle: (event, payload) => HANDLERS[name](eventDeps, event, payload),
      };
    };

  return {
    trackersOf,
    setup: {
      connectors,
      admins: config.trackers?.admins ?? [],
      seal: cipher ? (secret) => cipher.seal(secret) : null,
      fromSettings,
    },
    routes: TRACKERS.flatMap((name) =>
      trackerWebhookRoutes(WEBHOOKS[name], targetOf(name), { clock, logger }),
    ),
    connect(slack, services) {
      wired = { slack, services };
    },
  };
}
