import type { Ask } from '../asks/ask.js';
import type { IssueTold } from './tracker.js';

/** Keeps customers' text from pinging tracker users or teams (`@name`) when engineering reads it. */
export const quiet = (text: string) => text.replace(/@(?=[\w-])/g, '@\u200b');

/** Whether a tracker comment is Rapport's own news below (its webhook coming back), by its first line. */
export const isIssueNews = (text: string) => /^Update on [A-Z0-9]+-\d+ from Rapport:/.test(text.trimStart());

/**
 * What the issue has not been told of the ask since it was linked: details someone added, how many
 * people want it now (a count: other customers' people are never named), a date promised to the
 * customer. Null when there is nothing new for engineering.
 */
export function issueNews(ask: Ask, told: IssueTold): string | null {
  const lines = ask.history.slice(told.history).flatMap((entry) => {
    if (entry.action === 'details' && entry.note)
      return [`**Details added (${entry.by.side} side):**\n> ${quiet(entry.note).replace(/\n/g, '\n> ')}`];
    if (entry.action === 'promised_date' && entry.to)
      return [`**Promised to the customer for ${entry.to}.**`];
    return [];
  });
  if (ask.voters.length > told.votes)
    lines.push(
      `**${ask.voters.length + 1} people at the customer want this now** (+${ask.voters.length - told.votes}).`,
    );
  if (lines.length === 0) return null;
  return [`Update on ${ask.ref} from Rapport:`, '', ...lines].join('\n');
}
