import type { Clock } from '../../domain/ports.js';
import type { StatusMap } from '../../domain/trackers/status-mapping.js';
import type { IssueTracker } from '../../domain/trackers/tracker.js';
import {
  type TrackerAccess,
  type VerifiedAccess,
  WEBHOOK_SECRET_FIELD,
} from '../../domain/trackers/tracker-connection.js';
import { refusedAccess, VERIFY_TIMEOUT_MS } from '../verify-access.js';
import { VIEWER } from './linear-documents.js';
import { linearCodeOf } from './linear-failure.js';
import { isLinearError, linearSdk } from './linear-sdk.js';
import { LINEAR_STATES } from './linear-states.js';
import { linearTracker } from './linear-tracker.js';

/** Linear's error codes for a key it does not take, as the HTTP status they mean. */
const REFUSED: Record<string, number> = { AUTHENTICATION_ERROR: 401, FORBIDDEN: 403 };

/** One query, `viewer { id }`: whether the API key works at that URL, and whose it is. */
async function verifyLinear(settings: Readonly<Record<string, string>>): Promise<VerifiedAccess> {
  const { apiKey = '', apiUrl = '' } = settings;
  try {
    const { LinearClient } = await linearSdk();
    const client = new LinearClient({ apiKey, apiUrl, signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS) });
    type Answer = { viewer: { id: string; name: string; email: string | null } };
    const { data } = await client.client.rawRequest<Answer, Record<string, never>>(VIEWER, {});
    if (!data) throw new Error('Linear answered without data');
    return { ok: true, account: data.viewer.email ?? data.viewer.name };
  } catch (error) {
    const status = isLinearError(error) ? (REFUSED[linearCodeOf(error)] ?? error.status) : undefined;
    const fields = { credential: { name: 'apiKey', label: 'API key' }, address: 'apiUrl' };
    return refusedAccess('Linear', fields, { status, said: String((error as Error).message ?? error) });
  }
}

/** Linear as a workspace connects it: an API key, and the GraphQL URL. */
export const linearConnector = (deps: { clock: Clock }) => {
  const access: TrackerAccess = {
    fields: [
      {
        name: 'apiKey',
        label: 'API key',
        hint: 'A personal API key (Settings → Security & access) of a member of the teams asks go to. Kept encrypted; never shown again.',
        secret: true,
        url: false,
        initial: null,
      },
      {
        name: WEBHOOK_SECRET_FIELD,
        label: 'Webhook signing secret',
        hint: 'Linear makes it: add the webhook shown above first, then paste the signing secret Linear shows. Kept encrypted.',
        secret: true,
        url: false,
        initial: null,
      },
      {
        name: 'apiUrl',
        label: 'API URL',
        hint: 'Linear’s GraphQL endpoint.',
        secret: false,
        url: true,
        initial: 'https://api.linear.app/graphql',
      },
    ],
    states: LINEAR_STATES,
    verify: verifyLinear,
  };
  return {
    ...access,
    webhookPlace: 'in Settings → API → Webhooks, for the teams asks go to',
    webhookEvents: 'Issues and Comments',
    open: (settings: Readonly<Record<string, string>>, statusMap: StatusMap): IssueTracker =>
      linearTracker({ apiKey: settings.apiKey ?? '', apiUrl: settings.apiUrl ?? '', statusMap }, deps),
  };
};
