/** OAuth installs of the fake Slack and the tokens it issued: each token's team, kind, expiry, revocation. */
import { randomBytes } from 'node:crypto';
import { InteractionState } from './interaction-state.js';

/** The OAuth app identity the fake knows (the app's SLACK_CLIENT_ID / SLACK_CLIENT_SECRET in tests). */
export const FAKE_CLIENT_ID = '1111.2222';
export const FAKE_CLIENT_SECRET = 'fake-client-secret';

/** Prefixes of the tokens the fake issues; any other token is a legacy one that acts as the vendor team. */
const ISSUED_PREFIX = { bot: 'xoxb-fake-', user: 'xoxp-fake-' } as const;

export type TokenKind = keyof typeof ISSUED_PREFIX;

export interface InstallApproval {
  teamId: string;
  teamName?: string;
  userId: string;
  scopes?: string[];
  userScopes?: string[];
}

/** An approved install waiting for its code to be exchanged. */
export interface Install {
  teamId: string;
  userId: string;
  scopes: string[];
  userScopes: string[];
}

export interface IssuedToken {
  token: string;
  teamId: string;
  kind: TokenKind;
  /** The installing user (user tokens act as this user). */
  userId: string;
  scopes: string[];
  /** Wall-clock ms (Date.now()) after which Slack answers `token_expired`; null = never. */
  expiresAt: number | null;
  revoked: boolean;
}

/** A freshly issued access token and, with rotation on, the fields Slack adds to the answer. */
export interface Grant {
  issued: IssuedToken;
  rotation: { refresh_token: string; expires_in: number } | undefined;
}

interface RefreshGrant {
  from: IssuedToken;
  expiresInSeconds: number;
}

const secret = (): string => randomBytes(12).toString('hex');

export class TokenRegistry extends InteractionState {
  private readonly teamNames = new Map<string, string>();
  private readonly codes = new Map<string, Install>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private rotationSeconds: number | null = null;

  /** The installing user pressed "Allow" on slack.com/oauth/v2/authorize: returns the one-time `code`. */
  approveInstall(opts: InstallApproval): string {
    if (opts.teamName !== undefined) this.teamNames.set(opts.teamId, opts.teamName);
    const code = `${opts.teamId}.${secret()}`;
    this.codes.set(code, {
      teamId: opts.teamId,
      userId: opts.userId,
      scopes: opts.scopes ?? ['commands', 'chat:write'],
      userScopes: opts.userScopes ?? [],
    });
    return code;
  }

  /** With a number, installs and refreshes issue tokens expiring after that many seconds, with refresh tokens. */
  setTokenRotation(expiresInSeconds: number | null): void {
    this.rotationSeconds = expiresInSeconds;
  }

  /** The latest bot token issued to `teamId` (revoked or expired ones included). */
  botTokenOf(teamId: string): string | undefined {
    return [...this.tokens.values()].filter((t) => t.teamId === teamId && t.kind === 'bot').at(-1)?.token;
  }

  /** The team an issued token belongs to; any other token acts as the vendor team. */
  tokenTeam(token: string): string {
    return this.tokens.get(token)?.teamId ?? this.vendorTeamId;
  }

  /** Revokes the team's tokens of the given kinds, and their refresh tokens. */
  revokeTokens(teamId: string, which: { bot?: boolean; user?: boolean }): void {
    const hit = (t: IssuedToken) => t.teamId === teamId && which[t.kind] === true;
    for (const t of this.tokens.values()) if (hit(t)) t.revoked = true;
    for (const [refresh, grant] of this.refreshTokens)
      if (hit(grant.from)) this.refreshTokens.delete(refresh);
  }

  /** The app is removed from the workspace: all of its tokens stop working. */
  uninstall(teamId: string): void {
    this.revokeTokens(teamId, { bot: true, user: true });
  }

  issuedToken(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  /** The error Slack answers a call made with `token`; undefined when it may proceed. */
  tokenError(token: string): string | undefined {
    const issued = this.tokens.get(token);
    if (issued === undefined) {
      const looksIssued = Object.values(ISSUED_PREFIX).some((p) => token.startsWith(p));
      return looksIssued ? 'invalid_auth' : undefined;
    }
    if (issued.revoked) return 'token_revoked';
    if (issued.expiresAt !== null && Date.now() >= issued.expiresAt) return 'token_expired';
    return undefined;
  }

  teamName(teamId: string): string {
    return this.teamNames.get(teamId) ?? (teamId === this.vendorTeamId ? this.teamDomain : teamId);
  }

  /** Workspace subdomain (`<domain>.slack.com`), from the team's name when it was installed with one. */
  domainOf(teamId: string): string {
    if (teamId === this.vendorTeamId) return this.teamDomain;
    const name = this.teamNames.get(teamId);
    return name === undefined ? teamId.toLowerCase() : name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  }

  /** Codes are single-use: the install is handed out once, then the code is forgotten. */
  redeemCode(code: string): Install | undefined {
    const install = this.codes.get(code);
    this.codes.delete(code);
    return install;
  }

  issue(install: Install, kind: TokenKind, expiresInSeconds = this.rotationSeconds): Grant {
    const issued: IssuedToken = {
      token: `${ISSUED_PREFIX[kind]}${install.teamId}-${secret()}`,
      teamId: install.teamId,
      kind,
      userId: install.userId,
      scopes: kind === 'bot' ? install.scopes : install.userScopes,
      expiresAt: expiresInSeconds === null ? null : Date.now() + expiresInSeconds * 1000,
      revoked: false,
    };
    this.tokens.set(issued.token, issued);
    if (expiresInSeconds === null) return { issued, rotation: undefined };
    const refresh = `xoxe-1-fake-${secret()}`;
    this.refreshTokens.set(refresh, { from: issued, expiresInSeconds });
    return { issued, rotation: { refresh_token: refresh, expires_in: expiresInSeconds } };
  }

  /**
   * Exchanges a refresh token for a new access token (and a new refresh token): the used refresh token
   * stops working, the old access token keeps working until its own expiry.
   */
  refresh(refreshToken: string): Grant | undefined {
    const grant = this.refreshTokens.get(refreshToken);
    if (grant === undefined) return undefined;
    this.refreshTokens.delete(refreshToken);
    const { from } = grant;
    const install = {
      teamId: from.teamId,
      userId: from.userId,
      scopes: from.scopes,
      userScopes: from.scopes,
    };
    return this.issue(install, from.kind, this.rotationSeconds ?? grant.expiresInSeconds);
  }
}
