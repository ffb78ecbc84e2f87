import type { AllMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Actor } from '../../domain/actors.js';
import { errorFields } from '../../logger.js';
import { inRequest, type RequestDeps, type SlackDeps } from '../bolt/deps.js';
import { newErrorRef } from '../bolt/error-sink.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { RapportContext } from '../bolt/rapport-context.js';
import { COMMAND } from '../commands/ids.js';
import type { BlockErrors } from '../setup/parse-setup-submission.js';
import { type MessageContent, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import {
  buildConnectInterruptedMessage,
  buildConnectReport,
  buildCreationRefusedMessage,
} from './connect-report.js';
import { type CreatedChannel, type Creation, createChannelOnce } from './create-channel-once.js';
import { finishConnecting } from './finish-connecting.js';
import { CONNECT_BLOCKS } from './ids.js';
import { CONNECT_REFUSED_TO_CUSTOMERS } from './open-connect-modal.js';
import {
  type ConnectMetadata,
  type ConnectRequest,
  parseConnectSubmission,
} from './parse-connect-submission.js';
import { type Settled, settleWithin } from './settle-within.js';
import type { Refusal } from './slack-refusals.js';
import { tellRequester } from './tell-requester.js';

type ViewArgs = SubmissionArgs & AllMiddlewareArgs<RapportContext>;

/**
 * Slack waits 3 s for the answer to a submission. Checks and conversations.create (Tier 2, usually well
 * under a second) must fit; past this, the form is closed and the outcome is told by message instead.
 */
export const ACK_BUDGET_MS = 2_500;

/**
 * The connect form's submit. Before the ack: the form is checked, the people are checked (vendor side),
 * and the channel is created, so that a bad name, `name_taken` and any refusal to create come back on
 * the form with the input kept, and a refused creation leaves nothing behind. After the ack (the slow,
 * many-call part): members, registration, welcome, invitations, then a private report.
 */
export const handleConnectSubmission =
  (services: SlackDeps) =>
  async ({ ack, body, view, client, context }: ViewArgs) => {
    const started = performance.now();
    const deps = inRequest(services, context);
    const fail = (blockId: string, message: string) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const checked = await checkSubmission(deps, body.user, view);
    if ('errors' in checked) return ack({ response_action: 'errors', errors: checked.errors });
    const { actor, request, metadata } = checked;

    const creating = createChannelOnce({ markers: deps.repositories.markers, clock: deps.clock }, client, {
      viewId: view.id,
      name: request.channelName,
      isPrivate: request.isPrivate,
    });
    const job: Job = { deps, client, actor, request, metadata };
    let early: Settled<Creation>;
    try {
      early = await settleWithin(creating, ACK_BUDGET_MS - (performance.now() - started));
    } catch (error) {
      const ref = newErrorRef();
      deps.logger.event('error', 'connect: creating the channel failed', { ref, ...errorFields(error) });
      return fail(
        CONNECT_BLOCKS.channelName,
        `Couldn’t create the channel right now (reference ${ref}). Try again.`,
      );
    }
    if (early.settled && early.value.kind === 'refused') {
      return fail(CONNECT_BLOCKS.channelName, inlineRefusal(early.value.refusal));
    }
    await ack();
    if (!early.settled)
      deps.logger.event('warn', 'connect: channel creation outlasted the ack', { viewId: view.id });
    const creation = early.settled ? early.value : await lateCreation(job, creating);
    if (creation === null) return;
    if (creation.kind === 'already_submitted') {
      deps.logger.event('info', 'connect: repeated submission ignored', { viewId: view.id });
      return;
    }
    if (creation.kind === 'refused') {
      return tell(job, buildCreationRefusedMessage(request.channelName, creation.refusal));
    }
    return finish(job, creation.channel);
  };

/** The form, the person submitting it (vendor side) and the owner (vendor side), as inline errors. */
async function checkSubmission(
  deps: RequestDeps,
  user: { id: string; team_id?: string },
  view: ViewArgs['view'],
): Promise<{ errors: BlockErrors } | { actor: Actor; request: ConnectRequest; metadata: ConnectMetadata }> {
  const parsed = parseConnectSubmission(view.private_metadata, view.state.values);
  if (parsed.ok === 'malformed') {
    deps.logger.event('warn', 'malformed connect submission', { viewId: view.id, userId: user.id });
    const message = `This form could not be read. Close it and run ${COMMAND} connect again.`;
    return { errors: { [CONNECT_BLOCKS.accountName]: message } };
  }
  const owner = parsed.ok ? parsed.request.ownerId : parsed.ownerId;
  // Who submits is looked up here, not by identifyActor: the look-ups count against the ack budget.
  const [actor, ownerSide] = await Promise.all([
    deps.directory.actor(user.id, user.team_id),
    owner ? deps.directory.sideOfUser(owner) : Promise.resolve(null),
  ]);
  if (actor.side !== 'vendor')
    return { errors: { [CONNECT_BLOCKS.accountName]: CONNECT_REFUSED_TO_CUSTOMERS } };
  const errors: BlockErrors = parsed.ok ? {} : { ...parsed.errors };
  if (owner && ownerSide !== 'vendor')
    errors[CONNECT_BLOCKS.ownerId] = 'The owner must be someone at your company.';
  if (!parsed.ok || Object.keys(errors).length > 0) return { errors };
  return { actor, request: parsed.request, metadata: parsed.metadata };
}

interface Job {
  deps: RequestDeps;
  client: WebClient;
  actor: Actor;
  request: ConnectRequest;
  metadata: ConnectMetadata;
}

/** The creation that outlasted the ack; on an error, the person is told to check (it may exist). */
async function lateCreation(job: Job, creating: Promise<Creation>): Promise<Creation | null> {
  try {
    return await creating;
  } catch (error) {
    const ref = newErrorRef();
    job.deps.logger.event('error', 'connect: late channel creation failed', { ref, ...errorFields(error) });
    const text =
      `I couldn’t tell whether #${safeText(job.request.channelName, 80)} was created (reference ${ref}). ` +
      `Look for it before running \`${COMMAND} connect\` again.`;
    await tell(job, { text, blocks: [section(text)] });
    return null;
  }
}

/** Slack's refusal to create, on the channel name field: nothing exists yet. */
const inlineRefusal = (r: Refusal) => `Nothing was created. ${r.what} ${r.fix} (Slack: ${r.code})`;

async function finish(job: Job, channel: CreatedChannel): Promise<void> {
  let message: MessageContent;
  try {
    message = buildConnectReport(
      await finishConnecting(job.deps, job.client, { actor: job.actor, request: job.request, channel }),
    );
  } catch (error) {
    const ref = newErrorRef();
    job.deps.logger.event('error', 'connect: finishing failed', {
      ref,
      channelId: channel.id,
      ...errorFields(error),
    });
    message = buildConnectInterruptedMessage(channel, ref);
  }
  await tell(job, message);
}

const tell = (job: Job, message: MessageContent) =>
  tellRequester(
    job.deps,
    job.client,
    { userId: job.actor.userId, responseUrl: job.metadata.responseUrl },
    message,
  );
