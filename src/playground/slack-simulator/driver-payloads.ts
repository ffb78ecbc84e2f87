/** Builders for the interaction payloads Slack sends (block_actions, view_submission, shortcuts). */
import { isObject } from './block-kit-elements.js';
import { messagePayload } from './message-payload.js';
import type { FakeSlack } from './server.js';
import type { StoredMessage, StoredView } from './types.js';
import { buildStateValues, type OptionInput, resolveOption, type StateValuesInput } from './view-state.js';

export interface DriverUser {
  id: string;
  teamId: string;
  /** Defaults to the registered user's name, else the id lower-cased. */
  name?: string;
}

/** One clicked/changed element. Missing fields are filled from the element found in the message/view. */
export interface ActionInput {
  action_id: string;
  block_id?: string;
  value?: string;
  type?: string;
  /** Option value (or `{ value, text }`), resolved against the element's options. */
  selected_option?: string | OptionInput;
  /** Any other field Slack sends for the element type (selected_user, selected_date, ...). */
  [key: string]: unknown;
}

export const TOKEN = 'fake-verification-token';

export function userPayload(fake: FakeSlack, user: DriverUser): Record<string, string> {
  const name = user.name ?? fake.users.get(user.id)?.name ?? user.id.toLowerCase();
  return { id: user.id, username: name, name, team_id: user.teamId };
}

export function teamPayload(fake: FakeSlack, teamId: string): Record<string, string> {
  return { id: teamId, domain: fake.domainOf(teamId) };
}

export function channelPayload(fake: FakeSlack, channelId: string): Record<string, string> {
  const c = fake.channels.get(channelId);
  return {
    id: channelId,
    name: c === undefined ? channelId.toLowerCase() : c.isIm ? 'directmessage' : c.name,
  };
}

export const nowTs = (): string => (Date.now() / 1000).toFixed(6);

/**
 * Fills an action from the element with that action_id in the surface's blocks. Throws when a message/view
 * is given but lacks the element (a user cannot click it); without a surface, the input is used as given.
 */
export function resolveAction(surface: object | undefined, input: ActionInput): Record<string, unknown> {
  const blocks = (surface as { blocks?: unknown } | undefined)?.blocks;
  const { selected_option, block_id: _blockId, type: _type, action_id: _actionId, ...rest } = input;
  let found: { blockId: string; el: Record<string, unknown> } | undefined;
  for (const b of Array.isArray(blocks) ? blocks : []) {
    if (!isObject(b) || (input.block_id !== undefined && b.block_id !== input.block_id)) continue;
    const els = [b.element, b.accessory, ...(Array.isArray(b.elements) ? b.elements : [])];
    const el = els.find((e) => isObject(e) && e.action_id === input.action_id);
    if (isObject(el)) found = { blockId: String(b.block_id), el };
  }
  if (found === undefined && surface !== undefined) {
    throw new Error(
      `SlackDriver: no element with action_id '${input.action_id}' in the message/view (unclickable)`,
    );
  }
  const el = found?.el ?? {};
  const type = input.type ?? (typeof el.type === 'string' ? el.type : 'button');
  return {
    type,
    action_id: input.action_id,
    block_id: input.block_id ?? found?.blockId ?? 'fake_block',
    ...(type === 'button' && el.text !== undefined ? { text: el.text } : {}),
    ...(type === 'button' && el.value !== undefined ? { value: el.value } : {}),
    ...(el.style !== undefined ? { style: el.style } : {}),
    ...rest,
    ...(selected_option === undefined
      ? {}
      : {
          selected_option: found
            ? resolveOption(found.el, selected_option)
            : typeof selected_option === 'string'
              ? { value: selected_option }
              : selected_option,
        }),
    action_ts: nowTs(),
  };
}

export interface BlockActionInput {
  user: DriverUser;
  channelId?: string;
  message?: StoredMessage | Record<string, unknown>;
  isEphemeral?: boolean;
  view?: StoredView;
  /** Current input values of the view (or message) — same form as viewSubmission's values. */
  values?: StateValuesInput;
  actions: ActionInput[];
}

/** `team` is the app's installing team (in shared channels too); the clicker's own team is `user.team_id`. */
export function blockActionPayload(fake: FakeSlack, input: BlockActionInput, installTeamId: string) {
  const { user, isEphemeral = false } = input;
  const stored = input.message as Partial<StoredMessage> | undefined;
  const message =
    typeof stored?.channel === 'string' && typeof stored.ts === 'string'
      ? (fake.message(stored.channel, stored.ts) ?? input.message)
      : input.message;
  const view = input.view === undefined ? undefined : (fake.view(input.view.id) ?? input.view);
  const channelId = input.channelId ?? (typeof message?.channel === 'string' ? message.channel : undefined);
  const surface = view ?? message;
  const actions = input.actions.map((a) => resolveAction(surface, a));
  const triggerId = fake.issueTriggerId(view === undefined ? {} : { viewId: view.id });
  const messageTs = typeof message?.ts === 'string' ? message.ts : undefined;
  const responseUrl =
    message === undefined && (channelId === undefined || view !== undefined)
      ? undefined
      : fake.responseUrl({
          userId: user.id,
          ...(channelId === undefined ? {} : { channelId }),
          ...(messageTs === undefined || isEphemeral ? {} : { messageTs }),
        });
  const state = { values: buildStateValues(surface ?? {}, input.values) };
  const payload = {
    type: 'block_actions',
    user: userPayload(fake, user),
    api_app_id: fake.appId,
    token: TOKEN,
    container: view
      ? { type: 'view', view_id: view.id }
      : { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: isEphemeral },
    trigger_id: triggerId,
    team: teamPayload(fake, installTeamId),
    enterprise: null,
    is_enterprise_install: false,
    ...(channelId === undefined ? {} : { channel: channelPayload(fake, channelId) }),
    ...(message === undefined ? {} : { message: messagePayload(message), state }),
    ...(view === undefined ? {} : { view: { ...view, state } }),
    ...(responseUrl === undefined ? {} : { response_url: responseUrl }),
    actions,
  };
  return { payload, triggerId, responseUrl };
}
