const KEY = /^([A-Za-z][A-Za-z0-9_]{0,9})-(\d+)$/;
const BROWSE = /^\/browse\/([A-Za-z][A-Za-z0-9_]{0,9}-\d+)\/?$/;
const PROJECT = /^[A-Z][A-Z0-9_]{1,9}$/;

/** Jira keys are upper-case (`OPS-42`), so a webhook finds the ask whoever typed the key. */
const normalise = (key: string) => key.toUpperCase();

/**
 * `OPS-42`, or an issue's address on the site (`https://acme.atlassian.net/browse/OPS-42`, or a board's
 * `…?selectedIssue=OPS-42`); null for anything else.
 */
export function parseJiraKey(text: string, siteHost: string): string | null {
  if (KEY.test(text)) return normalise(text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.host !== siteHost) return null;
  const browsed = BROWSE.exec(url.pathname)?.[1];
  const selected = url.searchParams.get('selectedIssue');
  const key = browsed ?? (selected && KEY.test(selected) ? selected : null);
  return key ? normalise(key) : null;
}

/** A Jira project key as Jira requires it: upper-case letters, digits and `_`, starting with a letter. */
export const parseJiraProject = (text: string): string | null => (PROJECT.test(text) ? text : null);

/** The web address people open an issue at. */
export const browseUrl = (baseUrl: string, key: string) => `${baseUrl}/browse/${key}`;
