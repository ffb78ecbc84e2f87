import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Actor } from '../../domain/actors.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { AppLogger } from '../../logger.js';
import type { Workspace } from '../../workspaces/workspace.js';

/**
 * Bolt's context as every Rapport listener finds it: the facts of the request, put there by middleware
 * before any listener runs, in place of anything looked up on the side.
 */
export interface RapportContext extends Context {
  /** The workspace the request came from: its data, clients and directory (provideWorkspace). */
  workspace: Workspace;
  /** The request's logger: its lines carry the request's id and what it is about (TracedApp). */
  log: AppLogger;
  /** Whether the request has been acknowledged yet (TracedApp). */
  acknowledged(): boolean;
  /** Called by the error sink once the person has been told of a failure (TracedApp). */
  markFailed(): void;
}

/** After requirePartnership: the partnership of the request's channel (or the one the payload names). */
export interface PartnershipContext extends RapportContext {
  partnership: Partnership;
}

/** After identifyActor: who made the request, with their team and side. */
export interface ActorContext extends RapportContext {
  actor: Actor;
}

/** Every fact listener middleware may add: what a chain of middleware and its listener is typed with. */
export type ListenerContext = PartnershipContext & ActorContext;

/** A listener, or listener middleware, reading the facts `C` from Rapport's context. */
export type Listener<Args, C extends RapportContext = RapportContext> = Middleware<Args, C>;

/** Global middleware, first of all: the workspace the request was authorised for goes on its context. */
export function provideWorkspace(
  ofRequest: (context: Context) => Promise<Workspace>,
): Middleware<AnyMiddlewareArgs> {
  return async ({ context, next }) => {
    context.workspace = await ofRequest(context);
    await next();
  };
}
