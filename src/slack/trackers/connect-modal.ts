import type { View } from '@slack/types';
import { describeStatusMap, type StatusMap } from '../../domain/trackers/status-mapping.js';
import { TRACKER_LABELS, type TrackerName } from '../../domain/trackers/tracker.js';
import { type TrackerConnection, WEBHOOK_SECRET_FIELD } from '../../domain/trackers/tracker-connection.js';
import type { TrackerConnector } from '../../integrations/tracker-connectors.js';
import { context, plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { textInput } from '../shared/inputs.js';
import { CONNECT_BLOCKS, TRACKER_VIEWS } from './ids.js';

/**
 * "Connect <tracker>": one input per field the tracker needs (secret ones never pre-filled), and what
 * its states mean for asks. The settings are checked with the tracker when the form is saved.
 */
export function buildConnectModal(
  tracker: TrackerName,
  connector: TrackerConnector,
  current: TrackerConnection | null,
  teamId: string,
): View {
  const label = TRACKER_LABELS[tracker];
  // A tracker that makes its own webhook secret needs its webhook first, to type the secret here.
  const webhookFirst = connector.fields.some((f) => f.name === WEBHOOK_SECRET_FIELD)
    ? [section(webhookSteps(tracker, connector, teamId, null))]
    : [];
  const fields = connector.fields.map((field) => {
    const initial = field.secret ? null : (current?.settings[field.name] ?? field.initial);
    return textInput(CONNECT_BLOCKS.field(field.name), field.label, {
      max: 2000,
      hint: field.hint,
      ...(initial ? { initial } : {}),
    });
  });
  const statusMap: StatusMap = current?.statusMap ?? {};
  return {
    type: 'modal',
    callback_id: TRACKER_VIEWS.connect,
    private_metadata: tracker,
    title: plain(`Connect ${label}`.slice(0, 24)),
    submit: plain('Connect'),
    close: plain('Cancel'),
    blocks: [
      section(
        current
          ? `${label} is connected. Saving checks the new settings with ${label} and makes a new webhook secret.`
          : `Connect this workspace's ${label}: asks are sent to it with these settings, and its webhooks move them.`,
      ),
      ...webhookFirst,
      ...fields,
      textInput(CONNECT_BLOCKS.statusMap, 'What its states mean for asks', {
        max: 500,
        multiline: true,
        optional: true,
        initial: describeStatusMap(connector.states, statusMap),
        hint: `state=phase, separated by commas. States: ${Object.keys(connector.states).join(', ')}. Phases: open, started, completed, declined, ignore.`,
      }),
    ],
  };
}

/** The webhook to add in the tracker: where, its URL, its secret (null: the tracker's own), its events. */
const webhookSteps = (
  tracker: TrackerName,
  connector: TrackerConnector,
  teamId: string,
  secret: string | null,
) =>
  [
    `Add a webhook in ${TRACKER_LABELS[tracker]}, ${connector.webhookPlace}:`,
    `• *URL*: \`https://<Rapport's address>/webhooks/${tracker}/${teamId}\` (the host Slack sends \`/slack/events\` to)`,
    ...(secret ? [`• *Secret*: \`${secret}\``] : []),
    `• *Events*: ${connector.webhookEvents}`,
  ].join('\n');

/** The webhook to add in the tracker, with its secret: shown once, to the person who connected it. */
export function buildWebhookSecretModal(
  tracker: TrackerName,
  connector: TrackerConnector,
  shown: { teamId: string; account: string; secret: string | null },
): View {
  const { teamId, account, secret } = shown;
  const label = TRACKER_LABELS[tracker];
  return {
    type: 'modal',
    title: plain(`${label} connected`.slice(0, 24)),
    close: plain('Done'),
    blocks: [
      section(`Connected to ${label} as *${safeText(account, 100)}*.`),
      section(webhookSteps(tracker, connector, teamId, secret)),
      context(
        secret
          ? 'Copy the secret now: it is shown only this once. Connecting again makes a new one.'
          : `Its deliveries are checked with the signing secret ${label} showed you.`,
      ),
    ],
  };
}
