/** views.open / push / update / publish handlers. */

import { isObject } from './block-kit-elements.js';
import { validateView } from './block-kit-limits.js';
import { VIEW_STACK_MAX } from './interaction-state.js';
import { fail, type Handler, ok } from './method-kit.js';
import type { CallRecorder } from './recorder.js';
import type { MethodResult, StoredView } from './types.js';

/** Slack fills in missing block_id / action_id with generated ones; so does the fake. */
function withIds(fake: CallRecorder, blocks: unknown): unknown[] {
  if (!Array.isArray(blocks)) return [];
  const fill = (el: unknown): unknown =>
    isObject(el) && typeof el.type === 'string' && el.type !== 'image' && el.action_id === undefined
      ? { ...el, action_id: fake.nextId('a') }
      : el;
  return blocks.map((b) => {
    if (!isObject(b)) return b;
    const block: Record<string, unknown> = { ...b, block_id: b.block_id ?? fake.nextId('b') };
    if (block.type === 'input') block.element = fill(block.element);
    if (block.type === 'actions' && Array.isArray(block.elements)) block.elements = block.elements.map(fill);
    if (block.type === 'section' && block.accessory !== undefined) block.accessory = fill(block.accessory);
    return block;
  });
}

/** Stores `view` under `id` in the shape Slack returns it. */
export function storeView(
  fake: CallRecorder,
  id: string,
  view: Record<string, unknown>,
  rootId = id,
): StoredView {
  const previous = fake.views.get(id);
  const stored: StoredView = {
    id,
    team_id: fake.vendorTeamId,
    type: String(view.type),
    blocks: withIds(fake, view.blocks),
    private_metadata: view.private_metadata ?? '',
    callback_id: view.callback_id ?? '',
    state: { values: {} },
    hash: fake.nextHash(),
    title: view.title ?? null,
    close: view.close ?? null,
    submit: view.submit ?? null,
    clear_on_close: view.clear_on_close === true,
    notify_on_close: view.notify_on_close === true,
    previous_view_id: previous?.previous_view_id ?? null,
    root_view_id: previous?.root_view_id ?? rootId,
    app_id: fake.appId,
    external_id: view.external_id ?? '',
    app_installed_team_id: fake.vendorTeamId,
    bot_id: fake.botId,
  };
  fake.views.set(id, stored);
  return stored;
}

/** Validates a view argument; Block Kit problems become violations (`invalid_blocks`). */
export function checkView(
  fake: CallRecorder,
  reject: (problems: string[]) => MethodResult,
  view: unknown,
  type: string,
  ownId?: string,
): { error: MethodResult } | { view: Record<string, unknown> } {
  if (!isObject(view)) return { error: fail('invalid_arguments') };
  const problems = validateView(view);
  if (problems.length > 0) return { error: reject(problems) };
  if (view.type !== type) return { error: fail('invalid_arguments') };
  const externalId = view.external_id;
  if (typeof externalId === 'string' && externalId !== '') {
    const owner = fake.viewByExternalId(externalId);
    if (owner !== undefined && owner.id !== ownId) return { error: fail('duplicate_external_id') };
  }
  return { view };
}

const open: Handler = (args, { fake, reject }) => {
  const checked = checkView(fake, reject, args.view, 'modal');
  if ('error' in checked) return checked.error;
  const trigger = fake.consumeTrigger(args.trigger_id);
  if ('error' in trigger) return fail(trigger.error);
  const stored = storeView(fake, fake.nextId('V'), checked.view);
  fake.viewStacks.push([stored.id]);
  return ok({ view: stored });
};

const push: Handler = (args, { fake, reject }) => {
  const checked = checkView(fake, reject, args.view, 'modal');
  if ('error' in checked) return checked.error;
  const trigger = fake.consumeTrigger(args.trigger_id);
  if ('error' in trigger) return fail(trigger.error);
  const stack = trigger.viewId === undefined ? undefined : fake.stackOf(trigger.viewId);
  if (stack !== undefined && stack.length >= VIEW_STACK_MAX) return fail('push_limit_reached');
  const id = fake.nextId('V');
  const stored = storeView(fake, id, checked.view, stack?.[0] ?? id);
  stored.previous_view_id = stack?.at(-1) ?? null;
  if (stack === undefined) fake.viewStacks.push([id]);
  else stack.push(id);
  return ok({ view: stored });
};

const update: Handler = (args, { fake, reject }) => {
  const existing =
    typeof args.view_id === 'string' && args.view_id !== ''
      ? fake.view(args.view_id)
      : typeof args.external_id === 'string'
        ? fake.viewByExternalId(args.external_id)
        : undefined;
  if (existing === undefined) return fail('not_found');
  const checked = checkView(fake, reject, args.view, existing.type, existing.id);
  if ('error' in checked) return checked.error;
  if (typeof args.hash === 'string' && args.hash !== '' && args.hash !== existing.hash)
    return fail('hash_conflict');
  return ok({ view: storeView(fake, existing.id, checked.view) });
};

const publish: Handler = (args, { fake, reject }) => {
  if (typeof args.user_id !== 'string' || args.user_id === '') return fail('invalid_arguments');
  const existingId = fake.homeViewIds.get(args.user_id);
  const checked = checkView(fake, reject, args.view, 'home', existingId);
  if ('error' in checked) return checked.error;
  const existing = existingId === undefined ? undefined : fake.view(existingId);
  if (typeof args.hash === 'string' && args.hash !== '' && args.hash !== existing?.hash)
    return fail('hash_conflict');
  const id = existingId ?? fake.nextId('V');
  fake.homeViewIds.set(args.user_id, id);
  return ok({ view: storeView(fake, id, checked.view) });
};

export const viewHandlers: Record<string, Handler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};
