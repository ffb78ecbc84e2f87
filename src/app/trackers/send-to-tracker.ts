import type { Actor } from '../../domain/actors.js';
import { enhancementGroup } from '../../domain/asks/link-enhancements.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { attachIssue, type IssueActionError, requestIssue } from '../../domain/trackers/ask-issue-actions.js';
import {
  ISSUE_KEY_EXAMPLES,
  type IssueLink,
  type IssueTracker,
  type IssueTrackers,
  isTrackedKind,
} from '../../domain/trackers/tracker.js';
import { linkToEnhancement } from '../asks/act-on-ask.js';
import type { AskUseCaseDeps } from '../asks/ask-use-case-deps.js';

/** "Send to tracker": the issue is created by the ask's effects, once, retried until the tracker answers. */
export async function sendToTracker(deps: AskUseCaseDeps, askId: string, actor: Actor) {
  const result = await requestIssue({ asks: deps.repositories.asks, clock: deps.clock }, askId, actor);
  if (result.ok && result.value.changed) deps.consequences.owe('ask', askId);
  return result;
}

export interface LinkedIssue {
  issue: IssueLink;
  /** The other customers' asks on the same issue this one is now grouped with, by reference. */
  groupedWith: string[];
  /** Why grouping with them did not work, when it did not (the link itself holds). */
  groupProblem: string | null;
}

/**
 * The tracker and key a person's text names. A bare key may suit several trackers (`OPS-42`): the one
 * the ask's partnership sends its kind of request to is tried first.
 */
async function issueNamed(
  deps: AskUseCaseDeps,
  trackers: IssueTrackers,
  request: { askId: string; issueText: string },
): Promise<{ tracker: IssueTracker; key: string } | null> {
  const ask = await deps.repositories.asks.findById(request.askId);
  const partnership = ask && (await deps.repositories.partnerships.findById(ask.partnershipId));
  const routed = ask && isTrackedKind(ask.kind) ? partnership?.trackers[ask.kind]?.tracker : undefined;
  const candidates = Object.values(trackers).sort(
    (a, b) => Number(b.name === routed) - Number(a.name === routed),
  );
  for (const tracker of candidates) {
    const key = tracker.parseKey(request.issueText.trim());
    if (key) return { tracker, key };
  }
  return null;
}

/**
 * "Link existing issue" and `/rapport track`: the ask follows an issue engineering already has. Asks of
 * other customers on the same issue are the same product change: they become one linked group.
 */
export async function linkExistingIssue(
  deps: AskUseCaseDeps,
  trackers: IssueTrackers,
  request: { actor: Actor; askId: string; issueText: string },
): Promise<Result<LinkedIssue, IssueActionError>> {
  const connected = Object.values(trackers);
  if (connected.length === 0)
    return fail({ code: 'invalid', message: 'No tracker is connected: see docs/trackers.md.' });
  const named = await issueNamed(deps, trackers, request);
  if (!named) {
    const examples = connected.map((t) => ISSUE_KEY_EXAMPLES[t.name]).join(' or ');
    return fail({ code: 'invalid', message: `Give the issue’s address or its key, like ${examples}.` });
  }
  const { tracker, key } = named;
  const issue = await tracker.read(key);
  if (!issue)
    return fail({ code: 'invalid', message: `There is no issue ${key}, or Rapport cannot see it.` });
  const asks = { asks: deps.repositories.asks, clock: deps.clock };
  const attached = await attachIssue(asks, request.askId, request.actor, issue);
  if (!attached.ok) return attached;
  if (attached.value.changed) deps.consequences.owe('ask', request.askId);
  const ask = attached.value.ask;
  const others = (await deps.repositories.asks.findByIssue(issue.tracker, issue.key)).filter(
    (a) => a.partnershipId !== ask.partnershipId && a.kind === 'enhancement',
  );
  const link = { tracker: issue.tracker, key: issue.key, url: issue.url };
  const first = others[0];
  if (!first || ask.kind !== 'enhancement') return ok({ issue: link, groupedWith: [], groupProblem: null });
  const grouped = await linkToEnhancement(deps, {
    actor: request.actor,
    askId: ask.id,
    target: { id: first.id },
  });
  if (!grouped.ok) {
    const problem = grouped.error.code === 'not_found' ? 'the request is gone' : grouped.error.message;
    return ok({ issue: link, groupedWith: [], groupProblem: problem });
  }
  const group = await enhancementGroup(deps.repositories.asks, grouped.value.ask);
  return ok({
    issue: link,
    groupedWith: group.filter((a) => a.id !== ask.id).map((a) => a.ref),
    groupProblem: null,
  });
}
