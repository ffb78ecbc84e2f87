import { routeAsks } from '../../domain/trackers/route-asks.js';
import {
  isTrackerName,
  TRACKED_KINDS,
  TRACKER_LABELS,
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
  `Use \`${COMMAND} tracker <help|enhancement> <owner/repo> [auto] [label …]\` to send that kind of request ` +
  `to a GitHub repository (\`auto\`: as soon as it is raised), \`${COMMAND} tracker <help|enhancement> linear ` +
  `<team key> [auto] [label …]\` to a Linear team, or \`${COMMAND} tracker <help|enhancement> off\`.`;

/** What names a project in each tracker, what it is called, and the setting that connects the tracker. */
const PROJECTS: Record<TrackerName, { format: RegExp; what: string; setting: string }> = {
  github: { format: /^[\w.-]+\/[\w.-]+$/, what: 'a repository', setting: 'GITHUB_TOKEN' },
  linear: { format: /^[A-Za-z][A-Za-z0-9]{0,9}$/, what: 'a Linear team key', setting: 'LINEAR_API_KEY' },
};
const LABEL = /^[^\s,]{1,50}$/;

function describeSettings(trackers: TrackerSettings): string {
  const lines = TRACKED_KINDS.map((kind) => {
    const route = trackers[kind];
    if (!route) return `• ${kind}: not sent to a tracker`;
    const labels = route.labels.length > 0 ? `, labels ${route.labels.join(', ')}` : '';
    const where = `${TRACKER_LABELS[route.tracker]} ${route.project}`;
    return `• ${kind}: ${where}, ${route.autoSend ? 'sent when raised' : 'sent by hand'}${labels}`;
  });
  return safeText(lines.join('\n'), 2000);
}

/** `[tracker] <project> [auto] [label …]`: GitHub unless a tracker is named first (Linear team keys are upper-case). */
function parseRoute(words: string[]): { tracker: TrackerName; project: string; rest: string[] } | null {
  const [first, ...others] = words;
  if (!first) return null;
  const named = isTrackerName(first.toLowerCase()) ? (first.toLowerCase() as TrackerName) : null;
  const [project, ...rest] = named ? others : words;
  if (!project) return null;
  const tracker = named ?? 'github';
  return { tracker, project: tracker === 'linear' ? project.toUpperCase() : project, rest };
}

/** `/rapport tracker …`: where this partnership's help requests and enhancements go in engineering's tracker. */
export const handleTrackerCommand =
  (services: SlackDeps) =>
  async ({ respond, context }: CommandArgs<PartnershipContext & ActorContext>): Promise<void> => {
    const say = async (text: string) => {
      await respond({ response_type: 'ephemeral', text });
    };
    const [kind, ...words] = context.subcommandText.split(/\s+/).filter(Boolean);
    if (!kind) return say(`${describeSettings(context.partnership.trackers)}\n${USAGE}`);
    const off = words.length === 1 && words[0] === 'off';
    const parsed = off ? null : parseRoute(words);
    if (!(TRACKED_KINDS as readonly string[]).includes(kind) || (!off && !parsed)) return say(USAGE);
    if (parsed && !PROJECTS[parsed.tracker].format.test(parsed.project))
      return say(`${safeText(parsed.project, 100)} is not ${PROJECTS[parsed.tracker].what}. ${USAGE}`);
    const autoSend = parsed?.rest[0] === 'auto';
    const labels = (autoSend ? parsed?.rest.slice(1) : parsed?.rest) ?? [];
    const badLabel = labels.find((l) => !LABEL.test(l));
    if (badLabel !== undefined || labels.length > 10)
      return say(`Labels are single words, at most 10. ${USAGE}`);
    if (parsed && !services.trackersOf(context.workspace)[parsed.tracker])
      return say(
        `${TRACKER_LABELS[parsed.tracker]} is not connected: set ${PROJECTS[parsed.tracker].setting} (see docs/trackers.md).`,
      );
    const result = await routeAsks(
      { partnerships: context.workspace.repositories.partnerships, clock: services.clock },
      {
        actor: context.actor,
        partnershipId: context.partnership.id,
        kind: kind as TrackedKind,
        route: parsed ? { tracker: parsed.tracker, project: parsed.project, autoSend, labels } : null,
      },
    );
    if (!result.ok)
      return say(
        result.error.code === 'not_found' ? 'This partnership no longer exists.' : result.error.message,
      );
    await say(`Saved.\n${describeSettings(result.value.trackers)}`);
  };
