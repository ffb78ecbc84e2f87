/**
 * A local webhook receiver: records every request, answers as the test says (a status, or holding the
 * request until released), and checks signatures the Standard Webhooks way, written here from the spec
 * rather than shared with the app: `webhook-signature` lists `v1,<base64>` signatures, each an
 * HMAC-SHA256 keyed with the base64-decoded part of `whsec_…` over `<webhook-id>.<webhook-timestamp>.<body>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type LocalServer, startLocalServer } from './local-server.js';

export interface ReceivedWebhook {
  path: string;
  id: string;
  timestamp: number;
  signatures: string[];
  body: string;
  json: { type: string; timestamp: string; data: Record<string, unknown> };
  /** What the receiver answered (null: held, then released or dropped). */
  answered: number | null;
}

/** A status, a redirect, or 'hold': the request waits until `release()` (a slow or dead endpoint). */
export type Answer = number | { redirectTo: string } | 'hold';

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private answers: ((w: ReceivedWebhook) => Answer) | null = null;
  private held: (() => void)[] = [];
  private waiters: { until: () => boolean; resolve: () => void }[] = [];

  private constructor(
    private readonly server: LocalServer,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | null = null;
    const server = await startLocalServer((req, res) => receiver?.handle(req, res));
    receiver = new WebhookReceiver(server, server.url);
    return receiver;
  }

  /** How to answer each request from now on (default 204). */
  answer(with_: (w: ReceivedWebhook) => Answer): void {
    this.answers = with_;
  }

  /** Lets held requests finish with 503. */
  release(): void {
    for (const finish of this.held.splice(0)) finish();
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((w) => w.path === path);
  }

  /** Resolves once `until` holds after a request arrived (or at once if it already does). */
  waitFor(until: () => boolean): Promise<void> {
    if (until()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }

  async stop(): Promise<void> {
    this.release();
    await this.server.stop();
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const header = (name: string) => String(req.headers[name] ?? '');
    const webhook: ReceivedWebhook = {
      path: req.url ?? '/',
      id: header('webhook-id'),
      timestamp: Number(header('webhook-timestamp')),
      signatures: header('webhook-signature').split(' ').filter(Boolean),
      body,
      json: JSON.parse(body),
      answered: null,
    };
    this.received.push(webhook);
    const answer = this.answers?.(webhook) ?? 204;
    if (answer === 'hold') {
      this.held.push(() => {
        res.writeHead(503).end();
      });
    } else if (typeof answer === 'number') {
      webhook.answered = answer;
      res.writeHead(answer).end();
    } else {
      webhook.answered = 307;
      res.writeHead(307, { location: `${this.url}${answer.redirectTo}` }).end();
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.until()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }
}

/** True when one of the request's signatures is the secret's, and its timestamp is within 5 minutes of `now`. */
export function verifySignature(webhook: ReceivedWebhook, secret: string, now: Date): boolean {
  if (Math.abs(now.getTime() / 1000 - webhook.timestamp) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key)
    .update(`${webhook.id}.${webhook.timestamp}.${webhook.body}`)
    .digest();
  return webhook.signatures.some((s) => {
    const [version, signature] = s.split(',');
    if (version !== 'v1' || !signature) return false;
    const given = Buffer.from(signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
