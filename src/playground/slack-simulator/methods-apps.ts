/** apps.connections.open: where a Socket Mode app connects (see socket-mode.ts). */
import { type Handler, ok } from './method-kit.js';

export const appHandlers: Record<string, Handler> = {
  'apps.connections.open': (_args, ctx) => ok({ url: ctx.socketMode.issueUrl() }),
};
