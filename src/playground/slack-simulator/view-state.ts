/**
 * Builds `view.state.values` the way Slack does for view_submission / block_actions payloads.
 *
 * Test-friendly input: `values[block_id][action_id]` =
 *   - string: text/number/email/url inputs, users_select (user id), conversations_select / channels_select (id),
 *     static_select / external_select / radio_buttons (option value), datepicker ('YYYY-MM-DD'), timepicker ('HH:mm')
 *   - number: number_input, datetimepicker (unix seconds)
 *   - string[]: multi_users_select, multi_conversations_select, multi_channels_select (ids),
 *     multi_static_select / multi_external_select / checkboxes (option values)
 *   - { value, text? } or an array of them: options (text is only needed for external selects)
 *   - null: clear the element (empty input)
 * Elements not given keep their initial_* value (or the empty state).
 */
import { isObject } from './block-kit-elements.js';

export type OptionInput = { value: string; text?: string };
export type FriendlyValue = string | number | string[] | OptionInput | OptionInput[] | null;
export type StateValuesInput = Record<string, Record<string, FriendlyValue>>;
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

type El = Record<string, unknown>;

const SINGLE: Record<string, [stateKey: string, initialKey: string]> = {
  users_select: ['selected_user', 'initial_user'],
  conversations_select: ['selected_conversation', 'initial_conversation'],
  channels_select: ['selected_channel', 'initial_channel'],
  datepicker: ['selected_date', 'initial_date'],
  timepicker: ['selected_time', 'initial_time'],
  datetimepicker: ['selected_date_time', 'initial_date_time'],
};
const MULTI: Record<string, [stateKey: string, initialKey: string]> = {
  multi_users_select: ['selected_users', 'initial_users'],
  multi_conversations_select: ['selected_conversations', 'initial_conversations'],
  multi_channels_select: ['selected_channels', 'initial_channels'],
};
const TEXT_INPUTS = new Set(['plain_text_input', 'number_input', 'email_text_input', 'url_text_input']);
const ONE_OPTION = new Set(['static_select', 'external_select', 'radio_buttons']);
const MANY_OPTIONS = new Set(['multi_static_select', 'multi_external_select', 'checkboxes']);

const normalizeOption = (o: El): El => {
  const text = isObject(o.text) && o.text.type === 'plain_text' ? { emoji: true, ...o.text } : o.text;
  return { ...o, text };
};

/** The element's option with that value (option groups included), as Slack echoes it back. */
export function resolveOption(el: El, input: string | OptionInput): El {
  const wanted = typeof input === 'string' ? { value: input } : input;
  const groups = Array.isArray(el.option_groups) ? el.option_groups : [];
  const all = [
    ...(Array.isArray(el.options) ? el.options : []),
    ...groups.flatMap((g: unknown) => (isObject(g) && Array.isArray(g.options) ? g.options : [])),
  ].filter(isObject);
  const found = all.find((o) => o.value === wanted.value);
  if (found !== undefined) return normalizeOption(found);
  if (String(el.type).includes('external')) {
    return {
      text: { type: 'plain_text', text: wanted.text ?? wanted.value, emoji: true },
      value: wanted.value,
    };
  }
  const known = all.map((o) => String(o.value)).join(', ');
  throw new Error(
    `option '${wanted.value}' is not among the options of '${String(el.action_id)}' (${known})`,
  );
}

const asList = (v: FriendlyValue): Array<string | OptionInput> =>
  Array.isArray(v) ? v : v === null ? [] : typeof v === 'number' ? [String(v)] : [v];

/** State of one element: its initial_* value, overridden by `given` when defined. */
export function elementState(el: El, given: FriendlyValue | undefined): Record<string, unknown> | undefined {
  const type = String(el.type);
  const has = given !== undefined;
  if (TEXT_INPUTS.has(type)) {
    const value = has ? (given === null ? null : String(given)) : (el.initial_value ?? null);
    return { type, value };
  }
  const single = SINGLE[type];
  if (single !== undefined) {
    const [key, initial] = single;
    const raw = has ? given : (el[initial] ?? null);
    const value = type === 'datetimepicker' && raw !== null ? Number(raw) : raw;
    return { type, [key]: value, ...(type === 'timepicker' && el.timezone ? { timezone: el.timezone } : {}) };
  }
  const multi = MULTI[type];
  if (multi !== undefined) {
    const [key, initial] = multi;
    return {
      type,
      [key]: has ? asList(given).map((v) => (typeof v === 'string' ? v : v.value)) : (el[initial] ?? []),
    };
  }
  if (ONE_OPTION.has(type)) {
    const [first] = has ? asList(given) : [];
    const selected =
      first !== undefined ? resolveOption(el, first) : has ? null : (el.initial_option ?? null);
    return { type, selected_option: isObject(selected) ? normalizeOption(selected) : null };
  }
  if (MANY_OPTIONS.has(type)) {
    const initial = Array.isArray(el.initial_options) ? el.initial_options.filter(isObject) : [];
    const selected = has ? asList(given).map((v) => resolveOption(el, v)) : initial.map(normalizeOption);
    return { type, selected_options: selected };
  }
  return undefined;
}

/** Stateful elements of a view/message: `[block_id, action_id, element]` for input, actions and section blocks. */
export function statefulElements(blocks: unknown): Array<[string, string, El]> {
  const out: Array<[string, string, El]> = [];
  (Array.isArray(blocks) ? blocks : []).forEach((b: unknown, i) => {
    if (!isObject(b)) return;
    const blockId = typeof b.block_id === 'string' ? b.block_id : `block_${i}`;
    const els = b.type === 'input' ? [b.element] : b.type === 'actions' ? b.elements : [b.accessory];
    (Array.isArray(els) ? els : []).forEach((el: unknown, j) => {
      if (isObject(el) && elementState(el, undefined) !== undefined) {
        out.push([blockId, typeof el.action_id === 'string' ? el.action_id : `action_${i}_${j}`, el]);
      }
    });
  });
  return out;
}

/** Builds `state.values` for a view/message, throwing on `values` that match no element (a typo in a test). */
export function buildStateValues(surface: object, values: StateValuesInput = {}): StateValues {
  const blocks = (surface as { blocks?: unknown }).blocks;
  const state: StateValues = {};
  const used = new Set<string>();
  for (const [blockId, actionId, el] of statefulElements(blocks)) {
    const given = values[blockId]?.[actionId];
    if (given !== undefined) used.add(`${blockId}.${actionId}`);
    const s = elementState(el, given);
    if (s !== undefined) state[blockId] = { ...state[blockId], [actionId]: s };
  }
  for (const [blockId, actions] of Object.entries(values)) {
    for (const actionId of Object.keys(actions)) {
      if (!used.has(`${blockId}.${actionId}`)) {
        const known = statefulElements(blocks).map(([b, a]) => `${b}.${a}`);
        throw new Error(`values.${blockId}.${actionId} matches no input element; known: ${known.join(', ')}`);
      }
    }
  }
  return state;
}
