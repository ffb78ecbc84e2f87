import type { AllMiddlewareArgs } from '@slack/bolt';
import { connectTracker, MAPPING_FIELD } from '../../app/trackers/connect-tracker.js';
import { TRACKERS, type TrackerName } from '../../domain/trackers/tracker.js';
import { newTrackerWebhookSecret } from '../../integrations/webhook-request.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { INPUT } from '../shared/ids.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { buildWebhookSecretModal } from './connect-modal.js';
import { CONNECT_BLOCKS } from './ids.js';
import { isTrackerAdmin, TRACKER_ADMINS_ONLY } from './tracker-admins.js';

/**
 * Saves the connect form. The settings are checked with the tracker before the ack, so a refusal shows at
 * its field, in the tracker's words, with the input kept; once connected, the form turns into the webhook
 * to add, with its secret shown this once.
 */
export const handleConnectSubmission =
  (services: SlackDeps) =>
  async ({ ack, view, context }: SubmissionArgs & AllMiddlewareArgs<ActorContext>): Promise<void> => {
    const tracker = view.private_metadata as TrackerName;
    const setup = services.trackerSetup;
    const connector = (TRACKERS as readonly string[]).includes(tracker) ? setup.connectors[tracker] : null;
    const firstField = CONNECT_BLOCKS.field(connector?.fields[0]?.name ?? '');
    const fail = (message: string, blockId = firstField) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const values = viewStateValues.safeParse(view.state.values);
    if (!connector || !values.success) return fail('This form could not be read. Close it and try again.');
    const { workspace, actor } = context;
    if (!(await isTrackerAdmin(workspace.directory, actor, setup.admins))) return fail(TRACKER_ADMINS_ONLY);
    if (!setup.seal) return fail('Set TOKEN_ENCRYPTION_KEYS first: tracker tokens are kept encrypted.');
    const typed = (blockId: string) => element(values.data, blockId, INPUT).value ?? '';
    const connected = await connectTracker(
      {
        connections: workspace.repositories.trackerConnections,
        clock: services.clock,
        newSecret: newTrackerWebhookSecret,
        seal: setup.seal,
      },
      {
        tracker,
        access: connector,
        input: {
          settings: Object.fromEntries(
            connector.fields.map((f) => [f.name, typed(CONNECT_BLOCKS.field(f.name))]),
          ),
          statusMap: typed(CONNECT_BLOCKS.statusMap),
        },
        by: actor.userId,
      },
    );
    if (!connected.ok) {
      const { field, message } = connected.error;
      return fail(message, field === MAPPING_FIELD ? CONNECT_BLOCKS.statusMap : CONNECT_BLOCKS.field(field));
    }
    services.logger.event('info', 'tracker connected', { tracker, by: actor.userId });
    const shown = {
      teamId: workspace.teamId,
      account: connected.connection.account,
      secret: connected.webhookSecret,
    };
    await ack({ response_action: 'update', view: buildWebhookSecretModal(tracker, connector, shown) });
  };
