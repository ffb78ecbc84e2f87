import type { CustomRoute } from '@slack/bolt';
import type { IssueTrackers } from '../domain/trackers/tracker.js';
import { handleGithubEvent } from '../integrations/github/github-events.js';
import { githubTracker } from '../integrations/github/github-tracker.js';
import { githubWebhookRoute } from '../integrations/github/github-webhook-route.js';
import { handleJiraEvent } from '../integrations/jira/jira-events.js';
import { jiraTracker } from '../integrations/jira/jira-tracker.js';
import { jiraWebhookRoute } from '../integrations/jira/jira-webhook-route.js';
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
  /** A workspace's engineering trackers: those configured, for the one workspace they are configured for. */
  trackersOf(workspace: Workspace): IssueTrackers;
  /** POST /webhooks/github, /webhooks/jira and /webhooks/linear, served on PORT with /healthz and /metrics. */
  routes: CustomRoute[];
  /** Once the workspaces and services exist, webhooks reach them (until then they get 404). */
  connect(slack: SlackApp, services: Services): void;
}

type EventHandler = typeof handleGithubEvent;

/** Engineering's trackers from the settings: GitHub Issues, Jira Cloud and Linear, for a single workspace. */
export function wireTrackers(basics: Basics): Trackers {
  const { config, clock, logger } = basics;
  const githubSettings = config.trackers?.github ?? null;
  const jiraSettings = config.trackers?.jira ?? null;
  const linearSettings = config.trackers?.linear ?? null;
  const trackers: IssueTrackers = {
    ...(githubSettings ? { github: githubTracker(githubSettings, { clock, logger }) } : {}),
    ...(jiraSettings ? { jira: jiraTracker(jiraSettings) } : {}),
    ...(linearSettings ? { linear: linearTracker(linearSettings, { clock }) } : {}),
  };
  const targets: Record<'github' | 'jira' | 'linear', TrackerWebhookTarget | null> = {
    github: null,
    jira: null,
    linear: null,
  };
  return {
    trackersOf: () => trackers,
    routes: [
      githubWebhookRoute(() => targets.github, { clock, logger }),
      jiraWebhookRoute(() => targets.jira, { clock, logger }),
      linearWebhookRoute(() => targets.linear, { clock, logger }),
    ],
    connect(slack, services) {
      const workspace = slack.workspaces.single;
      if (!workspace) return;
      const useCases = inWorkspace(services.deps, workspace);
      const eventDeps = {
        useCases,
        vendorTeamId: workspace.teamId,
        commentMarker: config.trackers?.commentMarker ?? 'customer:',
      };
      const target = (secret: string | null | undefined, handle: EventHandler) =>
        secret
          ? {
              secret,
              markers: workspace.repositories.markers,
              handle: (event: string, payload: Record<string, unknown>) => handle(eventDeps, event, payload),
            }
          : null;
      targets.github = target(githubSettings?.webhookSecret, handleGithubEvent);
      targets.jira = target(jiraSettings?.webhookSecret, handleJiraEvent);
      targets.linear = target(linearSettings?.webhookSecret, handleLinearEvent);
    },
  };
}
