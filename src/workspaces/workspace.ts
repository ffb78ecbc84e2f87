import type { WebClient } from '@slack/web-api';
import type { Repositories } from '../domain/ports.js';
import type { SlackDirectory } from '../slack/bolt/directory.js';

/**
 * What belongs to one workspace that installed Rapport: its data, its Slack clients, its view of people.
 * A request finds its own on Bolt's context; a job is handed each workspace it visits.
 */
export interface Workspace {
  /** `T<team id>`, or `E<enterprise id>` for an org-wide install. */
  key: string;
  /** The installing (vendor) team: who is on the vendor side. */
  teamId: string;
  repositories: Repositories;
  /** With the Web API client's own retries, as Bolt's listener clients. */
  client: WebClient;
  /** Never retrying inside: scheduled posts retry through their own leases (see wiring/slack-app.ts). */
  jobClient: WebClient;
  /** For the effects of changes: a few quick retries inside (see wiring/slack-app.ts). */
  effectClient: WebClient;
  directory: SlackDirectory;
}

/** A workspace as scheduled work lists it: opening it authorises its bot token (maybe refreshing it). */
export interface InstalledWorkspace {
  key: string;
  open(): Promise<Workspace>;
}
