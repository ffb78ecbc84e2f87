import { routeAsks } from '../../domain/trackers/route-asks.js';
import { TRACKED_KINDS, type TrackedKind, type TrackerSettings } from '../../domain/trackers/tracker.js';
import type { SlackDeps } from '../bolt/deps.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { safeText } from '../shared/escape.js';

const USAGE =
  `Use \`${COMMAND} tracker <help|enhancement> <owner/repo> [auto] [label …]\` to send that kind of request ` +
  `to a GitHub repository (\`auto\`: as soon as it is raised), or \`${COMMAND} tracker <help|enhancement> off\`.`;

const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;
const LABEL = /^[^\s,]{1,50}$/;

/** Where a partnership's asks go, kind by kind. */
export function describeRoutes(trackers: TrackerSettings): string {
  const lines = TRACKED_KINDS.map((kind) => {
    const route = trackers[kind];
    if (!route) return `• ${kind}: not sent to a tracker`;
    const labels = route.labels.length > 0 ? `, labels ${route.labels.join(', ')}` : '';
    return `• ${kind}: GitHub ${route.project}, ${route.autoSend ? 'sent when raised' : 'sent by hand'}${labels}`;
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
    const [kind, project, ...rest] = context.subcommandText.split(/\s+/).filter(Boolean);
    if (!kind || !(TRACKED_KINDS as readonly string[]).includes(kind) || !project) return say(USAGE);
    const off = project === 'off';
    if (!off && !REPOSITORY.test(project))
      return say(`${safeText(project, 100)} is not a repository. ${USAGE}`);
    const autoSend = rest[0] === 'auto';
    const labels = autoSend ? rest.slice(1) : rest;
    const badLabel = labels.find((l) => !LABEL.test(l));
    if (badLabel !== undefined || labels.length > 10)
      return say(`Labels are single words, at most 10. ${USAGE}`);
    if (!off && !(await services.trackerOf(context.workspace, 'github')))
      return say(`GitHub is not connected: \`${COMMAND} tracker connect github\` (see docs/trackers.md).`);
    const result = await routeAsks(
      { partnerships: context.workspace.repositories.partnerships, clock: services.clock },
      {
        actor: context.actor,
        partnershipId: context.partnership.id,
        kind: kind as TrackedKind,
        route: off ? null : { tracker: 'github', project, autoSend, labels },
      },
    );
    if (!result.ok)
      return say(
        result.error.code === 'not_found' ? 'This partnership no longer exists.' : result.error.message,
      );
    await say(`Saved.\n${describeRoutes(result.value.trackers)}`);
  };
