import type { AllMiddlewareArgs } from '@slack/bolt';
import { askForApproval, decide } from '../../app/approvals/approval-use-cases.js';
import type { Side } from '../../domain/actors.js';
import type { Verdict } from '../../domain/approvals/approval.js';
import type { RequestField } from '../../domain/approvals/rules.js';
import { type InWorkspace, inRequest, type SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import { slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { APPROVAL_BLOCKS } from './ids.js';
import {
  blockForRequestField,
  parseApprovalRequest,
  parseDecisionComment,
  parseDecisionMetadata,
  requestedUserIds,
} from './parse-approval-submission.js';

type ViewArgs<C> = SubmissionArgs & AllMiddlewareArgs<C>;
type Errors = Record<string, string>;

const UNREADABLE = 'This form could not be read. Close it and try again.';

/** Who the form names (approvers and backups), as Slack knows them, and any problem with them. */
async function lookUpPeople(deps: Pick<InWorkspace, 'directory'>, channelId: string, values: unknown) {
  const ids = requestedUserIds(values);
  const [facts, members] = await Promise.all([
    Promise.all(ids.map(async (id) => [id, await deps.directory.user(id)] as const)),
    deps.directory.channelMembers(channelId),
  ]);
  const known = new Map(facts);
  const outsiders = ids.filter((id) => known.get(id) && !members.has(id));
  const unknown = ids.filter((id) => !known.get(id));
  const names = (list: string[]) => list.map((id) => known.get(id)?.name ?? id).join(', ');
  return {
    sideOf: (id: string): Side => known.get(id)?.side ?? 'customer',
    problem:
      unknown.length > 0
        ? 'Slack does not know some of these people. Pick them again.'
        : outsiders.length > 0
          ? `Not in this channel: ${names(outsiders)}. Invite them first, or pick someone else.`
          : null,
  };
}

/**
 * The sign-off request's Send, in a partnership channel: checked and stored before the ack (errors
 * inline), the card posted after.
 */
export const handleApprovalRequest =
  (services: SlackDeps) =>
  async ({ ack, view, client, context }: ViewArgs<PartnershipContext & ActorContext>): Promise<void> => {
    const fail = (errors: Errors) => ack({ response_action: 'errors', errors });
    const deps = inRequest(services, context);
    const { partnership, actor } = context;
    const people = await lookUpPeople(deps, partnership.channelId, view.state.values);
    const now = deps.clock.now();
    const parsed = parseApprovalRequest(view.private_metadata, view.state.values, partnership.timeZone, {
      now,
      sideOf: people.sideOf,
    });
    if (parsed.ok === 'malformed') return fail({ [APPROVAL_BLOCKS.title]: UNREADABLE });
    const errors: Errors = parsed.ok ? {} : { ...parsed.errors };
    if (people.problem && !errors[APPROVAL_BLOCKS.approvers])
      errors[APPROVAL_BLOCKS.approvers] = people.problem;
    if (!parsed.ok || Object.keys(errors).length > 0) return fail(errors);

    const created = await guardedWrite(
      deps,
      (message) => fail({ [APPROVAL_BLOCKS.title]: message }),
      () => askForApproval(deps, { actor, partnership, request: parsed.request }),
    );
    if (!created) return;
    if (!created.ok) {
      const fields = Object.entries(created.error) as [RequestField, string][];
      return fail(
        Object.fromEntries(fields.map(([field, message]) => [blockForRequestField(field), message])),
      );
    }
    await ack();
    const approval = created.value;
    const approvers = approval.approvers.map((a) => `<@${a.userId}>`).join(', ');
    await client.chat.postEphemeral({
      channel: approval.channelId,
      user: actor.userId,
      text: `Asked ${approvers} to approve *${safeText(approval.title, 150)}* by ${slackDate(approval.dueAt)}. The card in this channel shows each decision as it comes in.`,
    });
  };

/**
 * Approve (optional comment) or Reject (reason required): decided by compare-and-set before the ack,
 * so a refusal or a missing reason shows on the field with the text kept. A repeat counts once.
 */
export const handleDecisionSubmission =
  (services: SlackDeps, verdict: Verdict) =>
  async ({ ack, view, context }: ViewArgs<ActorContext>): Promise<void> => {
    const block = verdict === 'approved' ? APPROVAL_BLOCKS.comment : APPROVAL_BLOCKS.reason;
    const fail = (message: string) => ack({ response_action: 'errors', errors: { [block]: message } });
    const approvalId = parseDecisionMetadata(view.private_metadata);
    if (!approvalId) return fail(UNREADABLE);
    const deps = inRequest(services, context);
    const comment = parseDecisionComment(view.state.values, block);
    const result = await guardedWrite(deps, fail, () =>
      decide(deps, approvalId, { actor: context.actor, verdict, comment }),
    );
    if (!result) return;
    if (!result.ok) {
      const error = result.error;
      if (error.code === 'invalid') return fail(error.fields.comment);
      // Modal errors are plain text, where the mentions in a refusal would not render.
      if (error.code === 'forbidden')
        return fail('Only the named approvers, or their backups once asked, can decide.');
      return fail(error.message);
    }
    await ack();
  };
