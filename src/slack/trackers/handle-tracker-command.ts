import { routeAsks } from '../../domain/trackers/route-asks.js';
import {
  type IssueTrackers,
  isTrackerName,
  TRACKED_KINDS,
  TRACKER_LABELS,
  TRACKERS,
  type TrackedKind,
  type TrackerName,
  type TrackerSettings,
} from '../../domain/trackers/tracker.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { safeText } from '../shared/escape.js';

const USAGE =
  `Use \`${COMMAND} tracker <help|enhancement> <project> [auto] [label …]\` to send that kind of request ` +
  `to a GitHub repository (\`acme/app\`), a Jira project (\`OPS\`) or a Linear team (\`ENG\`); ` +
  `\`jira:OPS\` or \`linear:ENG\` names the tracker, ` +
  `\`auto\`: as soon as it is raised; or \`${COMMAND} tracker <help|enhancement> off\`.`;

const LABEL = /^[^\s,]{1,50}$/;

/** The connected tracker and project a person typed: `tracker:project`, or the first tracker whose projects look so. */
function routeTarget(
  trackers: IssueTrackers,
  text: string,
): { tracker: TrackerName; project: string } | null {
  const [prefix, rest] = text.split(/:(.*)/s);
  const named = TRACKERS.find((name) => name === prefix?.toLowerCase());
  const candidates = named ? [trackers[named]] : Object.values(trackers);
  for (const tracker of candidates) {
    const project = tracker?.parseProject(named ? (rest ?? '') : text);
    if (tracker && project) return { tracker: tracker.name, project };
  }
  return null;
}

/** Where a partnership's asks go, kind by kind. */
export function describeRoutes(trackers: TrackerSettings): string {
  const lines = TRACKED_KINDS.map((kind) => {
    const route = trackers[kind];
    if (!route) return `• ${kind}: not sent to a tracker`;
    const labels = route.labels.length > 0 ? `, labels ${route.labels.join(', ')}` : '';
    return `• ${kind}: ${TRACKER_LABELS[route.tracker]} ${route.project}, ${route.autoSend ? 'sent when raised' : 'sent by hand'}${labels}`;
  });
  return safeText(lines.join('\n'), 2000);
}

/** `/rapport tracker …`: where this partnership's help requests and enhancements go in engineering's tracker. */
export const handleTrackerCommand =
  (services: SlackDeps) =>
  async ({ respond, context }: CommandArgs<PartnershipContext & ActorContext>): Promise<void> => {
    const say = async (text: string) => {
      await respond({ response_type: 'ephemeral', text });
    };
    const [kind, first, ...others] = context.subcommandText.split(/\s+/).filter(Boolean);
    // `linear ENG` names the tracker as `linear:ENG` does.
    const named = first !== undefined && others.length > 0 && isTrackerName(first.toLowerCase());
    const project = named ? `${first}:${others[0]}` : first;
    const rest = named ? others.slice(1) : others;
    if (!kind || !(TRACKED_KINDS as readonly string[]).includes(kind) || !project) return say(USAGE);
    const off = project === 'off';
    const trackers = await services.trackersOf(context.workspace);
    if (Object.keys(trackers).length === 0 && !off)
      return say(
        `No tracker is connected: \`${COMMAND} tracker connect <github|jira|linear>\`, or GITHUB_TOKEN, JIRA_API_TOKEN or LINEAR_API_KEY in the settings (see docs/trackers.md).`,
      );
    const target = off ? null : routeTarget(trackers, project);
    if (!off && !target)
      return say(`${safeText(project, 100)} is not a project of a connected tracker. ${USAGE}`);
    const autoSend = rest[0] === 'auto';
    const labels = autoSend ? rest.slice(1) : rest;
    const badLabel = labels.find((l) => !LABEL.test(l));
    if (badLabel !== undefined || labels.length > 10)
      return say(`Labels are single words, at most 10. ${USAGE}`);
    const result = await routeAsks(
      { partnerships: context.workspace.repositories.partnerships, clock: services.clock },
      {
        actor: context.actor,
        partnershipId: context.partnership.id,
        kind: kind as TrackedKind,
        route: target ? { ...target, autoSend, labels } : null,
      },
    );
    if (!result.ok)
      return say(
        result.error.code === 'not_found' ? 'This partnership no longer exists.' : result.error.message,
      );
    await say(`Saved.\n${describeRoutes(result.value.trackers)}`);
  };
