import type { StateTable } from '../../domain/trackers/status-mapping.js';

/**
 * GitHub's issue states (an open issue, or a closed one by its `state_reason`) and what they mean by
 * default. A duplicate is tracked on another issue, so it moves nothing; GitHub Issues has no "started".
 */
export const GITHUB_STATES: StateTable = {
  open: { label: 'open', phase: 'open' },
  completed: { label: 'closed as completed', phase: 'completed' },
  not_planned: { label: 'closed as not planned', phase: 'declined' },
  duplicate: { label: 'closed as a duplicate', phase: null },
};

/** The native state of a GitHub issue: `open`, or its close reason (an older close without one is completed). */
export const githubState = (issue: { state: string; state_reason?: string | null | undefined }): string =>
  issue.state === 'open' ? 'open' : (issue.state_reason ?? 'completed');
