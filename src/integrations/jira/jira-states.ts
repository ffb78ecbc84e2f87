import type { StateTable } from '../../domain/trackers/status-mapping.js';

/** Resolutions of a Done issue that mean engineering will not do it: each is a state of its own. */
const DECLINING = ["Won't Do", "Won't Fix", 'Duplicate', 'Cannot Reproduce', 'Declined'];

/**
 * Jira's states and what they mean by default: a status category (To Do `new`, In Progress
 * `indeterminate`, Done `done`), and for a Done issue a declining resolution by its name.
 */
export const JIRA_STATES: StateTable = {
  new: { label: 'to do', phase: 'open' },
  indeterminate: { label: 'in progress', phase: 'started' },
  done: { label: 'done', phase: 'completed' },
  ...Object.fromEntries(DECLINING.map((name) => [name, { label: `resolved as ${name}`, phase: 'declined' }])),
};

/**
 * The native state of a Jira issue: a Done issue's declining resolution (compared without case), else its
 * status category; a status in no known category reads as To Do.
 */
export function jiraState(categoryKey: string | undefined, resolution: string | null | undefined): string {
  const category = categoryKey && categoryKey in JIRA_STATES ? categoryKey : 'new';
  const declining = resolution && DECLINING.find((name) => name.toLowerCase() === resolution.toLowerCase());
  return category === 'done' && declining ? declining : category;
}
