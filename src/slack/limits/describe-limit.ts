import type { LimitedAction } from '../../domain/limits/person-limits.js';

const DONE: Record<LimitedAction, (max: number) => string> = {
  raise: (max) => `raised ${max} requests`,
  react: (max) => `raised requests with a reaction ${max} times`,
  details: (max) => `added details ${max} times`,
  vote: (max) => `voted ${max} times`,
  form: (max) => `opened ${max} forms`,
};
const PER: Record<LimitedAction, string> = {
  raise: 'hour',
  react: 'hour',
  details: 'hour',
  vote: 'hour',
  form: 'minute',
};

function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** What a person over a limit reads, privately: what they reached, when they can go on, what to do meanwhile. */
export function describeLimit(action: LimitedAction, verdict: { max: number; retryAfterMs: number }): string {
  return (
    `You have ${DONE[action](verdict.max)} this ${PER[action]}, the most Rapport takes from one person. ` +
    `You can go on in ${waitText(verdict.retryAfterMs)}; meanwhile, write in the channel and the team will see it.`
  );
}
