import type { Actor } from '../actors.js';
import type { IssueStatus } from './status-mapping.js';

export type { IssuePhase } from './status-mapping.js';

/** The trackers Rapport can drive asks from. */
export const TRACKERS = ['github'] as const;
export type TrackerName = (typeof TRACKERS)[number];

export const TRACKER_LABELS: Record<TrackerName, string> = { github: 'GitHub' };

/** Where an issue lives and how people know it: `owner/repo#12` and its web address. */
export interface IssueLink {
  tracker: TrackerName;
  key: string;
  url: string;
}

/** What Rapport reads of an issue. */
export interface TrackerIssue extends IssueLink {
  /** Where it stands, by the workspace's status mapping; null for a state that moves nothing. */
  status: IssueStatus | null;
  /** A due date or milestone date ('YYYY-MM-DD'), never promised by itself. */
  due: string | null;
  /** The assignees' tracker logins. */
  assignees: string[];
}

/** The tracker's side of an ask: whether an issue is wanted, the one it is linked to, what the tracker says. */
export interface AskTracker {
  /** Someone asked for an issue (or the partnership sends this kind on raise): the effects create it once. */
  requested: { at: Date; by: Actor } | null;
  issue: IssueLink | null;
  /** The issue's due date or milestone date: shown on the twin with "Promise this date". */
  due: string | null;
  /** The issue's assignees' tracker logins, shown on the twin; the ask's owner stays who it is. */
  assignees: string[];
  /** Why the tracker refused the last send, in plain words, until someone sends again. */
  failure: string | null;
  /** How much of the ask's activity the issue has been told (history entries, votes) since it was linked. */
  told: IssueTold | null;
  /** The issue was deleted or moved away: its owner is still to be told privately. */
  unlinked: IssueUnlinked | null;
}

export interface IssueUnlinked {
  issue: IssueLink;
  why: 'deleted' | 'transferred';
  at: Date;
}

export interface IssueTold {
  history: number;
  votes: number;
}

export const NO_TRACKER: AskTracker = {
  requested: null,
  issue: null,
  due: null,
  assignees: [],
  failure: null,
  told: null,
  unlinked: null,
};

/** The kinds of ask that go to engineering's tracker. */
export const TRACKED_KINDS = ['help', 'enhancement'] as const;
export type TrackedKind = (typeof TRACKED_KINDS)[number];

export const isTrackedKind = (kind: string): kind is TrackedKind =>
  (TRACKED_KINDS as readonly string[]).includes(kind);

/** Per partnership: where each kind of ask goes, whether it goes there when raised, and labels to add. */
export interface TrackerRoute {
  tracker: TrackerName;
  /** GitHub: `owner/repo`. */
  project: string;
  autoSend: boolean;
  labels: string[];
}

export type TrackerSettings = Partial<Record<TrackedKind, TrackerRoute>>;

/** What is sent to create an issue: the ask's content, for engineering. */
export interface IssueDraft {
  title: string;
  body: string;
  labels: string[];
  /** The ask's reference, searched for before creating again after an unknown outcome. */
  reference: string;
  /** Carried hidden in the issue, so a search can tell this ask's issue from another partnership's same reference. */
  marker: string;
}

/** A tracker's answer that will not change by retrying (bad credentials, missing scope, archived repository). */
export class TrackerRefusal extends Error {
  readonly code = 'tracker_refused';
}

/** A tracker that is down or rate-limited for now: try again, not before `retryAfterMs`. */
export class TrackerUnavailable extends Error {
  readonly code = 'tracker_unavailable';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** How Rapport reaches one tracker (a port: the integration implements it over the tracker's API). */
export interface IssueTracker {
  readonly name: TrackerName;
  /** The issue in `project` created for this draft, if one exists (an earlier attempt's lost answer). */
  findCreated(project: string, draft: IssueDraft): Promise<TrackerIssue | null>;
  create(project: string, draft: IssueDraft): Promise<TrackerIssue>;
  /** The issue a person named (URL or key); null when there is no such issue. */
  read(key: string): Promise<TrackerIssue | null>;
  /** Turns what a person typed (a URL or a key) into the issue's key, or null when it names none. */
  parseKey(text: string): string | null;
  /** Whether a comment holding `marker` was posted on the issue since `since` (an earlier attempt's lost answer). */
  hasComment(key: string, marker: string, since: Date): Promise<boolean>;
  /** Posts a comment; `marker` rides hidden in it. */
  comment(key: string, body: string, marker: string): Promise<void>;
}
