import type { Clock } from '../domain/ports.js';
import type { StatusMap } from '../domain/trackers/status-mapping.js';
import type { IssueTracker, TrackerName } from '../domain/trackers/tracker.js';
import type { TrackerAccess } from '../domain/trackers/tracker-connection.js';
import type { AppLogger } from '../logger.js';
import { githubConnector } from './github/github-connector.js';
import { jiraConnector } from './jira/jira-connector.js';
import { linearConnector } from './linear/linear-connector.js';

/** How Rapport connects a tracker: its fields and states, the check, and the client on opened settings. */
export interface TrackerConnector extends TrackerAccess {
  /** Where its webhook is added, as the tracker's settings name it. */
  webhookPlace: string;
  /** The events its webhook must send, as the tracker's settings name them. */
  webhookEvents: string;
  open(settings: Readonly<Record<string, string>>, statusMap: StatusMap): IssueTracker;
}

/** Every tracker a workspace can connect; adding one is an entry here. */
export const trackerConnectors = (deps: {
  clock: Clock;
  logger: AppLogger;
}): Record<TrackerName, TrackerConnector> => ({
  github: githubConnector(deps),
  jira: jiraConnector(),
  linear: linearConnector(deps),
});
