/** Shared types of the fake Slack Web API (test support only). */

// biome-ignore lint/suspicious/noExplicitAny: recorded args are whatever the app sent; tests read them freely.
export type CallArgs = Record<string, any>;

/** One request the fake received (Web API method, 'response_url' or 'file_upload'). */
export interface RecordedCall {
  method: string;
  /** Decoded arguments: JSON-string fields (blocks, view, attachments, ...) are objects again. */
  args: CallArgs;
  /** Bearer token (or `token` form field); undefined when none was sent. */
  token: string | undefined;
  /** Date.now() when the fake answered. */
  at: number;
  /** HTTP status the fake answered with. */
  status: number;
  /** JSON body the fake answered with. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely.
  response: any;
}

export interface FakeUserInput {
  id: string;
  teamId: string;
  /** IANA zone; `null` = user has no tz (as for some external users). Default 'America/Los_Angeles'. */
  tz?: string | null;
  isStranger?: boolean;
  /** A workspace admin (users.info `is_admin`). */
  isAdmin?: boolean;
  isBot?: boolean;
  name?: string;
  realName?: string;
  displayName?: string;
  email?: string;
  /** Returned with include_locale; omitted for strangers. Default 'en-US'. */
  locale?: string;
  deleted?: boolean;
}

export interface FakeChannelInput {
  id: string;
  name?: string;
  isExtShared?: boolean;
  isPrivate?: boolean;
  /** Human members (user ids). The bot is added automatically unless `botIsMember: false`. */
  members?: string[];
  /** Default true. */
  botIsMember?: boolean;
  /** Team ids connected to this channel (Slack Connect). */
  connectedTeamIds?: string[];
}

export interface FakeChannel {
  id: string;
  name: string;
  isExtShared: boolean;
  isPrivate: boolean;
  isIm: boolean;
  members: Set<string>;
  connectedTeamIds: string[];
  created: number;
}

/** A message as stored by the fake, in the shape Slack returns messages. */
export interface StoredMessage {
  type: 'message';
  channel: string;
  ts: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON.
  blocks?: any[];
  // biome-ignore lint/suspicious/noExplicitAny: legacy attachments JSON.
  attachments?: any[];
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  app_id?: string;
  team?: string;
  // biome-ignore lint/suspicious/noExplicitAny: message metadata JSON.
  metadata?: any;
  edited?: { user: string; ts: string };
  /** Files shared with the message (files.completeUploadExternal with channel_id). */
  files?: Array<{ id: string; name: string; title: string }>;
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  message_ts: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON.
  blocks?: any[];
  thread_ts?: string;
  /** 'chat.postEphemeral' or 'response_url'. */
  via: string;
}

// biome-ignore lint/suspicious/noExplicitAny: Block Kit view JSON as Slack returns it.
export type StoredView = Record<string, any> & { id: string; hash: string; type: string };

export interface UploadedFile {
  id: string;
  filename: string;
  length: number;
  content?: Buffer;
  title?: string;
  channelId?: string;
  threadTs?: string;
  initialComment?: string;
  completed: boolean;
}

export type InjectedFailure =
  | { kind: 'error'; error: string }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'http'; status: number };

export interface ServedFailure {
  method: string;
  failure: InjectedFailure;
  at: number;
}

/** What a method handler returns; `status` defaults to 200. */
export interface MethodResult {
  status?: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON response body.
  body: Record<string, any>;
  headers?: Record<string, string>;
}
