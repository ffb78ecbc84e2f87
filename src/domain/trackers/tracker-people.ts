/** A tracker login as trackers allow them (GitHub: a login; Jira: an account id, `712020:…`; Linear: an email). */
const LOGIN = /^[\w.@+:-]{1,100}$/;
const USER_ID = /^[UW][A-Z0-9]{2,30}$/;

/** Whose note a marked tracker comment is: tracker logins (lower-case) and the vendor's people, by user id. */
export type TrackerPeople = Readonly<Record<string, string>>;

/**
 * Reads `login=U0123ABC` pairs (commas, spaces or lines between them); `none` alone is no one. Logins
 * are kept lower-case: trackers compare them without case.
 */
export function parseTrackerPeople(
  text: string,
): { ok: true; people: TrackerPeople } | { ok: false; message: string } {
  const pairs = text.split(/[\s,]+/).filter(Boolean);
  if (pairs.length === 1 && pairs[0] === 'none') return { ok: true, people: {} };
  const people: Record<string, string> = {};
  for (const pair of pairs) {
    const [login = '', userId = '', extra] = pair.split('=');
    if (extra !== undefined || !LOGIN.test(login) || !USER_ID.test(userId))
      return { ok: false, message: `"${pair}" is not login=person` };
    people[login.toLowerCase()] = userId;
  }
  return { ok: true, people };
}

/** The vendor's Slack user a comment's author is: the first of its identities (login, account id, email) mapped. */
export function personOf(people: TrackerPeople, ...identities: (string | null | undefined)[]): string | null {
  for (const identity of identities) {
    const userId = identity ? people[identity.toLowerCase()] : undefined;
    if (userId) return userId;
  }
  return null;
}
