/** Views, modal stacks, trigger ids, response URLs, uploads and Connect invites of the fake Slack. */
import { randomBytes } from 'node:crypto';
import { SlackState } from './state.js';
import type { StoredView, UploadedFile } from './types.js';

export interface ResponseUrlContext {
  channelId?: string;
  userId?: string;
  messageTs?: string;
}

export interface ResponseUrlState {
  uses: number;
  createdAt: number;
  context: ResponseUrlContext;
}

export interface SharedInvite {
  inviteId: string;
  channel: string;
  emails: string[];
  userIds: string[];
  externalLimited: boolean;
}

interface Trigger {
  expiresAt: number;
  used: boolean;
  viewId: string | undefined;
}

export const TRIGGER_TTL_MS = 3000;
export const RESPONSE_URL_MAX_USES = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;
export const VIEW_STACK_MAX = 3;

export class InteractionState extends SlackState {
  /** Base URL of the fake (`http://127.0.0.1:PORT`), set once listening. */
  baseUrl = '';
  readonly views = new Map<string, StoredView>();
  /** Open modal stacks (view ids, root first). */
  readonly viewStacks: string[][] = [];
  readonly homeViewIds = new Map<string, string>();
  readonly responseUrls = new Map<string, ResponseUrlState>();
  readonly files = new Map<string, UploadedFile>();
  readonly sharedInvites: SharedInvite[] = [];
  private readonly triggers = new Map<string, Trigger>();
  private hashSeq = 0;

  nextHash(): string {
    this.hashSeq += 1;
    return `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}${this.hashSeq}`;
  }

  view(id: string): StoredView | undefined {
    return this.views.get(id);
  }

  viewByExternalId(externalId: string): StoredView | undefined {
    return [...this.views.values()].find((v) => v.external_id === externalId && externalId !== '');
  }

  /** The Home tab view last published for `userId`. */
  homeView(userId: string): StoredView | undefined {
    const id = this.homeViewIds.get(userId);
    return id === undefined ? undefined : this.views.get(id);
  }

  /** The modal stack (view ids, root first) containing `viewId`. */
  stackOf(viewId: string): string[] | undefined {
    return this.viewStacks.find((s) => s.includes(viewId));
  }

  /** Views of every open modal stack, root first: what users currently see. */
  openModals(): StoredView[][] {
    return this.viewStacks.map((s) => s.map((id) => this.views.get(id)).filter((v) => v !== undefined));
  }

  /** Closes `viewId` (and the views pushed above it); `all` closes its whole stack. */
  closeView(viewId: string, all = false): void {
    const stack = this.stackOf(viewId);
    if (stack === undefined) return;
    stack.splice(all ? 0 : stack.indexOf(viewId));
    if (stack.length === 0) this.viewStacks.splice(this.viewStacks.indexOf(stack), 1);
  }

  /**
   * A fresh trigger id, valid for `ttlMs` (default 3 s, real time) and ONE views.open/views.push.
   * Pass `viewId` when the interaction happened inside a modal, so views.push stacks onto it.
   */
  issueTriggerId(opts: { viewId?: string; ttlMs?: number } = {}): string {
    const id = `${Date.now()}.${this.nextId('')}.${randomBytes(8).toString('hex')}`;
    this.triggers.set(id, {
      expiresAt: Date.now() + (opts.ttlMs ?? TRIGGER_TTL_MS),
      used: false,
      viewId: opts.viewId,
    });
    return id;
  }

  /** Consumes a trigger: the error code Slack would give, or the view the trigger came from (if any). */
  consumeTrigger(triggerId: unknown): { error: string } | { viewId: string | undefined } {
    const trigger = typeof triggerId === 'string' ? this.triggers.get(triggerId) : undefined;
    if (trigger === undefined) return { error: 'invalid_trigger_id' };
    if (trigger.used) return { error: 'exchanged_trigger_id' };
    if (Date.now() > trigger.expiresAt) return { error: 'expired_trigger_id' };
    trigger.used = true;
    return { viewId: trigger.viewId };
  }

  /**
   * A fresh response_url served by the fake (5 uses, 30 minutes). The context lets the fake apply
   * replace_original / delete_original to the stored message and route ephemeral replies to the user.
   */
  responseUrl(context: ResponseUrlContext = {}): string {
    const id = this.nextId('R');
    this.responseUrls.set(id, { uses: 0, createdAt: Date.now(), context });
    return `${this.baseUrl}/response/${id}`;
  }

  /** Marks a pending conversations.inviteShared invite as accepted by `teamId`: the channel becomes shared. */
  acceptSharedInvite(inviteId: string, teamId: string, joiningUserIds: string[] = []): void {
    const invite = this.sharedInvites.find((i) => i.inviteId === inviteId);
    const channel = invite === undefined ? undefined : this.channels.get(invite.channel);
    if (channel === undefined) throw new Error(`acceptSharedInvite: unknown invite ${inviteId}`);
    channel.isExtShared = true;
    if (!channel.connectedTeamIds.includes(teamId)) channel.connectedTeamIds.push(teamId);
    for (const u of joiningUserIds) channel.members.add(u);
  }

  protected override resetState(): void {
    super.resetState();
    this.views.clear();
    this.viewStacks.length = 0;
    this.homeViewIds.clear();
    this.triggers.clear();
    this.responseUrls.clear();
    this.files.clear();
    this.sharedInvites.length = 0;
  }
}
