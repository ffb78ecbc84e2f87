/**
 * A workspace installing Rapport the way a browser does it: /slack/install redirects to Slack's consent
 * screen with a signed state (and a cookie holding it); "Allow" there (the fake's approveInstall) sends the
 * browser back to /slack/oauth_redirect with a code, the state and the cookie.
 */
import type { Harness } from './rapport-harness.js';

export interface InstallStart {
  /** Slack's consent screen, as /slack/install redirected to it. */
  authorizeUrl: URL;
  state: string;
  /** `name=value` of the state cookie. */
  cookie: string;
}

export async function startInstall(h: Harness): Promise<InstallStart> {
  const res = await fetch(`http://127.0.0.1:${h.rapport.port}/slack/install`, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`/slack/install answered ${res.status}, not a redirect`);
  const authorizeUrl = new URL(res.headers.get('location') ?? '');
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { authorizeUrl, state: authorizeUrl.searchParams.get('state') ?? '', cookie };
}

/** The browser coming back from Slack; resolves with the page Rapport shows. */
export async function finishInstall(
  h: Harness,
  back: { code: string; state: string; cookie?: string },
): Promise<{ status: number; html: string }> {
  const query = new URLSearchParams({ code: back.code, state: back.state });
  const res = await fetch(`http://127.0.0.1:${h.rapport.port}/slack/oauth_redirect?${query}`, {
    redirect: 'manual',
    headers: back.cookie ? { cookie: back.cookie } : {},
  });
  return { status: res.status, html: await res.text() };
}

/** The whole install of `teamId` by `userId`; throws unless Rapport says it worked. */
export async function installWorkspace(
  h: Harness,
  opts: { teamId: string; teamName: string; userId: string },
): Promise<void> {
  const started = await startInstall(h);
  const code = h.fake.approveInstall(opts);
  const page = await finishInstall(h, { code, state: started.state, cookie: started.cookie });
  if (page.status !== 200) throw new Error(`install of ${opts.teamId} failed (${page.status}): ${page.html}`);
}
