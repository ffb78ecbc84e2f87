import type { CustomRoute } from '@slack/bolt';
import type { ConnectedTrackers } from '../domain/trackers/tracker.js';
import { handleGithubEvent } from '../integrations/github/github-events.js';
import { githubTracker } from '../integrations/github/github-tracker.js';
import { githubWebhookRoute } from '../integrations/github/github-webhook-route.js';
import { handleLinearEvent } from '../integrations/linear/linear-events.js';
import { linearTracker } from '../integrations/linear/linear-tracker.js';
import { linearWebhookRoute } from '../integrations/linear/linear-webhook-route.js';
import type { TrackerWebhookTarget } from '../integrations/tracker-webhook-route.js';
import { inWorkspace } from '../slack/bolt/deps.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Basics } from './basics.js';
import type { Services } from './services.js';
import type { SlackApp } from './slack-app.js';

export interface Trackers {
  /** A workspace's engineering trackers: those the settings connect, for the one workspace they serve. */
  trackersOf(workspace: Workspace): ConnectedTrackers;
  /** POST /webhooks/github and /webhooks/linear, served on PORT with /healthz and /metrics. */
  routes: CustomRoute[];
  /** Once the workspaces and services exist, webhooks reach them (until then they get 404). */
  connect(slack: SlackApp, services: Services): void;
}

/** Engineering's trackers from the settings: GitHub Issues and Linear, for a single workspace. */
export function wireTrackers(basics: Basics): Trackers {
  const { config, clock, logger } = basics;
  const github = config.trackers?.github ?? null;
  const linear = config.trackers?.linear ?? null;
  const connected: ConnectedTrackers = {
    ...(github ? { github: githubTracker(github, { clock, logger }) } : {}),
    ...(linear ? { linear: linearTracker(linear, { clock }) } : {}),
  };
  let githubTarget: TrackerWebhookTarget | null = null;
  let linearTarget: TrackerWebhookTarget | null = null;
  return {
    trackersOf: () => connected,
    routes: [
      githubWebhookRoute(() => githubTarget, { clock, logger }),
      linearWebhookRoute(() => linearTarget, { clock, logger }),
    ],
    connect(slack, services) {
      const workspace = slack.workspaces.single;
      if (!workspace) return;
      const markers = workspace.repositories.markers;
      const eventDeps = {
        useCases: inWorkspace(services.deps, workspace),
        vendorTeamId: workspace.teamId,
        commentMarker: config.trackers?.commentMarker ?? 'customer:',
      };
      if (github?.webhookSecret)
        githubTarget = {
          secret: github.webhookSecret,
          markers,
          handle: (event, payload) => handleGithubEvent(eventDeps, event, payload),
        };
      if (linear?.webhookSecret)
        linearTarget = {
          secret: linear.webhookSecret,
          markers,
          handle: (event, payload) => handleLinearEvent(eventDeps, event, payload),
        };
    },
  };
}
