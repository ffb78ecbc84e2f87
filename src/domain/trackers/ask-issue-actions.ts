import type { Actor } from '../actors.js';
import { applyChange } from '../asks/apply-change.js';
import type { Ask } from '../asks/ask.js';
import { NOTE_MAX } from '../asks/text-limits.js';
import type { AskRepository, Clock } from '../ports.js';
import { fail, ok, type Result } from '../result.js';
import {
  type AskTracker,
  type IssueLink,
  type IssueUnlinked,
  isTrackedKind,
  NO_TRACKER,
  TRACKER_LABELS,
  type TrackerIssue,
} from './tracker.js';

export type IssueActionError = { code: 'not_found' } | { code: 'forbidden' | 'invalid'; message: string };

type Deps = { asks: AskRepository; clock: Clock };

const trackerOf = (ask: Ask): AskTracker => ask.tracker ?? NO_TRACKER;

/** What an issue linked now already knows of the ask: everything so far (it is in the issue, or was before it). */
export const activityNow = (ask: Ask) => ({ history: ask.history.length, votes: ask.voters.length });
const describe = (issue: IssueLink) => `${TRACKER_LABELS[issue.tracker]} issue ${issue.key}`;
const note = (now: Date, by: Actor, text: string) => ({ at: now, by, text: text.slice(0, NOTE_MAX) });

function mayTrack(actor: Actor, ask: Ask): Result<true, IssueActionError> {
  if (actor.side !== 'vendor')
    return fail({
      code: 'forbidden',
      message: 'Only people at the vendor can send requests to the tracker.',
    });
  if (!isTrackedKind(ask.kind))
    return fail({ code: 'invalid', message: 'Requests to the customer are not sent to a tracker.' });
  return ok(true);
}

/** "Send to tracker": an issue is wanted; the effects create it once. Sending again after a refusal retries. */
export const requestIssue = (deps: Deps, askId: string, actor: Actor) =>
  applyChange<IssueActionError>(deps, askId, (ask, now) => {
    const allowed = mayTrack(actor, ask);
    if (!allowed.ok) return allowed;
    const tracker = trackerOf(ask);
    if (tracker.issue)
      return fail({
        code: 'invalid',
        message: `${ask.ref} is linked to ${describe(tracker.issue)} already.`,
      });
    if (tracker.requested && !tracker.failure) return ok('unchanged');
    return ok({
      ...ask,
      tracker: { ...tracker, requested: { at: now, by: actor }, failure: null },
      updatedAt: now,
    });
  });

/** "Link existing issue": the ask follows an issue engineering already has; noted internally. */
export const attachIssue = (deps: Deps, askId: string, actor: Actor, issue: TrackerIssue) =>
  applyChange<IssueActionError>(deps, askId, (ask, now) => {
    const allowed = mayTrack(actor, ask);
    if (!allowed.ok) return allowed;
    const tracker = trackerOf(ask);
    if (tracker.issue?.key === issue.key && tracker.issue.tracker === issue.tracker) return ok('unchanged');
    const link = { tracker: issue.tracker, key: issue.key, url: issue.url };
    return ok({
      ...ask,
      tracker: { ...tracker, issue: link, due: issue.due, failure: null, told: activityNow(ask) },
      internalNotes: [...ask.internalNotes, note(now, actor, `Linked to ${describe(link)}.`)],
      updatedAt: now,
    });
  });

/** The issue's due date and assignees as the tracker last said; nothing is promised by it. */
export const recordIssueFacts = (
  deps: Deps,
  askId: string,
  facts: Partial<Pick<AskTracker, 'due' | 'assignees'>>,
) =>
  applyChange<never>(deps, askId, (ask, now) => {
    const tracker = trackerOf(ask);
    const next = { ...tracker, ...facts };
    const same = next.due === tracker.due && next.assignees.join() === tracker.assignees.join();
    return ok(same ? 'unchanged' : { ...ask, tracker: next, updatedAt: now });
  });

/**
 * The issue was deleted or moved away: the ask is no longer linked; the vendor side is told internally,
 * and its owner privately (the effects, once).
 */
export const detachIssue = (deps: Deps, askId: string, by: Actor, why: IssueUnlinked['why']) =>
  applyChange<never>(deps, askId, (ask, now) => {
    const issue = ask.tracker?.issue;
    if (!issue) return ok('unchanged');
    const text = `${describe(issue)} was ${why}: ${ask.ref} is no longer linked to it.`;
    const unlinked = { issue, why, at: now };
    return ok({
      ...ask,
      tracker: { ...trackerOf(ask), issue: null, requested: null, due: null, assignees: [], unlinked },
      internalNotes: [...ask.internalNotes, note(now, by, text)],
      updatedAt: now,
    });
  });

/** A tracker comment kept for the vendor side: an internal note, posted in the twin's thread. */
export const noteFromIssue = (deps: Deps, askId: string, by: Actor, text: string) =>
  applyChange<never>(deps, askId, (ask, now) =>
    ok({ ...ask, internalNotes: [...ask.internalNotes, note(now, by, text)], updatedAt: now }),
  );
