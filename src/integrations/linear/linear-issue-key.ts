/** `ENG-123`: a team key and the issue's number in that team. */
const KEY = /^([A-Za-z][A-Za-z0-9]{0,9})-(\d+)$/;
/** `/<workspace>/issue/ENG-123/<optional-title-slug>` on linear.app. */
const PATH = /^\/[\w-]+\/issue\/([A-Za-z][A-Za-z0-9]{0,9}-\d+)(?:\/[^/]*)?\/?$/;

export interface LinearIssueCoordinates {
  team: string;
  number: number;
}

/** Linear's identifiers are upper-case: keys are, so a webhook finds the ask whoever typed the key. */
export const linearKey = (c: LinearIssueCoordinates) => `${c.team}-${c.number}`.toUpperCase();

/** `ENG-123` or an issue's address on linear.app; null for anything else. */
export function parseLinearKey(text: string): string | null {
  const key = KEY.exec(text);
  if (key) return linearKey({ team: key[1] as string, number: Number(key[2]) });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.host !== 'linear.app') return null;
  const path = PATH.exec(url.pathname);
  return path ? parseLinearKey(path[1] as string) : null;
}

/** A team key (`ENG`, any case) as `/rapport tracker` takes it; null for anything else. */
export const parseLinearTeam = (text: string): string | null =>
  /^[A-Za-z][A-Za-z0-9]{0,9}$/.test(text) ? text.toUpperCase() : null;

export function linearCoordinatesOf(key: string): LinearIssueCoordinates {
  const match = KEY.exec(key);
  if (!match) throw new Error(`not a Linear issue key: ${key}`);
  return { team: (match[1] as string).toUpperCase(), number: Number(match[2]) };
}
