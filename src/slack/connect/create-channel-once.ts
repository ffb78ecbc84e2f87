import type { WebClient } from '@slack/web-api';
import type { Clock, MarkerRepository } from '../../domain/ports.js';
import { CONNECT_SCOPES, explainRefusal, type Refusal, slackErrorOf } from './slack-refusals.js';

/** Longer than anyone keeps a form open and resubmits it; purged afterwards like event markers. */
const KEEP_MS = 24 * 60 * 60_000;

export interface CreatedChannel {
  id: string;
  name: string;
  isPrivate: boolean;
}

export type Creation =
  | { kind: 'created'; channel: CreatedChannel }
  /** An earlier submission of this same form created the channel; that submission finishes the work. */
  | { kind: 'already_submitted' }
  | { kind: 'refused'; refusal: Refusal };

export interface CreateOnceDeps {
  markers: MarkerRepository;
  clock: Clock;
}

/**
 * conversations.create, once per form. Slack keeps a modal open when it gets no answer within 3 s and
 * the person may press the button again (Socket Mode may also redeliver): that resubmission carries the
 * same view id and, unless they changed it, the same name, which Slack now calls `name_taken`. Two
 * markers in the store (atomic on every replica) tell the cases apart:
 *
 * - `connect:<view>:<name>`: this form has tried this name before;
 * - `connect:<view>:<name>:refused`: one of those tries was refused.
 *
 * `name_taken` on a repeat try with no refusal recorded means the earlier try created the channel: the
 * caller closes the form and leaves the rest to that try, instead of telling the person to pick another
 * name (which would make a second channel). Every other outcome is Slack's answer, as is: a name that
 * is really taken, or a try after an admin fixed a refusal, both behave as on a first try.
 */
export async function createChannelOnce(
  deps: CreateOnceDeps,
  client: WebClient,
  request: { viewId: string; name: string; isPrivate: boolean },
): Promise<Creation> {
  const { viewId, name, isPrivate } = request;
  const key = `connect:${viewId}:${name}`;
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + KEEP_MS);
  const firstTry = await deps.markers.claim(key, now, expiresAt);
  try {
    const created = await client.conversations.create({ name, is_private: isPrivate });
    const id = created.channel?.id;
    if (!id) return { kind: 'refused', refusal: explainRefusal('channel_not_found', CONNECT_SCOPES.create) };
    return { kind: 'created', channel: { id, name: created.channel?.name ?? name, isPrivate } };
  } catch (error) {
    const { code, needed } = slackErrorOf(error);
    const firstRefusal = await deps.markers.claim(`${key}:refused`, now, expiresAt);
    if (!firstTry && code === 'name_taken' && firstRefusal) return { kind: 'already_submitted' };
    return { kind: 'refused', refusal: explainRefusal(code, CONNECT_SCOPES.create, needed) };
  }
}
