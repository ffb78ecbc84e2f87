import type {
  AllMiddlewareArgs,
  Context,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { PartnershipRepository } from '../../domain/ports.js';
import { COMMAND } from '../commands/ids.js';
import { buildNotSetUpHint } from '../setup/not-set-up-hint.js';
import { firstInputBlockId } from '../shared/view-state.js';
import { answerPrivately } from './answer-privately.js';
import type { Listener, RapportContext } from './rapport-context.js';

const MEMO = 'rapportPartnershipByChannel';

/**
 * A channel's partnership, read once per request: a message's listener and the activity middleware
 * after it both need it, and Bolt hands both the same context.
 */
export function partnershipOfChannel(
  context: Context,
  partnerships: PartnershipRepository,
  channelId: string,
): Promise<Partnership | null> {
  context[MEMO] ??= new Map<string, Promise<Partnership | null>>();
  const memo: Map<string, Promise<Partnership | null>> = context[MEMO];
  let found = memo.get(channelId);
  if (found === undefined) {
    found = partnerships.findByChannel(channelId);
    memo.set(channelId, found);
  }
  return found;
}

/** Where a payload says its partnership is: its channel, or the id a button or form carries; null if nowhere. */
export type PartnershipPlace = { channelId: string } | { partnershipId: string } | null;

/** Requests whose people can be answered privately: a command, a button, a shortcut, a form. */
export type AnswerableArgs =
  | SlackCommandMiddlewareArgs
  | SlackActionMiddlewareArgs
  | SlackShortcutMiddlewareArgs
  | SlackViewMiddlewareArgs<ViewSubmitAction>;

type Otherwise<Args> = (
  args: Args & AllMiddlewareArgs<RapportContext>,
  place: PartnershipPlace,
) => Promise<void>;

/**
 * Listener middleware: the partnership the request is about goes on its context (`context.partnership`).
 * Without one the listener does not run, and the person is told: the "not set up" hint privately, or on
 * a form, an inline error. Events, which have nobody to answer that way, say what happens instead.
 */
export function requirePartnership<Args extends AnswerableArgs>(
  locate: (args: Args) => PartnershipPlace,
): Listener<Args>;
export function requirePartnership<Args>(
  locate: (args: Args) => PartnershipPlace,
  otherwise: Otherwise<Args>,
): Listener<Args>;
export function requirePartnership<Args>(
  locate: (args: Args) => PartnershipPlace,
  // Only answerable requests may leave `otherwise` out (the first overload).
  otherwise: Otherwise<Args> = answerNotSetUp as unknown as Otherwise<Args>,
): Listener<Args> {
  return async (args) => {
    const { context } = args;
    const { partnerships } = context.workspace.repositories;
    const place = locate(args);
    const partnership =
      place === null
        ? null
        : 'channelId' in place
          ? await partnershipOfChannel(context, partnerships, place.channelId)
          : await partnerships.findById(place.partnershipId);
    if (partnership === null) return otherwise(args, place);
    context.partnership = partnership;
    await args.next();
  };
}

/** Nothing to say: a message or a membership change outside a partnership is none of Rapport's business. */
export const ignore = async (): Promise<void> => {};

/**
 * The one "not set up" answer: the hint, privately; for a button that names a partnership gone since,
 * that it is gone; on a form, an inline error on its first input.
 */
async function answerNotSetUp(args: AnswerableArgs, place: PartnershipPlace): Promise<void> {
  if (!('view' in args)) {
    if (place !== null && 'partnershipId' in place)
      return answerPrivately(args, { text: 'This channel is no longer set up as a partnership.' });
    return answerPrivately(args, buildNotSetUpHint());
  }
  const blockId = firstInputBlockId(args.view) ?? '';
  const message =
    place === null
      ? 'This form could not be read. Close it and try again.'
      : `This channel is no longer set up. Ask your account team to run ${COMMAND} setup.`;
  await args.ack({ response_action: 'errors', errors: { [blockId]: message } });
}

/** The place of a channel a payload names, if it names one. */
export const inChannel = (channelId: string | null | undefined): PartnershipPlace =>
  channelId ? { channelId } : null;

export const channelOfCommand = ({ command }: SlackCommandMiddlewareArgs): PartnershipPlace => ({
  channelId: command.channel_id,
});

/** The channel of the message a button is on; null for buttons outside one (a modal, the Home tab). */
export const channelOfAction = ({ body }: SlackActionMiddlewareArgs): PartnershipPlace =>
  'channel' in body && body.channel?.id ? { channelId: body.channel.id } : null;

/** The partnership a button names in its value (a digest preview's, a plan's). */
export const partnershipOfButton = ({ action }: SlackActionMiddlewareArgs): PartnershipPlace =>
  'value' in action && action.value ? { partnershipId: action.value } : null;
