/** Transport of the SlackDriver: signing, posting, and shared payload pieces. */
import { type DriverUser, TOKEN, teamPayload, userPayload } from './driver-payloads.js';
import type { FakeSlack } from './server.js';
import { signSlackRequest } from './signing.js';
import type { EnvelopeType } from './socket-envelopes.js';
import type { StoredView } from './types.js';

export interface DriverResponse {
  status: number;
  /** Parsed JSON when possible, raw text otherwise, '' when empty. */
  body: unknown;
}

export interface RawRequest {
  body: string;
  contentType?: string;
  /** Unix seconds used for the timestamp header and the signature (default now). */
  timestamp?: number;
  /** Sent as-is instead of the correct signature. */
  signature?: string;
  /** Send no signature/timestamp headers at all. */
  unsigned?: boolean;
  headers?: Record<string, string>;
}

interface CommonDriverOptions {
  fake: FakeSlack;
  /**
   * The workspace whose installation of the app receives the requests (default `fake.vendorTeamId`):
   * events' authorizations, interactions' `team`, views' `app_installed_team_id`, who may run commands.
   */
  installTeamId?: string;
}

/**
 * How requests reach the app: signed HTTP posts to `appUrl` (default), or `transport: 'socket'`: envelopes
 * over the fake's Socket Mode connections (socket-mode.ts), each answered by the app's ack.
 */
export type DriverOptions = CommonDriverOptions &
  (
    | {
        transport?: 'http';
        /** e.g. `http://127.0.0.1:PORT` */
        appUrl: string;
        signingSecret: string;
        /** Default '/slack/events'. */
        path?: string;
      }
    | { transport: 'socket' }
  );

const FORM = 'application/x-www-form-urlencoded';

export class DriverTransport {
  /** Where HTTP requests go and how they are signed; null over Socket Mode. */
  private readonly http: { url: string; signingSecret: string } | null;
  protected readonly fake: FakeSlack;
  protected readonly installTeamId: string;

  constructor(opts: DriverOptions) {
    this.http =
      opts.transport === 'socket'
        ? null
        : {
            url: `${opts.appUrl.replace(/\/$/, '')}${opts.path ?? '/slack/events'}`,
            signingSecret: opts.signingSecret,
          };
    this.fake = opts.fake;
    this.installTeamId = opts.installTeamId ?? opts.fake.vendorTeamId;
  }

  /** Escape hatch for negative tests over HTTP: unsigned, badly signed or stale requests. */
  async sendRaw(req: RawRequest): Promise<DriverResponse> {
    if (this.http === null) throw new Error('SlackDriver: sendRaw speaks HTTP; this driver uses Socket Mode');
    const timestamp = req.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': req.contentType ?? 'application/json',
      ...req.headers,
    };
    if (req.unsigned !== true) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] =
        req.signature ?? signSlackRequest(this.http.signingSecret, timestamp, req.body);
    }
    const res = await fetch(this.http.url, { method: 'POST', headers, body: req.body });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? '' : JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body };
  }

  /** A slash command: a form post, or a `slash_commands` envelope. */
  protected postCommand(fields: Record<string, string>): Promise<DriverResponse> {
    if (this.http === null) return this.overSocket('slash_commands', fields);
    return this.sendRaw({ body: new URLSearchParams(fields).toString(), contentType: FORM });
  }

  protected interaction(payload: Record<string, unknown>): Promise<DriverResponse> {
    if (this.http === null) return this.overSocket('interactive', payload);
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.sendRaw({ body, contentType: FORM });
  }

  /** An Events API delivery; `retry` is Slack's retry count and reason (headers, or envelope fields). */
  protected postEvent(
    envelope: Record<string, unknown>,
    retry?: { attempt: number; reason: string },
  ): Promise<DriverResponse> {
    if (this.http === null) return this.overSocket('events_api', envelope, retry);
    const headers: Record<string, string> =
      retry === undefined
        ? {}
        : { 'x-slack-retry-num': String(retry.attempt), 'x-slack-retry-reason': retry.reason };
    return this.sendRaw({ body: JSON.stringify(envelope), headers });
  }

  /** The ack as an HTTP answer would read: 200, its payload, or '' when empty, so tests read the same. */
  private async overSocket(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    retry?: { attempt: number; reason: string },
  ): Promise<DriverResponse> {
    const ack = await this.fake.socketMode.deliver(type, payload, retry);
    const empty = ack.payload === undefined || Object.keys(ack.payload).length === 0;
    return { status: 200, body: empty ? '' : ack.payload };
  }

  /** Shortcut fields: `team` is the installing team, as Slack sends it in shared channels too. */
  protected common(user: DriverUser) {
    return {
      team: teamPayload(this.fake, this.installTeamId),
      user: userPayload(this.fake, user),
      api_app_id: this.fake.appId,
      token: TOKEN,
      is_enterprise_install: false,
      enterprise: null,
    };
  }

  protected openView(view: StoredView, what: string): StoredView {
    const current = this.fake.view(view.id);
    if (current !== undefined && current.type === 'modal' && this.fake.stackOf(view.id) === undefined) {
      throw new Error(`${what}: modal ${view.id} is not open any more (closed, cleared or never opened)`);
    }
    return current ?? view;
  }

  protected assertInstallingTeam(user: DriverUser, what: string, allow = false): void {
    if (!allow && user.teamId !== this.installTeamId) {
      throw new Error(
        `SlackDriver: ${what} are not shared in Slack Connect; ${user.id} of ${user.teamId} cannot send one ` +
          '(pass allowNonInstallingTeam: true to send it anyway)',
      );
    }
  }
}
