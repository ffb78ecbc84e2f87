import { TrackerRefusal, TrackerUnavailable } from '../../domain/trackers/tracker.js';

/** What jira.js's HttpException carries (duck-typed: its class is not exported for `instanceof` checks). */
interface HttpFailure {
  status: number;
  response?: { data?: unknown } | string;
  cause?: { response?: { headers?: Record<string, unknown> } };
}

const isHttpFailure = (error: unknown): error is HttpFailure =>
  error instanceof Error &&
  typeof (error as Partial<HttpFailure>).status === 'number' &&
  (error as Partial<HttpFailure>).status !== 0;

/** What a failed call was doing, to say what permission it lacked and where. */
export interface JiraCall {
  /** Jira's name of the permission the call needs: "Create issues", "Add comments", "Browse projects". */
  permission: string;
  /** The project (`OPS`) or issue (`OPS-42`) it was about. */
  about: string;
}

/** Jira's own reason: `{ errorMessages: [...], errors: { field: reason } }`. */
function jiraReason(error: HttpFailure): string {
  const data = typeof error.response === 'object' ? error.response.data : undefined;
  if (typeof data !== 'object' || data === null) return '';
  const { errorMessages, errors } = data as { errorMessages?: unknown; errors?: unknown };
  const messages = Array.isArray(errorMessages) ? errorMessages.map(String) : [];
  const fields =
    typeof errors === 'object' && errors !== null
      ? Object.entries(errors).map(([field, reason]) => `${field}: ${String(reason)}`)
      : [];
  return [...messages, ...fields].join('; ').slice(0, 300);
}

/** Retry-After in seconds (Jira sends it with 429 and some 503s). */
function retryAfterMs(error: HttpFailure): number {
  const seconds = Number(error.cause?.response?.headers?.['retry-after']);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function plainRefusal(status: number, call: JiraCall): string {
  switch (status) {
    case 401:
      return 'Jira refused the email and API token: check JIRA_EMAIL and JIRA_API_TOKEN (API tokens expire).';
    case 403:
      return `Jira refused: the account lacks the permission "${call.permission}" in ${call.about}.`;
    case 404:
      return `Jira has no ${call.about}, or the account cannot see it: check the project in /rapport tracker and the account's "Browse projects" permission.`;
    case 400:
      return `Jira refused the request for ${call.about}.`;
    default:
      return `Jira refused (${status}).`;
  }
}

/**
 * A failed Jira call as a tracker failure: rate limits (429), server trouble and the network are worth
 * retrying, after Jira's Retry-After; bad credentials, missing permissions, an unknown project or a field
 * Jira rejects (400, e.g. an issue type the project does not have) are refusals in plain words.
 */
export function classifyJiraFailure(error: unknown, call: JiraCall): Error {
  if (!isHttpFailure(error)) return new TrackerUnavailable(`Jira unreachable: ${String(error)}`, 0);
  if (error.status === 429 || error.status >= 500)
    return new TrackerUnavailable(`Jira answered ${error.status}`, retryAfterMs(error));
  const reason = jiraReason(error);
  return new TrackerRefusal(`${plainRefusal(error.status, call)}${reason ? ` Jira said: ${reason}` : ''}`);
}
