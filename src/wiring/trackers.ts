import type { CustomRoute } from '@slack/bolt';
import type { IssueTracker } from '../domain/trackers/tracker.js';
import { handleGithubEvent } from '../integrations/github/github-events.js';
import { githubTracker } from '../integrations/github/github-tracker.js';
import { type GithubWebhookTarget, githubWebhookRoute } from '../integrations/github/github-webhook-route.js';
import { inWorkspace } from '../slack/bolt/deps.js';
import type { Workspace } from '../workspaces/workspace.js';
import type { Basics } from './basics.js';
import type { Services } from './services.js';
import type { SlackApp } from './slack-app.js';

export interface Trackers {
  /** A workspace's engineering tracker: GITHUB_TOKEN's, for the one workspace it is configured for. */
  trackerOf(workspace: Workspace): IssueTracker | null;
  /** POST /webhooks/github, served on PORT with /healthz and /metrics. */
  routes: CustomRoute[];
  /** Once the workspaces and services exist, webhooks reach them (until then they get 404). */
  connect(slack: SlackApp, services: Services): void;
}

/** Engineering's trackers from the settings: GitHub Issues for a single workspace. */
export function wireTrackers(basics: Basics): Trackers {
  const { config, clock, logger } = basics;
  const settings = config.trackers?.github ?? null;
  const github = settings ? githubTracker(settings, { clock, logger }) : null;
  let target: GithubWebhookTarget | null = null;
  return {
    trackerOf: () => github,
    routes: [githubWebhookRoute(() => target, { clock, logger })],
    connect(slack, services) {
      const workspace = slack.workspaces.single;
      if (!settings?.webhookSecret || !workspace) return;
      const useCases = inWorkspace(services.deps, workspace);
      const commentMarker = config.trackers?.commentMarker ?? 'customer:';
      target = {
        secret: settings.webhookSecret,
        markers: workspace.repositories.markers,
        handle: (event, payload) =>
          handleGithubEvent(
            { useCases, vendorTeamId: workspace.teamId, commentMarker, statusMap: settings.statusMap },
            event,
            payload,
          ),
      };
    },
  };
}
