import { mapTrackerPeople, mapTrackerStatuses } from '../../app/trackers/connect-tracker.js';
import { describeStatusMap } from '../../domain/trackers/status-mapping.js';
import { TRACKER_LABELS, TRACKERS, type TrackerName } from '../../domain/trackers/tracker.js';
import type { TrackerConnection } from '../../domain/trackers/tracker-connection.js';
import { parseTrackerPeople, type TrackerPeople } from '../../domain/trackers/tracker-people.js';
import type { Workspace } from '../../workspaces/workspace.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { partnershipOfChannel } from '../bolt/request-partnership.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { safeText } from '../shared/escape.js';
import { buildConnectModal } from './connect-modal.js';
import { describeRoutes } from './handle-tracker-command.js';
import { isTrackerAdmin, TRACKER_ADMINS_ONLY } from './tracker-admins.js';

const VERBS = ['connect', 'disconnect', 'mapping', 'people'];
/** Where a tracker of the settings is set. */
const SETTINGS: Record<TrackerName, string> = {
  github: 'GITHUB_TOKEN, GITHUB_STATUS_MAP, GITHUB_PEOPLE',
  jira: 'JIRA_API_TOKEN, JIRA_STATUS_MAP, JIRA_PEOPLE',
  linear: 'LINEAR_API_KEY, LINEAR_STATUS_MAP, LINEAR_PEOPLE',
};
const NO_KEYS = 'Set TOKEN_ENCRYPTION_KEYS first: trackers’ tokens and webhook secrets are kept encrypted.';
const USAGE =
  `Use \`${COMMAND} tracker connect <tracker>\`, \`${COMMAND} tracker disconnect <tracker>\` or ` +
  `\`${COMMAND} tracker mapping <tracker> [state=phase, …]\` or ` +
  `\`${COMMAND} tracker people <tracker> [login=@person …|none]\`, the tracker one of ${TRACKERS.join(', ')}.`;

/** `/rapport tracker` alone, or one of its connection verbs: answered here; the rest is a partnership's routes. */
export const isConnectionCommand = (text: string): boolean => {
  const [verb = ''] = text.split(/\s+/).filter(Boolean);
  return verb === '' || VERBS.includes(verb);
};

const isTrackerName = (name: string | undefined): name is TrackerName =>
  (TRACKERS as readonly string[]).includes(name ?? '');

const day = (at: Date) => at.toISOString().slice(0, 10);
const minute = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function describeConnection(connection: TrackerConnection, setup: SlackDeps['trackerSetup']): string {
  const label = TRACKER_LABELS[connection.tracker];
  const states = setup.connectors[connection.tracker].states;
  const facts = [
    `connected as *${safeText(connection.account, 100)}* by <@${connection.connectedBy}> on ${day(connection.connectedAt)}`,
    connection.lastUsedAt ? `last used ${minute(connection.lastUsedAt)}` : 'not used yet',
    ...(connection.lastError ? [`:warning: last refusal: ${safeText(connection.lastError, 300)}`] : []),
    `states: ${describeStatusMap(states, connection.statusMap)}`,
    `people: ${describePeople(connection.people)}`,
  ];
  return `• *${label}*: ${facts.join('; ')}`;
}

const describePeople = (people: TrackerPeople) =>
  Object.entries(people)
    .map(([login, userId]) => `${safeText(login, 100)}=<@${userId}>`)
    .join(', ') || 'none mapped (marked comments are notes from the ask’s owner)';

/** Each tracker's connection (never a secret), and the channel's partnership's routes when it has one. */
async function describeTrackers(services: SlackDeps, workspace: Workspace, args: CommandArgs<ActorContext>) {
  const setup = services.trackerSetup;
  const lines = await Promise.all(
    TRACKERS.map(async (name) => {
      if (setup.fromSettings(workspace, name)) return `• *${TRACKER_LABELS[name]}*: from the settings`;
      const connection = await workspace.repositories.trackerConnections.find(name);
      return connection
        ? describeConnection(connection, setup)
        : `• *${TRACKER_LABELS[name]}*: not connected (\`${COMMAND} tracker connect ${name}\`)`;
    }),
  );
  const { partnerships } = workspace.repositories;
  const partnership = await partnershipOfChannel(args.context, partnerships, args.command.channel_id);
  const routes = partnership
    ? `\n*Where this partnership’s asks go*\n${describeRoutes(partnership.trackers)}`
    : '';
  return `*Trackers of this workspace*\n${lines.join('\n')}${routes}\n${USAGE}`;
}

