import {
  type CustomRoute,
  defaultProcessEventErrorHandler,
  type LogLevel,
  SocketModeReceiver,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import type { AppLogger } from '../../logger.js';
import { MalformedRequestError } from './request-envelope.js';

/**
 * Bolt's Socket Mode receiver, built here (as the HTTP one is) so that an envelope Slack could not have
 * sent (MalformedRequestError, logged by TracedApp) is acknowledged: left unacknowledged, Slack would
 * send it again and again. Anything else goes to Bolt's own handler.
 */
export function buildSocketReceiver(options: {
  appToken: string;
  port: number;
  clientOptions: WebClientOptions;
  customRoutes: CustomRoute[];
  logger: AppLogger;
  logLevel: LogLevel;
}): SocketModeReceiver {
  const { appToken, port, clientOptions, customRoutes, logger, logLevel } = options;
  return new SocketModeReceiver({
    appToken,
    logger,
    logLevel,
    customRoutes,
    // Bolt would hand its Socket Mode client (apps.connections.open) the very options object every Web
    // API client shares, and that client writes its own retries (100) into it: give it a copy.
    installerOptions: { port, clientOptions: { ...clientOptions } },
    processEventErrorHandler: async (args: SocketModeReceiverProcessEventErrorHandlerArgs) =>
      args.error instanceof MalformedRequestError || defaultProcessEventErrorHandler(args),
  });
}
