import { linkExistingIssue } from '../../app/trackers/send-to-tracker.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { describeIssueRefusal, describeTrackerFailure } from './describe-issue-refusal.js';

/** `/rapport track ACME-12 <issue address or key>`: this channel's ask follows an existing issue. */
export const handleTrackCommand =
  (services: SlackDeps) =>
  async ({ respond, context }: CommandArgs<PartnershipContext & ActorContext>): Promise<void> => {
    const say = async (text: string) => {
      await respond({ response_type: 'ephemeral', text });
    };
    const [ref, issueText, ...extra] = context.subcommandText.split(/\s+/).filter(Boolean);
    if (!ref || !issueText || extra.length > 0)
      return say(
        `Use \`${COMMAND} track <reference> <issue address or key>\`, e.g. \`${COMMAND} track ACME-12 acme/app#34\` or \`${COMMAND} track ACME-12 OPS-42\`.`,
      );
    const deps = inRequest(services, context);
    const ask = (await deps.repositories.asks.findByRef(ref.toUpperCase())).find(
      (a) => a.partnershipId === context.partnership.id,
    );
    if (!ask) return say(`There is no ${ref.toUpperCase()} in this channel.`);
    const trackers = await services.trackersOf(context.workspace);
    try {
      const result = await linkExistingIssue(deps, trackers, {
        actor: context.actor,
        askId: ask.id,
        issueText,
      });
      if (!result.ok) return say(describeIssueRefusal(result.error));
      await deps.consequences.settled('ask', ask.id);
      const { issue, groupedWith, groupProblem } = result.value;
      const group =
        groupedWith.length > 0
          ? ` It is tracked together with ${groupedWith.map((r) => `*${r}*`).join(', ')}.`
          : '';
      const problem = groupProblem
        ? ` It could not be grouped with other customers’ asks: ${groupProblem}`
        : '';
      await say(`*${ask.ref}* now follows ${issue.key}.${group}${problem}`);
    } catch (error) {
      const failure = describeTrackerFailure(error);
      if (!failure) throw error;
      await say(failure);
    }
  };