/**
 * `/rapport tracker people github octocat=@alice`: Slack turns `@alice` into a mention (`<@U…|alice>`);
 * each person must be at the vendor.
 */
async function setPeople(services: SlackDeps, workspace: Workspace, name: TrackerName, text: string) {
  const connections = workspace.repositories.trackerConnections;
  if (text.trim() === '') {
    const connection = await connections.find(name);
    return connection
      ? `${TRACKER_LABELS[name]} people: ${describePeople(connection.people)}. ${USAGE}`
      : `${TRACKER_LABELS[name]} is not connected.`;
  }
  const parsed = parseTrackerPeople(text.replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, '$1'));
  if (!parsed.ok) return `${parsed.message}. ${USAGE}`;
  for (const userId of Object.values(parsed.people)) {
    if ((await workspace.directory.sideOfUser(userId)) !== 'vendor')
      return `<@${userId}> is not someone at your company: a tracker comment can only be a note from the vendor side.`;
  }
  const mapped = await mapTrackerPeople(
    { connections, clock: services.clock },
    { tracker: name, people: parsed.people },
  );
  if (!mapped.ok) return `${TRACKER_LABELS[name]}: ${mapped.message}`;
  return `Saved. ${TRACKER_LABELS[name]} people: ${describePeople(mapped.connection.people)}.`;
}

/**
 * `/rapport tracker` (the workspace's trackers, and where this partnership's asks go), and
 * `/rapport tracker connect|disconnect|mapping|people <tracker>`: connecting one is for the workspace's admins
 * (and TRACKER_ADMINS), who get the form; its secrets are never shown again.
 */
export const handleTrackerConnections =
  (services: SlackDeps) =>
  async (args: CommandArgs<ActorContext>): Promise<void> => {
    const { context, command, client, respond } = args;
    const say = async (text: string) => {
      await respond({ response_type: 'ephemeral', text });
    };
    const { workspace, actor } = context;
    const [verb = '', name, ...rest] = context.subcommandText.split(/\s+/).filter(Boolean);
    if (verb === '') return say(await describeTrackers(services, workspace, args));
    if (!isTrackerName(name)) return say(USAGE);
    const setup = services.trackerSetup;
    const label = TRACKER_LABELS[name];
    const connections = workspace.repositories.trackerConnections;
    if (!(await isTrackerAdmin(workspace.directory, actor, setup.admins))) return say(TRACKER_ADMINS_ONLY);
    if (setup.fromSettings(workspace, name))
      return say(`${label} comes from the settings (${SETTINGS[name]}): change it there.`);
    if (verb === 'connect') {
      if (!setup.seal) return say(NO_KEYS);
      const current = await connections.find(name);
      const view = buildConnectModal(name, setup.connectors[name], current, workspace.teamId);
      await client.views.open({ trigger_id: command.trigger_id, view });
      return;
    }
    if (verb === 'disconnect') {
      const removed = await connections.remove(name);
      return say(
        removed
          ? `${label} is disconnected: its token and webhook secret are deleted. Remove the webhook in ${label} too.`
          : `${label} is not connected.`,
      );
    }
    if (verb === 'people') return say(await setPeople(services, workspace, name, rest.join(' ')));
    const mapped = await mapTrackerStatuses(
      { connections, clock: services.clock },
      { tracker: name, access: setup.connectors[name], text: rest.join(' ') },
    );
    if (!mapped.ok) return say(`${label}: ${mapped.message}`);
    const states = describeStatusMap(setup.connectors[name].states, mapped.connection.statusMap);
    await say(`Saved. ${label}’s states now mean: ${states}.`);
  };
