import type { AllMiddlewareArgs } from '@slack/bolt';
import { raiseAsk } from '../../app/asks/raise-ask.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext, PartnershipContext } from '../bolt/rapport-context.js';
import { describeLimit } from '../limits/describe-limit.js';
import { attemptBy } from '../limits/limit-person.js';
import { ASK_BLOCKS } from './ids.js';
import { parseAskSubmission } from './parse-ask-submission.js';

type Args = SubmissionArgs & AllMiddlewareArgs<PartnershipContext & ActorContext>;

/** A new ask's Send: validated and stored before the ack (errors inline), card posted after it. */
export const handleAskSubmission =
  (services: SlackDeps) =>
  async ({ ack, view, client, context }: Args) => {
    const parsed = parseAskSubmission(view.private_metadata, view.state.values);
    const fail = (message: string, blockId: string = ASK_BLOCKS.title) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    if (parsed.ok === 'malformed') return fail('This form could not be read. Close it and try again.');
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });

    const deps = inRequest(services, context);
    const { actor, partnership } = context;
    // A valid form counts against the sender's allowance of asks; over it, the form stays open.
    const allowance = await attemptBy(services.limiter, context, 'raise');
    if (!allowance.allowed) return fail(describeLimit('raise', allowance));
    // A help request or enhancement raised from someone's message is theirs; a request to the customer is ours.
    const authorId = parsed.metadata.authorId;
    const requester = parsed.kind !== 'vendor' && authorId ? await deps.directory.actor(authorId) : actor;
    const result = await guardedWrite(deps, fail, () =>
      raiseAsk(deps, {
        actor: requester,
        partnership,
        kind: parsed.kind,
        content: parsed.content,
        contactId: parsed.contactId,
        source: parsed.metadata.source,
        // Slack keeps a form's view id when it is sent again after an inline error ("try again").
        requestId: view.id,
      }),
    );
    if (!result) return;
    if (!result.ok) {
      const error = result.error;
      if (error.code === 'forbidden') return fail(error.message);
      if (error.code === 'already_raised')
        return fail(`This message is already tracked${error.ask ? ` as ${error.ask.ref}` : ''}.`);
      const [field, message] = Object.entries(error.fields)[0] ?? ['title', 'Check this field.'];
      return fail(message, ASK_BLOCKS[field as keyof typeof ASK_BLOCKS]);
    }
    await ack();
    const ask = result.value;
    // The thanks says the card is in the channel: it follows the card.
    await deps.consequences.settled('ask', ask.id);
    await client.chat.postEphemeral({
      channel: ask.channelId,
      user: actor.userId,
      text: `Thanks — this is now *${ask.ref}*, owned by <@${ask.ownerId}>. Its status card is in this channel and will show every change.`,
    });
  };
