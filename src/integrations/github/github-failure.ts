import type { Clock } from '../../domain/ports.js';
import { TrackerRefusal, TrackerUnavailable } from '../../domain/trackers/tracker.js';

/** What Octokit's RequestError carries (duck-typed: the class belongs to a package Rapport does not depend on). */
interface RequestError {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined> };
}

const isRequestError = (error: unknown): error is RequestError =>
  error instanceof Error && typeof (error as Partial<RequestError>).status === 'number';

const header = (error: RequestError, name: string) => {
  const value = error.response?.headers[name];
  return value === undefined ? undefined : String(value);
};

/** How long GitHub asks us to wait: Retry-After seconds, or until the rate-limit window resets. */
function waitOf(error: RequestError, clock: Clock): number {
  const retryAfter = Number(header(error, 'retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  const reset = Number(header(error, 'x-ratelimit-reset'));
  if (header(error, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset))
    return Math.max(0, reset * 1000 - clock.now().getTime());
  return 0;
}

const REFUSALS: Record<number, string> = {
  401: 'GitHub refused the token (bad credentials): set a valid GITHUB_TOKEN.',
  403: 'GitHub refused: the token lacks the permission (Issues: read and write), or the repository is archived.',
  404: 'GitHub does not know this repository, or the token cannot see it: check the repository in /rapport tracker and the token’s access.',
  410: 'Issues are turned off in this repository.',
  422: 'GitHub refused the issue as invalid (check the labels and the repository).',
};

/**
 * A failed GitHub call as a tracker failure: rate limits (429, or 403 with no requests left) and server
 * or network trouble are worth retrying, after GitHub's Retry-After; other refusals are not.
 */
export function classifyGithubFailure(error: unknown, clock: Clock): Error {
  if (!isRequestError(error)) return new TrackerUnavailable(`GitHub unreachable: ${String(error)}`, 0);
  const limited =
    error.status === 429 || (error.status === 403 && header(error, 'x-ratelimit-remaining') === '0');
  if (limited || error.status >= 500 || error.status === 0)
    return new TrackerUnavailable(`GitHub answered ${error.status}`, waitOf(error, clock));
  const plain = REFUSALS[error.status] ?? `GitHub refused (${error.status}).`;
  return new TrackerRefusal(`${plain} GitHub said: ${error.message.slice(0, 200)}`);
}
