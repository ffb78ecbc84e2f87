import type { Actor } from '../../domain/actors.js';
import type { Ask } from '../../domain/asks/ask.js';
import { isClosed, nextStatuses } from '../../domain/asks/lifecycle.js';
import { detachIssue, noteFromIssue, recordIssueFacts } from '../../domain/trackers/ask-issue-actions.js';
import { statusForPhase } from '../../domain/trackers/issue-phase-status.js';
import type { IssueStatus } from '../../domain/trackers/status-mapping.js';
import type { TrackerName } from '../../domain/trackers/tracker.js';
import type { AskUseCaseDeps } from '../asks/ask-use-case-deps.js';
import { changeAsk } from '../asks/change-ask.js';

/**
 * What engineering's tracker says about an issue, applied to every ask linked to it by the same use
 * cases a person's change goes through: the card, the customer's notice, the follow-up plan, shipping
 * along the linked group. The tracker acts on behalf of each ask's owner (the vendor person who owns the
 * customer relationship).
 */
export interface IssueNews {
  tracker: TrackerName;
  key: string;
  /** The vendor's Slack team: the side the tracker speaks for. */
  vendorTeamId: string;
}

/** How many asks an issue's news changed; zero for an issue no ask is linked to (ignored). */
export type Followed = { linked: number; changed: number };

const asksOf = (deps: AskUseCaseDeps) => ({ asks: deps.repositories.asks, clock: deps.clock });

const ownerOf = (ask: Ask, news: IssueNews): Actor => ({
  userId: ask.ownerId,
  teamId: news.vendorTeamId,
  side: 'vendor',
});

async function eachLinked(
  deps: AskUseCaseDeps,
  news: IssueNews,
  apply: (ask: Ask, linked: Ask[]) => Promise<boolean>,
): Promise<Followed> {
  const linked = await deps.repositories.asks.findByIssue(news.tracker, news.key);
  let changed = 0;
  for (const { id } of linked) {
    // Read again: changing one ask may have changed the next (an enhancement shipped along its group).
    const ask = await deps.repositories.asks.findById(id);
    if (ask && (await apply(ask, linked))) changed += 1;
  }
  return { linked: linked.length, changed };
}

/**
 * The issue moved (opened, started, closed as completed or declined): each linked ask follows. A decline
 * is told in the tracker's words (the status label: "closed as not planned", "resolved as Won't Do").
 */
export const followIssuePhase = (deps: AskUseCaseDeps, news: IssueNews, issue: IssueStatus) =>
  eachLinked(deps, news, async (ask, linked) => {
    // Shipping the group's leader ships its followers (with their own notices): they are left to it.
    const leaderLinked = ask.linkedTo !== null && linked.some((a) => a.id === ask.linkedTo);
    if (issue.phase === 'completed' && ask.kind === 'enhancement' && leaderLinked) return false;
    const move = statusForPhase(ask.kind, issue);
    // Reopening a shipped enhancement, or a move its lifecycle has no path for, leaves it as it is.
    if (!move || move.status === ask.status || !nextStatuses(ask.kind, ask.status).includes(move.status))
      return false;
    const result = await changeAsk(deps, {
      actor: ownerOf(ask, news),
      askId: ask.id,
      status: move.status,
      note: move.notice,
      internalNote: null,
      promisedDate: null,
      ownerId: null,
    });
    return result.ok;
  });

/**
 * A comment on the issue: internal (the twin's thread) unless it starts with the marker, then the rest
 * goes to the customer as a note from its author's Slack user at the vendor (`authorUserId`, as the
 * workspace mapped the tracker login), or else from the ask's owner.
 */
export const followIssueComment = (
  deps: AskUseCaseDeps,
  news: IssueNews,
  comment: { author: string; authorUserId: string | null; body: string; marker: string },
) =>
  eachLinked(deps, news, async (ask) => {
    const { body, marker, author, authorUserId } = comment;
    const forCustomer = marker !== '' && body.trimStart().toLowerCase().startsWith(marker.toLowerCase());
    if (!forCustomer) {
      const text = `Comment by ${author} on ${news.key}: ${body}`;
      const result = await noteFromIssue(asksOf(deps), ask.id, ownerOf(ask, news), text);
      return owed(deps, ask, result.ok && result.value.changed);
    }
    const note = body.trimStart().slice(marker.length).trim();
    if (!note || isClosed(ask.kind, ask.status)) return false;
    const actor: Actor = authorUserId
      ? { userId: authorUserId, teamId: news.vendorTeamId, side: 'vendor' }
      : ownerOf(ask, news);
    const result = await changeAsk(deps, {
      actor,
      askId: ask.id,
      status: ask.status,
      note,
      internalNote: null,
      promisedDate: null,
      ownerId: null,
    });
    return result.ok;
  });

/** The issue's due date (or milestone's) and assignees, shown on the twin; nothing is promised by it. */
export const followIssueFacts = (
  deps: AskUseCaseDeps,
  news: IssueNews,
  facts: { due: string | null; assignees: string[] },
) =>
  eachLinked(deps, news, async (ask) => {
    const result = await recordIssueFacts(asksOf(deps), ask.id, facts);
    return owed(deps, ask, result.ok && result.value.changed);
  });

/** The issue was deleted or transferred: each linked ask is unlinked, its owner told internally. */
export const forgetIssue = (deps: AskUseCaseDeps, news: IssueNews, why: 'deleted' | 'transferred') =>
  eachLinked(deps, news, async (ask) => {
    const result = await detachIssue(asksOf(deps), ask.id, ownerOf(ask, news), why);
    return owed(deps, ask, result.ok && result.value.changed);
  });

function owed(deps: AskUseCaseDeps, ask: Ask, changed: boolean): boolean {
  if (changed) deps.consequences.owe('ask', ask.id);
  return changed;
}
