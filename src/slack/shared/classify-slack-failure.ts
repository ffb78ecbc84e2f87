import { ErrorCode } from '@slack/web-api';

export type SlackFailure =
  | { kind: 'rate_limited'; retryAfterMs: number }
  | { kind: 'transient' | 'permanent'; error: string };

const TRANSIENT_PLATFORM_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

/**
 * What a failed Web API call means, from the `code` of @slack/web-api's error classes: wait for a rate
 * limit, retry a transient failure, or take a refusal (and anything unexpected) as final.
 */
export function classifySlackFailure(error: unknown): SlackFailure {
  const e = error as {
    code?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
  };
  switch (e?.code) {
    case ErrorCode.RateLimitedError:
      // A Retry-After of 0 or garbage must not turn into a tight loop of calls.
      return { kind: 'rate_limited', retryAfterMs: Math.max(1, Number(e.retryAfter) || 0) * 1000 };
    case ErrorCode.PlatformError: {
      const code = String(e.data?.error ?? 'unknown_error');
      return { kind: TRANSIENT_PLATFORM_ERRORS.has(code) ? 'transient' : 'permanent', error: code };
    }
    case ErrorCode.HTTPError: {
      const status = Number(e.statusCode);
      return { kind: status >= 500 || status === 408 ? 'transient' : 'permanent', error: `http_${status}` };
    }
    case ErrorCode.RequestError:
      return { kind: 'transient', error: 'request_error' };
    default:
      return { kind: 'permanent', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Slack answered and refused this call for good (the channel or message is gone, a scope is missing). */
export const isSlackRefusal = (error: unknown): boolean => {
  const e = error as { code?: unknown } | null;
  return (
    (e?.code === ErrorCode.PlatformError || e?.code === ErrorCode.HTTPError) &&
    classifySlackFailure(error).kind === 'permanent'
  );
};
