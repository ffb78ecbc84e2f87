/**
 * A fake Linear GraphQL API at /graphql for the operations Rapport sends, answering as Linear documents:
 * the API key in `Authorization`, GraphQL errors with `extensions.code` (and the `type` Linear's SDK
 * reads), rate-limit headers on every answer (the reset ones in epoch milliseconds), RATELIMITED when the
 * budget is spent. Faults are queued per test: an error answer, Linear down (a 5xx page), or an operation
 * done whose answer is lost.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type LocalServer, startLocalServer } from '../local-server.js';
import { FakeLinearWorkspace, LinearFault } from './workspace.js';

export const LINEAR_API_KEY = 'lin_api_fake_0123456789abcdef';

type Fault =
  | { status: number }
  | { rateLimitedForMs: number }
  | { code: string; message: string }
  | { loseAnswer: true }
  /** Done, and never answered: the connection ends when the caller does (killed waiting). */
  | { hold: true };

export interface FakeLinearCall {
  operation: string;
  variables: Record<string, unknown>;
  status: number;
}

/** The `type` Linear puts next to each code, which @linear/sdk reads. */
const TYPES: Record<string, string> = {
  RATELIMITED: 'ratelimited',
  AUTHENTICATION_ERROR: 'authentication error',
  FORBIDDEN: 'forbidden',
  FEATURE_NOT_ACCESSIBLE: 'feature not accessible',
  INVALID_INPUT: 'invalid input',
  GRAPHQL_VALIDATION_FAILED: 'graphql error',
};

const HOURLY_REQUESTS = 5000;

export class FakeLinear {
  readonly calls: FakeLinearCall[] = [];
  readonly workspace: FakeLinearWorkspace;
  private readonly faults: { operation: string; fault: Fault }[] = [];
  private remaining = HOURLY_REQUESTS;
  private limitedUntil = 0;
  private held = 0;
  private heldWaiters: (() => void)[] = [];
  /** Linear's clock: tests set it to theirs, so `since` filters and resets agree with the app's time. */
  now: () => Date = () => new Date();

  private constructor(
    private readonly server: LocalServer,
    readonly apiUrl: string,
  ) {
    this.workspace = new FakeLinearWorkspace(() => this.now());
  }

  static async start(): Promise<FakeLinear> {
    let fake: FakeLinear | null = null;
    const server = await startLocalServer((req, res) => fake?.serve(req, res));
    fake = new FakeLinear(server, `${server.url}/graphql`);
    return fake;
  }

  /** The next calls of `operation` ('*': any), in order, meet these faults instead of their normal answer. */
  failNext(operation: string, ...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ operation, fault });
  }

  /** Resolves once a call is being held. */
  waitForHeld(): Promise<void> {
    if (this.held > 0) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  callsTo(operation: string): FakeLinearCall[] {
    return this.calls.filter((c) => c.operation === operation);
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
      query?: string;
      variables?: Record<string, unknown>;
    };
    const operation = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1] ?? '';
    const call: FakeLinearCall = { operation, variables: body.variables ?? {}, status: 0 };
    this.calls.push(call);
    const now = this.now().getTime();
    const send = (status: number, json: unknown) => {
      // Spent: refilled when the limit ends; otherwise the hour's window.
      const reset = this.remaining === 0 ? this.limitedUntil : now + 3_600_000;
      call.status = status;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-requests-limit': String(HOURLY_REQUESTS),
        'x-ratelimit-requests-remaining': String(this.remaining),
        'x-ratelimit-requests-reset': String(reset),
        'x-ratelimit-complexity-limit': '3000000',
        'x-ratelimit-complexity-remaining': '2999000',
        'x-ratelimit-complexity-reset': String(now + 3_600_000),
        'x-complexity': '12',
      });
      res.end(JSON.stringify(json));
    };
    const error = (fault: LinearFault) =>
      send(fault.status, {
        data: null,
        errors: [
          {
            message: fault.message,
            extensions: {
              code: fault.code,
              type: TYPES[fault.code] ?? 'unknown',
              userPresentableMessage: fault.message,
            },
          },
        ],
      });
    if (req.url !== '/graphql' || req.method !== 'POST')
      return send(404, { errors: [{ message: 'Not found' }] });
    if (req.headers.authorization !== LINEAR_API_KEY)
      return error(new LinearFault('AUTHENTICATION_ERROR', 'Authentication required, not authenticated'));
    if (now < this.limitedUntil) {
      this.remaining = 0;
      return error(new LinearFault('RATELIMITED', 'Rate limit exceeded'));
    }
    this.remaining = (this.remaining === 0 ? HOURLY_REQUESTS : this.remaining) - 1;
    const index = this.faults.findIndex((f) => f.operation === '*' || f.operation === operation);
    const fault = index >= 0 ? this.faults.splice(index, 1)[0]?.fault : undefined;
    if (fault && 'status' in fault) {
      call.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'text/html' });
      res.end('<html><body>Service unavailable</body></html>');
      return;
    }
    if (fault && 'rateLimitedForMs' in fault) {
      this.limitedUntil = now + fault.rateLimitedForMs;
      this.remaining = 0;
      return error(new LinearFault('RATELIMITED', 'Rate limit exceeded'));
    }
    if (fault && 'code' in fault) return error(new LinearFault(fault.code, fault.message));
    try {
      const data = this.workspace.answer(operation, call.variables);
      if (fault && 'hold' in fault) {
        this.held += 1;
        for (const waiter of this.heldWaiters.splice(0)) waiter();
        return;
      }
      if (fault) return send(502, { errors: [{ message: 'Bad gateway' }] }); // done, its answer lost
      return send(200, { data });
    } catch (failure) {
      if (failure instanceof LinearFault) return error(failure);
      throw failure;
    }
  }
}
