const KEY = /^([\w.-]+)\/([\w.-]+)#(\d+)$/;
const PATH = /^\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)\/?$/;

export interface IssueCoordinates {
  owner: string;
  repo: string;
  number: number;
}

/** GitHub names are case-insensitive: keys are lower-case, so a webhook finds the ask whoever typed the name. */
export const issueKey = (c: IssueCoordinates) => `${c.owner}/${c.repo}#${c.number}`.toLowerCase();

/**
 * `owner/repo#12`, or an issue's web address on github.com or the Enterprise server `webHost`
 * (`https://host/owner/repo/issues/12`); null for anything else.
 */
export function parseIssueKey(text: string, webHost: string): string | null {
  const key = KEY.exec(text);
  if (key) return issueKey({ owner: key[1] as string, repo: key[2] as string, number: Number(key[3]) });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.host !== webHost && url.host !== 'github.com') return null;
  const path = PATH.exec(url.pathname);
  if (!path) return null;
  return issueKey({ owner: path[1] as string, repo: path[2] as string, number: Number(path[3]) });
}

export function coordinatesOf(key: string): IssueCoordinates {
  const match = KEY.exec(key);
  if (!match) throw new Error(`not an issue key: ${key}`);
  return { owner: match[1] as string, repo: match[2] as string, number: Number(match[3]) };
}

/** `owner/repo` split, or null. */
export function parseRepository(text: string): { owner: string; repo: string } | null {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(text.trim());
  return match ? { owner: match[1] as string, repo: match[2] as string } : null;
}
