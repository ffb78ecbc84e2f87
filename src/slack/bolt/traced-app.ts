import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { App, type AppOptions, type ReceiverEvent } from '@slack/bolt';
import { type AppLogger, errorFields, withLogFields } from '../../logger.js';
import { STORE_DEADLINES, withStoreDeadline } from '../../store/store-deadline.js';
import type { WorkInProgress } from '../../work-in-progress.js';
import { answerUnhandled } from './answer-unhandled.js';
import { describeRequest, type RequestKind } from './describe-request.js';
import { envelopeProblem, MalformedRequestError } from './request-envelope.js';

/** Told how long each Slack request took to acknowledge, and to finish. */
export interface RequestObserver {
  acked(kind: RequestKind, seconds: number): void;
  handled(kind: RequestKind, seconds: number): void;
  /** Handling ended with no ack sent: Slack shows the user an error (or retries the event). */
  unacknowledged(kind: RequestKind): void;
}

/** Slack says more than 3 s is a failure; warn a little before. */
const SLOW_ACK_MS = 2_500;

/**
 * The Bolt App, refusing a request whose envelope Slack could not have sent (MalformedRequestError, 400
 * over HTTP), answering at once one that no listener took, timing every request and naming it in the
 * logs (`context.log` is a logger whose lines carry them). Bolt gives global middleware a copy of the
 * listener arguments, so a middleware cannot hand listeners a timed `ack`; the receiver passes each
 * request to `processEvent` with its `ack`, which is wrapped here instead (and whether it was called is
 * told to listeners on their context: `acknowledged()`). Bolt acknowledges events itself before any
 * middleware runs, so their ack time is Bolt's own (authorization); their listeners' work shows in the
 * handling time. From the moment a request arrives, its store calls and those of the work it
 * starts share the request's store deadline, Bolt's read of the installation (distribution) included: a
 * store that stops answering, or answers each call slowly, fails in time to answer within Slack's 3 s.
 * Each request is work in progress until its last reply, which may go after the ack (`inProgress`).
 */
export class TracedApp extends App {
  readonly #observer: RequestObserver;
  readonly #log: AppLogger;
  readonly #newId: () => string;
  readonly #inProgress: WorkInProgress | null;

  constructor(
    options: AppOptions,
    tracing: {
      observer: RequestObserver;
      logger: AppLogger;
      newId?: () => string;
      inProgress?: WorkInProgress;
    },
  ) {
    super(options);
    this.#observer = tracing.observer;
    this.#log = tracing.logger;
    this.#newId = tracing.newId ?? randomUUID;
    this.#inProgress = tracing.inProgress ?? null;
  }

  override processEvent(event: ReceiverEvent): Promise<void> {
    const handling = this.#handle(event);
    this.#inProgress?.add(handling);
    return handling;
  }

  async #handle(event: ReceiverEvent): Promise<void> {
    const { kind, fields } = describeRequest(event.body, this.#newId);
    // The request's own lines name it on every runtime; withLogFields reaches the rest where that is cheap.
    const log = this.#log.child(fields);
    await withLogFields(fields, async () => {
      // Checked before Bolt reads it: Bolt throws TypeErrors on a missing team, user or view.
      const problem = envelopeProblem(event.body);
      if (problem !== null) {
        log.event('warn', 'malformed request refused', { problem });
        throw new MalformedRequestError(problem);
      }
      const started = performance.now();
      const elapsedMs = () => Math.round((performance.now() - started) * 10) / 10;
      let ackMs: number | null = null;
      let acknowledged = false;
      log.event('debug', 'slack request received', {
        ...(event.retryNum ? { retryNum: event.retryNum, retryReason: event.retryReason } : {}),
      });
      const ack: ReceiverEvent['ack'] = async (response) => {
        acknowledged = true;
        await event.ack(response);
        ackMs = elapsedMs();
        this.#observer.acked(kind, ackMs / 1000);
        if (ackMs >= SLOW_ACK_MS) log.event('warn', 'slow acknowledgement: Slack gives up at 3 s', { ackMs });
        else log.event('debug', 'slack request acknowledged', { ackMs });
      };
      try {
        // Listener errors end in the error sink (logged there, with these fields); this throws only when that fails.
        // Whether the request was acknowledged rides on its context: guardSubmission answers only before.
        let failed = false;
        const customProperties = {
          ...event.customProperties,
          log,
          acknowledged: () => acknowledged,
          markFailed: () => {
            failed = true;
          },
        };
        await withStoreDeadline(STORE_DEADLINES.request, () =>
          super.processEvent({ ...event, ack, customProperties }),
        );
        // Nothing took it, or it failed before its ack (the person has had the error sink's apology):
        // either way Slack is answered now rather than left to give up after 3 s.
        if (!acknowledged && !failed) await answerUnhandled(kind, event.body, ack, log);
        else if (!acknowledged) await ack();
      } catch (error) {
        log.event('error', 'slack request failed', errorFields(error));
        throw error;
      } finally {
        const durationMs = elapsedMs();
        this.#observer.handled(kind, durationMs / 1000);
        if (ackMs === null) this.#observer.unacknowledged(kind);
        // A line for every request is what the metrics are for; the log keeps the ones that need a look.
        log.event(ackMs === null ? 'warn' : 'debug', 'slack request finished', { ackMs, durationMs });
      }
    });
  }
}
