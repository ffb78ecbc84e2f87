import type { Actor } from '../../domain/actors.js';
import type { AskTracker, IssueUnlinked, TrackerName } from '../../domain/trackers/tracker.js';

type ActorDocument = { userId: string; teamId: string; side: string };

/** Stored shape of an ask's tracker side. */
export interface TrackerDocument {
  requested: { at: Date; by: ActorDocument } | null;
  issue: { tracker: string; key: string; url: string } | null;
  due: string | null;
  assignees: string[];
  failure: string | null;
  told?: { history: number; votes: number; customer?: boolean } | null;
  unlinked?: { issue: { tracker: string; key: string; url: string }; why: string; at: Date } | null;
}

export const toTrackerDocument = (t: AskTracker): TrackerDocument => ({
  requested: t.requested ? { at: t.requested.at, by: { ...t.requested.by } } : null,
  issue: t.issue ? { ...t.issue } : null,
  due: t.due,
  assignees: [...t.assignees],
  failure: t.failure,
  told: t.told ? { ...t.told } : null,
  unlinked: t.unlinked ? { ...t.unlinked, issue: { ...t.unlinked.issue } } : null,
});

export const fromTrackerDocument = (d: TrackerDocument): AskTracker => ({
  requested: d.requested
    ? { at: d.requested.at, by: { ...d.requested.by, side: d.requested.by.side as Actor['side'] } }
    : null,
  issue: d.issue ? { ...d.issue, tracker: d.issue.tracker as TrackerName } : null,
  due: d.due ?? null,
  assignees: d.assignees ?? [],
  failure: d.failure ?? null,
  told: d.told ? { ...d.told } : null,
  unlinked: d.unlinked
    ? {
        issue: { ...d.unlinked.issue, tracker: d.unlinked.issue.tracker as TrackerName },
        why: d.unlinked.why as IssueUnlinked['why'],
        at: d.unlinked.at,
      }
    : null,
});
