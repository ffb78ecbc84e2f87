import type { StateTable } from '../../domain/trackers/status-mapping.js';

/**
 * Linear's workflow state types and what they mean by default. Canceled declines the ask with a reason
 * that says so. A duplicate's work goes on in the issue it duplicates, so it moves nothing (as GitHub's
 * "closed as duplicate"); unknown types neither.
 */
export const LINEAR_STATES: StateTable = {
  triage: { label: 'in triage', phase: 'open' },
  backlog: { label: 'in the backlog', phase: 'open' },
  unstarted: { label: 'planned', phase: 'open' },
  started: { label: 'started', phase: 'started' },
  completed: { label: 'completed', phase: 'completed' },
  canceled: { label: 'canceled', phase: 'declined' },
  duplicate: { label: 'marked as a duplicate', phase: null },
};
