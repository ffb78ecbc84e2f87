import type { AnyMiddlewareArgs } from '@slack/bolt';
import { answerPrivately } from './answer-privately.js';
import type { ActorContext, Listener } from './rapport-context.js';
import type { AnswerableArgs } from './request-partnership.js';

interface RequesterBody {
  user_id?: unknown;
  user?: { id?: unknown; team_id?: unknown };
  event?: { user?: unknown };
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Who made a request, as its payload names them. Buttons, forms and shortcuts state the person's own team
 * (a hint that spares a users.info call); commands and events do not.
 */
function requesterOf(body: RequesterBody): { userId: string; teamIdHint?: string } | null {
  const userId = text(body.user_id) ?? text(body.user?.id) ?? text(body.event?.user);
  if (userId === undefined) return null;
  const teamIdHint = text(body.user?.team_id);
  return teamIdHint ? { userId, teamIdHint } : { userId };
}

/** Listener middleware: who made the request, with their team and side, goes on its context (`context.actor`). */
export const identifyActor: Listener<AnyMiddlewareArgs> = async ({ body, context, next }) => {
  const requester = requesterOf(body as RequesterBody);
  if (requester === null) throw new Error('identifyActor: this payload names nobody');
  context.actor = await context.workspace.directory.actor(requester.userId, requester.teamIdHint);
  await next();
};

/** Listener middleware after identifyActor: people at the vendor go on; anyone else is told `refusal` privately. */
export const onlyVendor =
  (refusal: string): Listener<AnswerableArgs, ActorContext> =>
  async (args) => {
    if (args.context.actor.side === 'vendor') return args.next();
    await answerPrivately(args, { text: refusal });
  };
