import type { LinearError } from '@linear/sdk';
import type { Clock } from '../../domain/ports.js';
import { TrackerRefusal, TrackerUnavailable } from '../../domain/trackers/tracker.js';
import { isLinearError } from './linear-sdk.js';

/** What the SDK keeps of Linear's answer: the GraphQL errors as sent and the response headers. */
interface RawAnswer {
  response?: {
    errors?: { message?: string; extensions?: { code?: string; userPresentableMessage?: string } }[];
    headers?: Headers;
  };
}

const rawOf = (error: LinearError) => (error.raw as RawAnswer | undefined)?.response;

/** Linear's `extensions.code` (RATELIMITED, AUTHENTICATION_ERROR, FORBIDDEN, …), or the SDK's type in that form. */
export function linearCodeOf(error: LinearError): string {
  const code = rawOf(error)?.errors?.[0]?.extensions?.code;
  return code ?? (error.type ?? 'Unknown').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * How long Linear asks us to wait: Retry-After seconds, or until the spent budget (requests or
 * complexity, whose reset headers are epoch milliseconds) is refilled.
 */
function waitOf(headers: Headers | undefined, clock: Clock): number {
  const retryAfter = Number(headers?.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter * 1000;
  const resets = ['requests', 'complexity'].flatMap((budget) => {
    const remaining = headers?.get(`x-ratelimit-${budget}-remaining`);
    const reset = Number(headers?.get(`x-ratelimit-${budget}-reset`));
    return remaining === '0' && Number.isFinite(reset) ? [reset - clock.now().getTime()] : [];
  });
  return Math.max(0, ...resets);
}

const REFUSALS: Record<string, string> = {
  AUTHENTICATION_ERROR: 'Linear refused the API key: set a valid LINEAR_API_KEY.',
  FORBIDDEN: 'Linear refused: the API key’s member may not do this in the team (check their access to it).',
  FEATURE_NOT_ACCESSIBLE: 'Linear refused: the workspace’s plan does not include this.',
  USAGE_LIMIT_EXCEEDED:
    'Linear refused: the workspace’s plan limit is reached (for example its number of issues).',
  INVALID_INPUT: 'Linear refused the issue as invalid (check the team and the labels).',
  INPUT_ERROR: 'Linear refused the issue as invalid (check the team and the labels).',
};

const RETRYABLE = new Set(['RATELIMITED', 'NETWORK_ERROR', 'INTERNAL_ERROR', 'LOCK_TIMEOUT']);

/**
 * A failed Linear call as a tracker failure: rate limits, server and network trouble are worth retrying,
 * after Linear's reset time; other refusals are not, and say in plain words what to change.
 */
export function classifyLinearFailure(error: unknown, clock: Clock): Error {
  if (!isLinearError(error)) return new TrackerUnavailable(`Linear unreachable: ${String(error)}`, 0);
  const code = linearCodeOf(error);
  const status = error.status ?? 0;
  if (RETRYABLE.has(code) || status >= 500 || status === 429)
    return new TrackerUnavailable(`Linear answered ${status} ${code}`, waitOf(rawOf(error)?.headers, clock));
  const first = rawOf(error)?.errors?.[0];
  const said = first?.extensions?.userPresentableMessage ?? first?.message ?? error.message;
  const plain = REFUSALS[code] ?? `Linear refused (${code}).`;
  return new TrackerRefusal(`${plain} Linear said: ${said.slice(0, 200)}`);
}
