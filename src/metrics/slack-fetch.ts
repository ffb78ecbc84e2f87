import type { FetchFunction } from '@slack/web-api';

/** The WHATWG fetch, narrowed to the arguments a WebClient passes; its Response can be cloned. */
export type SlackFetch = (url: string | URL, init?: Parameters<FetchFunction>[1]) => Promise<Response>;

/** What happens to Web API calls, as counted by `observedSlackFetch`. */
export interface SlackCallObserver {
  slackError(method: string, error: string): void;
  slackRateLimited(method: string): void;
}

/** Calls outside the Web API base URL: Bolt's respond() to response URLs, file upload URLs. */
export const EXTERNAL = 'external';

/** Labels stay a bounded set whatever a server answers. */
const METHOD = /^[a-z][a-zA-Z0-9.]{0,63}$/;
const ERROR_CODE = /^[a-z0-9_]{1,64}$/;

/** The Web API method a URL calls ('chat.postMessage'), 'external' off the API, 'other' when it looks odd. */
export function slackMethodOf(apiUrl: string, url: string): string {
  if (!url.startsWith(apiUrl)) return EXTERNAL;
  const method = url.slice(apiUrl.length).split('?')[0] ?? '';
  return METHOD.test(method) ? method : 'other';
}

const errorLabel = (code: unknown) => (typeof code === 'string' && ERROR_CODE.test(code) ? code : 'other');

/**
 * A fetch for `@slack/web-api` clients (their `fetch` option) that counts failed attempts and 429s.
 * Passed in Bolt's clientOptions it reaches every client Bolt makes (app.client, and the per-team
 * clients listeners get, which no `rate_limited` listener could be attached to) and Bolt's respond().
 * Each HTTP attempt is seen, so a call the client retries counts once per failed attempt. A 200 from
 * the API is read from a clone of the response, before the client reads it, for its `ok: false` code.
 */
export function observedSlackFetch(
  apiUrl: string,
  observer: SlackCallObserver,
  inner: SlackFetch = globalThis.fetch,
): SlackFetch {
  return async (url, init) => {
    const method = slackMethodOf(apiUrl, String(url));
    let response: Response;
    try {
      response = await inner(url, init);
    } catch (error) {
      observer.slackError(method, 'request_failed');
      throw error;
    }
    if (response.status === 429) observer.slackRateLimited(method);
    else if (response.status < 200 || response.status > 299)
      observer.slackError(method, `http_${response.status}`);
    else if (method !== EXTERNAL) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { ok?: unknown; error?: unknown } | null;
      if (body?.ok === false) observer.slackError(method, errorLabel(body.error));
    }
    return response;
  };
}
