import { describe, expect, it } from 'vitest';
import { observedSlackFetch, type SlackFetch, slackMethodOf } from '../../../src/metrics/slack-fetch.js';

const API = 'https://slack.test/api/';

/** A fetch that answers every call with `response` and records the observer's calls. */
function observe(answer: () => Promise<Response>) {
  const seen: string[] = [];
  const inner: SlackFetch = () => answer();
  const fetch = observedSlackFetch(
    API,
    {
      slackError: (method, error) => seen.push(`error ${method} ${error}`),
      slackRateLimited: (method) => seen.push(`429 ${method}`),
    },
    inner,
  );
  return { fetch, seen };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' }, ...init });

describe('slackMethodOf', () => {
  it('names the Web API method, and keeps odd or foreign URLs to two labels', () => {
    expect(slackMethodOf(API, `${API}chat.postMessage`)).toBe('chat.postMessage');
    expect(slackMethodOf(API, `${API}../../etc/passwd`)).toBe('other');
    expect(slackMethodOf(API, `${API}${'a'.repeat(80)}`)).toBe('other');
    expect(slackMethodOf(API, 'https://hooks.slack.test/actions/T1/2/abc')).toBe('external');
  });
});

describe('observedSlackFetch', () => {
  it('counts a platform error by method and code, and leaves the body for the client to read', async () => {
    const { fetch, seen } = observe(async () => json({ ok: false, error: 'channel_not_found' }));
    const response = await fetch(`${API}chat.postMessage`, { method: 'POST' });
    expect(seen).toEqual(['error chat.postMessage channel_not_found']);
    expect(await response.json()).toEqual({ ok: false, error: 'channel_not_found' });
  });

  it('counts nothing for a success', async () => {
    const { fetch, seen } = observe(async () => json({ ok: true, ts: '1.2' }));
    await fetch(`${API}chat.postMessage`);
    expect(seen).toEqual([]);
  });

  it('counts a 429 apart from errors, and HTTP failures as http_<status>', async () => {
    const limited = observe(async () =>
      json({ ok: false, error: 'ratelimited' }, { status: 429, headers: { 'retry-after': '3' } }),
    );
    await limited.fetch(`${API}views.open`);
    expect(limited.seen).toEqual(['429 views.open']);

    const down = observe(async () => new Response('bad gateway', { status: 502 }));
    await down.fetch(`${API}views.open`);
    expect(down.seen).toEqual(['error views.open http_502']);
  });

  it('counts a request that never got an answer, and still throws', async () => {
    const { fetch, seen } = observe(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(fetch(`${API}users.info`)).rejects.toThrow('fetch failed');
    expect(seen).toEqual(['error users.info request_failed']);
  });

  it('keeps error codes a bounded set, and does not read response-URL bodies', async () => {
    const odd = observe(async () => json({ ok: false, error: 'Something <odd> happened' }));
    await odd.fetch(`${API}chat.update`);
    expect(odd.seen).toEqual(['error chat.update other']);

    const hook = observe(async () => new Response('{"ok":false,"error":"expired_url"}'));
    await hook.fetch('https://hooks.slack.test/commands/T1/2/abc');
    expect(hook.seen).toEqual([]);
  });
});
