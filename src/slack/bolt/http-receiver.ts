import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type BufferedIncomingMessage,
  HTTPReceiver,
  type HTTPReceiverOptions,
  HTTPModuleFunctions as http,
  type ReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import type { AppLogger } from '../../logger.js';
import { envelopeProblem, MalformedRequestError } from './request-envelope.js';

const ENDPOINT = '/slack/events';
const FORM = 'application/x-www-form-urlencoded';
const OPENING_BRACE = /^(\{|%7b)/i;

const refuse = (res: ServerResponse, status: number) => http.buildNoBodyResponse(res, status);

/**
 * Bolt's HTTP receiver, made to answer every request it is sent: a request whose envelope Slack could not
 * have sent gets 400 (MalformedRequestError, thrown by TracedApp) instead of Bolt's 500, and a signed body
 * that is JSON but not an object (`null`, which makes Bolt's receiver throw where nothing catches it and
 * never answer) gets 400 before Bolt reads it. Bolt still verifies every signature itself.
 */
export function buildHttpReceiver(options: HTTPReceiverOptions & { logger: AppLogger }): HTTPReceiver {
  const { logger } = options;
  const receiver = new HTTPReceiver({
    ...options,
    processEventErrorHandler: async (args: ReceiverProcessEventErrorHandlerArgs) => {
      if (!(args.error instanceof MalformedRequestError) || args.response.headersSent)
        return http.defaultProcessEventErrorHandler(args);
      refuse(args.response, 400);
      return true; // answered: Bolt's 3 s "not acknowledged" timer is stopped
    },
  });
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // Everything else, and its errors, Bolt routes as before (synchronously: a throw means "not found").
    if (req.method !== 'POST' || path !== ENDPOINT) return boltListener(req, res);
    void screenBody(req, res, options, logger).then((passOn) => {
      if (passOn) boltListener(req, res);
    });
  };
  return receiver;
}

/**
 * Reads the body (Bolt then reuses what was read) and answers the requests Bolt cannot: a body over the
 * limit or cut short, and a signed one that is not a JSON object. False when it has answered. Only a
 * body that is not an object has its signature checked here (an unsigned one is Bolt's to refuse, 401):
 * every other request is verified once, by Bolt.
 */
async function screenBody(
  req: IncomingMessage,
  res: ServerResponse,
  options: HTTPReceiverOptions,
  logger: AppLogger,
): Promise<boolean> {
  let buffered: BufferedIncomingMessage;
  try {
    buffered = await http.bufferIncomingMessage(req, options.bodyLimit ?? http.defaultBodyLimit);
  } catch (error) {
    if (!http.isRawBodyError(error)) return true; // Bolt reads it again and answers
    logger.event('warn', 'request body refused', { error: error.message, status: error.statusCode });
    refuse(res, error.statusCode === 413 ? 413 : 400);
    return false;
  }
  if (surelyAnObject(buffered.rawBody.toString(), req.headers['content-type'])) return true;
  let body: unknown;
  try {
    body = http.parseHTTPRequestBody(buffered);
  } catch {
    return true; // not JSON: Bolt answers 400 (or 401 unsigned)
  }
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return true;
  try {
    await http.parseAndVerifyHTTPRequest({ signingSecret: options.signingSecret }, buffered);
  } catch {
    return true; // not signed: Bolt refuses it (401)
  }
  logger.event('warn', 'malformed request refused', { problem: envelopeProblem(body) });
  refuse(res, 400);
  return false;
}

/**
 * Whether the body parses, as Bolt parses it, to an object or not at all (which Bolt refuses itself),
 * told from the start of its JSON without parsing it: Bolt parses every body once more, and a
 * button's payload carries its whole message. False when unsure; the body is then parsed.
 */
function surelyAnObject(text: string, contentType: string | undefined): boolean {
  if (contentType !== FORM) return text.startsWith('{');
  // Bolt takes a form's one `payload` field as JSON, and any other form (a command) as its fields.
  let payloads = 0;
  for (const pair of text.split('&')) {
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    if (/[%+]/.test(name)) return false; // an encoded name might decode to `payload`
    if (name !== 'payload') continue;
    payloads += 1;
    if (!OPENING_BRACE.test(pair.slice(equals + 1, equals + 4))) return false;
  }
  return payloads <= 1;
}
