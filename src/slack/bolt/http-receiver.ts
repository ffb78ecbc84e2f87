import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import {
  type App,
  type BufferedIncomingMessage,
  HTTPReceiver,
  type HTTPReceiverOptions,
  HTTPResponseAck,
  HTTPModuleFunctions as http,
  type ReceiverProcessEventErrorHandlerArgs,
  verifySlackRequest,
} from '@slack/bolt';
import type { AppLogger } from '../../logger.js';
import { envelopeProblem, MalformedRequestError } from './request-envelope.js';

const ENDPOINT = '/slack/events';
const FORM = 'application/x-www-form-urlencoded';

const refuse = (res: ServerResponse, status: number) => http.buildNoBodyResponse(res, status);

type ReceiverOptions = HTTPReceiverOptions & { logger: AppLogger; signingSecret: string };

/**
 * Bolt's HTTP receiver (OAuth, custom routes, the server), with Slack's requests to /slack/events read
 * here instead: each body is parsed once, where Bolt parses a form twice (once only to look for
 * `ssl_check`) and a screen in front of it had to parse it once more. Answers as Bolt does (401
 * unsigned or stale, 413 over the limit, 400 not JSON, the SSL check and URL verification), and
 * besides: 400 for a request whose envelope Slack could not have sent (MalformedRequestError, thrown by
 * TracedApp) instead of Bolt's 500, and 400 for a signed body that is JSON but not an object (`null`
 * makes Bolt's own receiver throw where nothing catches it and never answer).
 */
export function buildHttpReceiver(options: ReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver({ ...options, processEventErrorHandler });
  let app: App | undefined;
  const init = receiver.init.bind(receiver);
  receiver.init = (bolt) => {
    app = bolt;
    init(bolt);
  };
  const boltListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // Everything else, and its errors, Bolt routes as before (synchronously: a throw means "not found").
    if (req.method !== 'POST' || path !== ENDPOINT || app === undefined) return boltListener(req, res);
    void handleSlackRequest(req, res, options, app);
  };
  return receiver;
}

async function processEventErrorHandler(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (!(args.error instanceof MalformedRequestError) || args.response.headersSent)
    return http.defaultProcessEventErrorHandler(args);
  refuse(args.response, 400);
  return true; // answered: Bolt's 3 s "not acknowledged" timer is stopped
}

/** What Bolt's receiver does with a request to /slack/events, on a body read and parsed once. */
async function handleSlackRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: ReceiverOptions,
  app: App,
): Promise<void> {
  const { logger } = options;
  const read = await readSigned(req, res, options);
  if (read === null) return;
  const { buffered, body } = read;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    logger.event('warn', 'malformed request refused', { problem: envelopeProblem(body) });
    return refuse(res, 400);
  }
  const fields = body as Record<string, unknown>;
  if (fields.ssl_check === '1') return http.buildSSLCheckResponse(res);
  if (fields.type === 'url_verification') return http.buildUrlVerificationResponse(res, fields);
  const ack = new HTTPResponseAck({
    logger,
    processBeforeResponse: false,
    httpRequest: buffered,
    httpRequestBody: fields,
    httpResponse: res,
  });
  const retryNum = http.extractRetryNumFromHTTPRequest(req);
  const retryReason = http.extractRetryReasonFromHTTPRequest(req);
  try {
    await app.processEvent({
      body: fields,
      ack: ack.bind(),
      ...(retryNum === undefined ? {} : { retryNum }),
      ...(retryReason === undefined ? {} : { retryReason }),
      customProperties: {},
    });
  } catch (error) {
    const answered = await processEventErrorHandler({
      error: error as Error,
      logger,
      request: req,
      response: res,
      storedResponse: ack.storedResponse,
    });
    if (answered) ack.ack();
  }
}

/**
 * The body, read within the limit, its signature verified, parsed once (a form's `payload` as JSON);
 * null once the request has been answered: 413 or 400 for a body over the limit or cut short, the SSL
 * check (which Slack does not sign), 401 for a missing, wrong or stale signature, 400 for a body that
 * is not JSON.
 */
async function readSigned(
  req: IncomingMessage,
  res: ServerResponse,
  options: ReceiverOptions,
): Promise<{ buffered: BufferedIncomingMessage; body: unknown } | null> {
  const { logger } = options;
  let buffered: BufferedIncomingMessage;
  try {
    buffered = await http.bufferIncomingMessage(req, options.bodyLimit ?? http.defaultBodyLimit);
  } catch (error) {
    const status = http.isRawBodyError(error) ? (error.statusCode === 413 ? 413 : 400) : 401;
    logger.event('warn', 'request body refused', { error: (error as Error).message, status });
    refuse(res, status);
    return null;
  }
  const text = buffered.rawBody.toString();
  const form = req.headers['content-type'] === FORM ? parseForm(text) : null;
  if (form?.ssl_check === '1') {
    http.buildSSLCheckResponse(res);
    return null;
  }
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body: text,
      headers: {
        'x-slack-signature': http.getHeader(req, 'x-slack-signature'),
        'x-slack-request-timestamp': Number(http.getHeader(req, 'x-slack-request-timestamp')),
      },
    });
  } catch (error) {
    logger.event('warn', 'request signature refused', { error: (error as Error).message });
    refuse(res, 401);
    return null;
  }
  try {
    const payload = form?.payload;
    const body: unknown =
      form === null ? JSON.parse(text) : typeof payload === 'string' ? JSON.parse(payload) : form;
    return { buffered, body };
  } catch (error) {
    logger.event('warn', 'request body refused', { error: (error as Error).message, status: 400 });
    refuse(res, 400);
    return null;
  }
}
