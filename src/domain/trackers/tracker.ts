import type { Actor } from '../actors.js';
import type { IssueStatus } from './status-mapping.js';

export type { IssuePhase } from './status-mapping.js';

/** The trackers Rapport can drive asks from. */
export const TRACKERS = ['github', 'jira', 'linear'] as const;
export type TrackerName = (typeof TRACKERS)[number];

export const TRACKER_LABELS: Record<TrackerName, string> = {
  github: 'GitHub',
  jira: 'Jira',
  linear: 'Linear',
};

/** What a person types to name an issue in each tracker, as shown in hints. */
export const ISSUE_KEY_EXAMPLES: Record<TrackerName, string> = {
  github: '`acme/app#12`',
  jira: '`OPS-42`',
  linear: '`ENG-12`',
};

export const isTrackerName = (name: string): name is TrackerName =>
  (TRACKERS as readonly string[]).includes(name);

/** Where an issue lives and how people know it: `owner/repo#12` or `ENG-12`, and its web address. */
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
  /** The assignees' tracker logins (or names). */
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
  /** The issue was told which customer wants it (Linear: a customer need); trackers without that never are. */
  customer?: boolean;
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
  /** GitHub: `owner/repo`; Jira: the project key (`OPS`); Linear: a team key (`ENG`). */
  project: string;
  autoSend: boolean;
  labels: string[];
}

export type TrackerSettings = Partial<Record<TrackedKind, TrackerRoute>>;

/** What is sent to create an issue: the ask's content, for engineering. */
export interface IssueDraft {
  /** The ask's kind: a tracker may file each kind as its own issue type. */
  kind: TrackedKind;
  title: string;
  body: string;
  labels: string[];
  /** The ask's reference, searched for before creating again after an unknown outcome. */
  reference: string;
  /** Carried hidden in the issue, so a search can tell this ask's issue from another partnership's same reference. */
  marker: string;
}

/** A workspace's connected trackers, by name. */
export type IssueTrackers = Partial<Record<TrackerName, IssueTracker>>;

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

/** One customer's wish for an issue, as the tracker records it (Linear: a customer need). */
export interface CustomerNeed {
  /** The customer account: its name, and an id that stays the same when the name changes. */
  customer: { name: string; externalId: string };
  /** The ask's reference and a link back to it; never the names of other customers' people. */
  body: string;
  /** Names this need, so a retry after a lost answer records it once. */
  marker: string;
}

/** How Rapport reaches one tracker (a port: the integration implements it over the tracker's API). */
export interface IssueTracker {
  readonly name: TrackerName;
  /** The issue in `project` created for this draft, if one exists (an earlier attempt's lost answer). */
  findCreated(project: string, draft: IssueDraft): Promise<TrackerIssue | null>;
  create(project: string, draft: IssueDraft): Promise<TrackerIssue>;
  /** The issue a person named (URL or key); null when there is no such issue. */
  read(key: string): Promise<TrackerIssue | null>;
  /** The issues named (for polling, in as few calls as the tracker allows); a key missing from the answer is gone. */
  readAll(keys: string[]): Promise<Map<string, TrackerIssue>>;
  /** Turns what a person typed (a URL or a key) into the issue's key, or null when it names none. */
  parseKey(text: string): string | null;
  /** Turns what a person typed in `/rapport tracker` into a project of this tracker, or null when it names none. */
  parseProject(text: string): string | null;
  /** Whether a comment holding `marker` was posted on the issue since `since` (an earlier attempt's lost answer). */
  hasComment(key: string, marker: string, since: Date): Promise<boolean>;
  /** Posts a comment; `marker` rides hidden in it. */
  comment(key: string, body: string, marker: string): Promise<void>;
  /** Records which customer wants the issue, where the tracker keeps that; how it was recorded. */
  recordCustomerNeed?(key: string, need: CustomerNeed): Promise<'need' | 'comment'>;
}
