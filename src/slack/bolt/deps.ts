import type { Consequences } from '../../app/consequences.js';
import type { PersonLimiter } from '../../app/limits/person-limiter.js';
import type { AnnouncementSettings } from '../../domain/announcements/announcement-settings.js';
import type { DigestClaim } from '../../domain/digests/take-due-digests.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import type { IssueTrackers, TrackerName } from '../../domain/trackers/tracker.js';
import type { WebhookEvent } from '../../domain/webhooks/webhook-events.js';
import type { TrackerConnector } from '../../integrations/tracker-connectors.js';
import type { AppLogger } from '../../logger.js';
import type { SimilarRequests } from '../../similar/similar-requests.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { PublishReport } from '../digests/publish-digests.js';
import type { SlackDirectory } from './directory.js';
import type { RapportContext } from './rapport-context.js';

/**
 * What every feature is given when its listeners are registered (wired by hand in src/wiring/): the
 * process's services. A request's workspace, partnership and actor ride on its context (rapport-context.ts).
 */
export interface SlackDeps {
  clock: Clock;
  newId: () => string;
  logger: AppLogger;
  /** Where changes stored in a workspace owe their consequences (cards, notices, Home tabs), after the ack. */
  consequencesIn(workspace: Workspace): Consequences;
  /** Builds and posts a workspace's claimed digests within Slack's rate limits ("Post now" and the schedule). */
  publishDigests(workspace: Workspace, claims: DigestClaim[]): Promise<PublishReport>;
  /** Sends the workspace's due announcements, one delivery per partnership, within Slack's rate limits. */
  sendAnnouncements(workspace: Workspace): Promise<void>;
  /** Sends the workspace's incident updates: thread replies, then top messages edited, paced. */
  sendIncidentUpdates(workspace: Workspace): Promise<void>;
  /** When large announcements get an owners' hold window and need a second sign-off. */
  announcementSettings: AnnouncementSettings;
  /** Counts what people outside the vendor do against their per-person limits. */
  limiter: PersonLimiter;
  /** Other customers' enhancements that may be the same request, per workspace (vendor side only). */
  similar: SimilarRequests;
  webhooks: {
    /** Starts sending what is due in the workspace, in the background. */
    deliver(workspace: Workspace): void;
    /** Queues events that no record's effects carry (feedback, departures, digests), then starts sending. */
    publish(workspace: Workspace, events: WebhookEvent[]): Promise<void>;
    /** Seals an endpoint's secret for the store; null without TOKEN_ENCRYPTION_KEYS (none can be added). */
    seal: ((secret: string) => string) | null;
  };
  /** The workspace's engineering trackers, by name: those of the settings and those it connected. */
  trackersOf(workspace: Workspace): Promise<IssueTrackers>;
  trackerSetup: TrackerSetup;
}

/** What connecting a workspace's trackers in Slack needs. */
export interface TrackerSetup {
  connectors: Readonly<Record<TrackerName, TrackerConnector>>;
  /** TRACKER_ADMINS: who may connect trackers besides the workspace's admins and owners. */
  admins: readonly string[];
  /** Seals a tracker's secrets for the store; null without TOKEN_ENCRYPTION_KEYS (none can be connected). */
  seal: ((secret: string) => string) | null;
  /** The tracker comes from the settings here (GITHUB_TOKEN, JIRA_API_TOKEN, LINEAR_API_KEY): it is changed there, not in Slack. */
  fromSettings(workspace: Workspace, name: TrackerName): boolean;
}

/** What the Slack side of a feature works with in one workspace: its data and people, the time, the log. */
export interface InWorkspace {
  repositories: Repositories;
  directory: SlackDirectory;
  clock: Clock;
  logger: AppLogger;
  /** Where the changes made here owe their effects: in the same workspace. */
  consequences: Consequences;
}

/** A listener's services for one request: the process's, joined with the request's workspace. */
export type RequestDeps = SlackDeps & InWorkspace;

export function inWorkspace(deps: SlackDeps, workspace: Workspace): RequestDeps {
  return {
    ...deps,
    repositories: workspace.repositories,
    directory: workspace.directory,
    consequences: deps.consequencesIn(workspace),
  };
}

/**
 * A listener's services for the request it handles: its workspace's, logging through the request's logger,
 * so that what they log names the request on every runtime (see withLogFields).
 */
export function inRequest(deps: SlackDeps, context: RapportContext): RequestDeps {
  return { ...inWorkspace(deps, context.workspace), logger: context.log };
}
