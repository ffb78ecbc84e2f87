import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import { type AppLogger, errorFields, type Fields, withLogFields } from '../../logger.js';

export type RequestKind =
  | 'command'
  | 'block_action'
  | 'view_submission'
  | 'view_closed'
  | 'shortcut'
  | 'options'
  | 'event'
  | 'other';

/** Told how long each Slack request took to acknowledge, and to finish. */
export interface RequestObserver {
  acked(kind: RequestKind, seconds: number): void;
  handled(kind: RequestKind, seconds: number): void;
  /** Handling ended with no ack sent: Slack shows the user an error (or retries the event). */
  unacknowledged(kind: RequestKind): void;
}

/** Slack says more than 3 s is a failure; warn a little before. */
const SLOW_ACK_MS = 2_500;

interface Body {
  type?: unknown;
  command?: unknown;
  event_id?: unknown;
  event?: { type?: unknown };
  view?: { callback_id?: unknown };
  callback_id?: unknown;
  actions?: { action_id?: unknown }[];
}

const KINDS: Record<string, RequestKind> = {
  event_callback: 'event',
  block_actions: 'block_action',
  interactive_message: 'block_action',
  view_submission: 'view_submission',
  view_closed: 'view_closed',
  shortcut: 'shortcut',
  message_action: 'shortcut',
  block_suggestion: 'options',
};

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * What every log line of a request carries: a new `requestId` per delivery, its kind, and what Slack
 * identifies it by (`eventId` for events: retries of one event share it; the command, callback or action).
 */
export function describeRequest(body: Body, newId: () => string): { kind: RequestKind; fields: Fields } {
  const kind = typeof body.command === 'string' ? 'command' : (KINDS[String(body.type)] ?? 'other');
  const found: Fields = {
    eventId: text(body.event_id),
    eventType: text(body.event?.type),
    command: text(body.command),
    callbackId: text(body.view?.callback_id) ?? text(body.callback_id),
    actionId: text(body.actions?.[0]?.action_id),
  };
  const known = Object.entries(found).filter(([, v]) => v !== undefined);
  return { kind, fields: { requestId: newId(), requestKind: kind, ...Object.fromEntries(known) } };
}

/**
 * The Bolt App, timing every request and naming it in the logs. Bolt gives global middleware a copy of
 * the listener arguments, so a middleware cannot hand listeners a timed `ack`; the receiver passes each
 * request to `processEvent` with its `ack`, which is wrapped here instead (and whether it was called is told
 * to listeners on their context: `acknowledged()`). Bolt acknowledges events itself
 * before any middleware runs, so their ack time is Bolt's own (authorization); their listeners' work
 * shows in the handling time.
 */
export class TracedApp extends App {
  readonly #observer: RequestObserver;
  readonly #log: AppLogger;
  readonly #newId: () => string;

  constructor(
    options: AppOptions,
    tracing: { observer: RequestObserver; logger: AppLogger; newId?: () => string },
  ) {
    super(options);
    this.#observer = tracing.observer;
    this.#log = tracing.logger;
    this.#newId = tracing.newId ?? randomUUID;
  }

  override async processEvent(event: ReceiverEvent): Promise<void> {
    const { kind, fields } = describeRequest(event.body, this.#newId);
    await withLogFields(fields, async () => {
      const started = performance.now();
      const elapsedMs = () => Math.round((performance.now() - started) * 10) / 10;
      let ackMs: number | null = null;
      let acknowledged = false;
      this.#log.event('debug', 'slack request received', {
        ...(event.retryNum ? { retryNum: event.retryNum, retryReason: event.retryReason } : {}),
      });
      const ack: ReceiverEvent['ack'] = async (response) => {
        acknowledged = true;
        await event.ack(response);
        ackMs = elapsedMs();
        this.#observer.acked(kind, ackMs / 1000);
        if (ackMs >= SLOW_ACK_MS)
          this.#log.event('warn', 'slow acknowledgement: Slack gives up at 3 s', { ackMs });
        else this.#log.event('debug', 'slack request acknowledged', { ackMs });
      };
      try {
        // Listener errors end in the error sink (logged there, with these fields); this throws only when that fails.
        // Whether the request was acknowledged rides on its context: guardSubmission answers only before.
        const customProperties = { ...event.customProperties, acknowledged: () => acknowledged };
        await super.processEvent({ ...event, ack, customProperties });
      } catch (error) {
        this.#log.event('error', 'slack request failed', errorFields(error));
        throw error;
      } finally {
        const durationMs = elapsedMs();
        this.#observer.handled(kind, durationMs / 1000);
        if (ackMs === null) this.#observer.unacknowledged(kind);
        this.#log.event(ackMs === null ? 'warn' : 'info', 'slack request finished', { ackMs, durationMs });
      }
    });
  }
}
