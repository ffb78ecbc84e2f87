import type { StatusMap } from '../../domain/trackers/status-mapping.js';
import type { IssueTracker } from '../../domain/trackers/tracker.js';
import type { TrackerAccess, VerifiedAccess } from '../../domain/trackers/tracker-connection.js';
import { refusedAccess, VERIFY_TIMEOUT_MS } from '../verify-access.js';
import { JIRA_STATES } from './jira-states.js';
import { jiraClient, jiraTracker } from './jira-tracker.js';

/** One call, GET /rest/api/3/myself: whether the email and API token work on that site, and whose they are. */
async function verifyJira(settings: Readonly<Record<string, string>>): Promise<VerifiedAccess> {
  const { baseUrl = '', email = '', apiToken = '' } = settings;
  try {
    const jira = await jiraClient({ baseUrl, email, apiToken }, VERIFY_TIMEOUT_MS);
    const me = await jira.myself.getCurrentUser();
    return { ok: true, account: me.displayName ?? me.emailAddress ?? email };
  } catch (error) {
    const { status, message } = error as { status?: number; message?: string };
    const fields = { credential: { name: 'apiToken', label: 'email and API token' }, address: 'baseUrl' };
    return refusedAccess('Jira', fields, { status: status || undefined, said: String(message ?? error) });
  }
}

/** Jira Cloud as a workspace connects it: the site, an account's email and API token, and the issue types. */
export const jiraConnector = () => {
  const access: TrackerAccess = {
    fields: [
      {
        name: 'baseUrl',
        label: 'Site URL',
        hint: 'Your Jira Cloud site, like https://acme.atlassian.net.',
        secret: false,
        url: true,
        initial: null,
      },
      {
        name: 'email',
        label: 'Email',
        hint: 'The Atlassian account the API token belongs to: issues and comments are made in its name.',
        secret: false,
        url: false,
        initial: null,
      },
      {
        name: 'apiToken',
        label: 'API token',
        hint: 'From id.atlassian.com → Security → API tokens; the account needs Browse projects, Create issues and Add comments. Kept encrypted; never shown again.',
        secret: true,
        url: false,
        initial: null,
      },
      {
        name: 'enhancementType',
        label: 'Issue type for enhancements',
        hint: 'It must exist in the projects asks go to.',
        secret: false,
        url: false,
        initial: 'Story',
      },
      {
        name: 'helpType',
        label: 'Issue type for help requests',
        hint: 'It must exist in the projects asks go to.',
        secret: false,
        url: false,
        initial: 'Task',
      },
    ],
    states: JIRA_STATES,
    verify: verifyJira,
  };
  return {
    ...access,
    webhookPlace:
      'as a Jira administrator (Settings → System → WebHooks), with a JQL filter for the projects asks go to',
    webhookEvents: 'Issue: updated and deleted; Comment: created',
    open: (settings: Readonly<Record<string, string>>, statusMap: StatusMap): IssueTracker =>
      jiraTracker({
        baseUrl: settings.baseUrl ?? '',
        email: settings.email ?? '',
        apiToken: settings.apiToken ?? '',
        issueTypes: { enhancement: settings.enhancementType ?? 'Story', help: settings.helpType ?? 'Task' },
        statusMap,
      }),
  };
};
