import type { Clock } from '../../domain/ports.js';
import type { StatusMap } from '../../domain/trackers/status-mapping.js';
import type { IssueTracker } from '../../domain/trackers/tracker.js';
import type { TrackerAccess, VerifiedAccess } from '../../domain/trackers/tracker-connection.js';
import type { AppLogger } from '../../logger.js';
import { refusedAccess, VERIFY_TIMEOUT_MS } from '../verify-access.js';
import { GITHUB_STATES } from './github-states.js';
import { githubClient, githubTracker } from './github-tracker.js';

/**
 * One call, GET /user: whether the token works at that address, and whose it is. A bad token is blamed
 * on the token, an address that answers nothing like GitHub on the address.
 */
async function verifyGithub(
  settings: Readonly<Record<string, string>>,
  logger: AppLogger,
): Promise<VerifiedAccess> {
  const { apiUrl = '', token = '' } = settings;
  try {
    const { data } = await githubClient({ apiUrl, token }, logger).rest.users.getAuthenticated({
      request: { signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS) },
    });
    return { ok: true, account: data.login };
  } catch (error) {
    const { status, message } = error as { status?: number; message?: string };
    const fields = { credential: { name: 'token', label: 'token' }, address: 'apiUrl' };
    return refusedAccess('GitHub', fields, { status, said: String(message ?? error) });
  }
}

/** GitHub as a workspace connects it: API URL (github.com or Enterprise Server) and a token. */
export const githubConnector = (deps: { clock: Clock; logger: AppLogger }) => {
  const access: TrackerAccess = {
    fields: [
      {
        name: 'apiUrl',
        label: 'API base URL',
        hint: 'https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server.',
        secret: false,
        url: true,
        initial: 'https://api.github.com',
      },
      {
        name: 'token',
        label: 'Token',
        hint: 'Fine-grained with Issues: read and write (and Metadata: read), or classic with repo. Kept encrypted; never shown again.',
        secret: true,
        url: false,
        initial: null,
      },
    ],
    states: GITHUB_STATES,
    verify: (settings) => verifyGithub(settings, deps.logger),
  };
  return {
    ...access,
    webhookPlace: 'on the repositories (or the organisation) asks go to, content type `application/json`',
    webhookEvents: 'Issues and Issue comments',
    open: (settings: Readonly<Record<string, string>>, statusMap: StatusMap): IssueTracker =>
      githubTracker({ apiUrl: settings.apiUrl ?? '', token: settings.token ?? '', statusMap }, deps),
  };
};
