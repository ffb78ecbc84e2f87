import type { IssuePhase } from '../../domain/trackers/tracker.js';

/**
 * Jira's states as issue phases, by default: a status category (To Do `new`, In Progress
 * `indeterminate`, Done `done`), and among done issues the resolutions that mean engineering will not do it.
 * One table, so a partnership's own mapping can replace it.
 */
export const JIRA_PHASES = {
  categories: { new: 'open', indeterminate: 'started', done: 'completed' } as Record<string, IssuePhase>,
  /** Resolutions (compared case-insensitively) that decline the ask, named in the customer's notice. */
  declining: ["Won't Do", "Won't Fix", 'Duplicate', 'Cannot Reproduce', 'Declined'],
};

/** What an issue's status category and resolution mean; a status in no known category reads as open. */
export function jiraPhaseOf(
  categoryKey: string | undefined,
  resolution: string | null | undefined,
): { phase: IssuePhase; declinedAs: string | null } {
  const phase = (categoryKey && JIRA_PHASES.categories[categoryKey]) || 'open';
  const declining = resolution
    ? JIRA_PHASES.declining.find((name) => name.toLowerCase() === resolution.toLowerCase())
    : undefined;
  if (phase === 'completed' && declining)
    return { phase: 'declined', declinedAs: `resolved as ${declining}` };
  return { phase, declinedAs: null };
}
