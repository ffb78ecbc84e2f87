/** Transport of the SlackDriver: signing, posting, and shared payload pieces. */
import { type DriverUser, TOKEN, teamPayload, userPayload } from './driver-payloads.js';
import type { FakeSlack } from './server.js';
import { signSlackRequest } from './signing.js';
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

export interface DriverOptions {
  /** e.g. `http://127.0.0.1:PORT` */
  appUrl: string;
  signingSecret: string;
  fake: FakeSlack;
  /** Default '/slack/events'. */
  path?: string;
  /**
   * The workspace whose installation of the app receives the requests (default `fake.vendorTeamId`):
   * events' authorizations, interactions' `team`, views' `app_installed_team_id`, who may run commands.
   */
  installTeamId?: string;
}

export class DriverTransport {
  protected readonly url: string;
  protected readonly signingSecret: string;
  protected readonly fake: FakeSlack;
  protected readonly installTeamId: string;

  constructor(opts: DriverOptions) {
    this.url = `${opts.appUrl.replace(/\/$/, '')}${opts.path ?? '/slack/events'}`;
    this.signingSecret = opts.signingSecret;
    this.fake = opts.fake;
    this.installTeamId = opts.installTeamId ?? opts.fake.vendorTeamId;
  }

  /** Escape hatch for negative tests: unsigned, badly signed or stale requests. */
  async sendRaw(req: RawRequest): Promise<DriverResponse> {
    const timestamp = req.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': req.contentType ?? 'application/json',
      ...req.headers,
    };
    if (req.unsigned !== true) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] =
        req.signature ?? signSlackRequest(this.signingSecret, timestamp, req.body);
    }
    const res = await fetch(this.url, { method: 'POST', headers, body: req.body });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? '' : JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body };
  }

  protected send(
    body: string,
    contentType: string,
    headers: Record<string, string> = {},
  ): Promise<DriverResponse> {
    return this.sendRaw({ body, contentType, headers });
  }

  protected interaction(payload: Record<string, unknown>): Promise<DriverResponse> {
    return this.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
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
