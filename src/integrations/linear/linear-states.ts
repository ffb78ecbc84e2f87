import type { IssuePhase } from '../../domain/trackers/tracker.js';

/**
 * What each of Linear's workflow state types means for an ask, by default (one table, so a partnership's
 * own mapping can replace it). Canceled declines the ask with a reason that says so. A duplicate's work goes
 * on in the issue it duplicates, so it moves nothing (as GitHub's "closed as duplicate"); unknown types
 * neither.
 */
export const LINEAR_STATE_PHASES: Readonly<Record<string, IssuePhase | null>> = {
  triage: 'open',
  backlog: 'open',
  unstarted: 'open',
  started: 'started',
  completed: 'completed',
  canceled: 'declined',
  duplicate: null,
};

export const phaseOfState = (type: string): IssuePhase | null => LINEAR_STATE_PHASES[type] ?? null;

/** How Linear puts a decline, for the customer: "the issue was canceled". */
export const declinedAsOf = (phase: IssuePhase | null) => (phase === 'declined' ? 'canceled' : null);
