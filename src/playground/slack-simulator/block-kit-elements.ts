/**
 * Element, option and text-object checks for the Block Kit validator (pure, no I/O).
 * Each problem is `<json-pointer>: <what is wrong>`.
 */
import { ELEMENT_TYPES } from './block-kit-catalog.js';

export type Problems = string[];

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkLength(
  problems: Problems,
  path: string,
  value: unknown,
  max: number,
  what: string,
): void {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    problems.push(`${path}: ${what} must be a string`);
  } else if (value.length > max) {
    problems.push(`${path}: ${what} is ${value.length} chars (max ${max})`);
  }
}

/** A text object `{ type: 'plain_text' | 'mrkdwn', text }` with 1..max characters. */
export function checkText(
  problems: Problems,
  path: string,
  value: unknown,
  max: number,
  what: string,
  plainOnly = false,
): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.push(`${path}: ${what} must be a text object`);
    return;
  }
  const allowed = plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (!allowed.includes(String(value.type))) {
    problems.push(`${path}/type: ${what} must be ${allowed.join(' or ')} (got ${String(value.type)})`);
  }
  if (typeof value.text !== 'string' || value.text.length === 0) {
    problems.push(`${path}/text: ${what} must be a non-empty string`);
    return;
  }
  checkLength(problems, `${path}/text`, value.text, max, what);
}

function checkOption(problems: Problems, path: string, option: unknown): void {
  if (!isObject(option)) {
    problems.push(`${path}: option must be an object`);
    return;
  }
  checkText(problems, `${path}/text`, option.text, 75, 'option text');
  if (typeof option.value !== 'string') problems.push(`${path}/value: option value is required`);
  checkLength(problems, `${path}/value`, option.value, 75, 'option value');
  checkText(problems, `${path}/description`, option.description, 75, 'option description');
  checkLength(problems, `${path}/url`, option.url, 3000, 'option url');
}

function checkOptions(problems: Problems, path: string, options: unknown, max: number): unknown[] {
  if (options === undefined) return [];
  if (!Array.isArray(options)) {
    problems.push(`${path}: options must be an array`);
    return [];
  }
  if (options.length > max) problems.push(`${path}: ${options.length} options (max ${max})`);
  options.forEach((o, i) => {
    checkOption(problems, `${path}/${i}`, o);
  });
  return options;
}

const sameOption = (a: unknown, b: unknown): boolean =>
  isObject(a) && isObject(b) && a.value === b.value && JSON.stringify(a.text) === JSON.stringify(b.text);

function checkInitialOptions(problems: Problems, path: string, el: Record<string, unknown>, all: unknown[]) {
  const initial = [
    ...(el.initial_option === undefined ? [] : [['initial_option', el.initial_option] as const]),
    ...(Array.isArray(el.initial_options)
      ? el.initial_options.map((o, i) => [`initial_options/${i}`, o] as const)
      : []),
  ];
  for (const [key, option] of initial) {
    checkOption(problems, `${path}/${key}`, option);
    if (!all.some((o) => sameOption(o, option))) {
      problems.push(`${path}/${key}: initial option must exactly match one of the element's options`);
    }
  }
}

function checkConfirm(problems: Problems, path: string, confirm: unknown): void {
  if (confirm === undefined) return;
  if (!isObject(confirm)) {
    problems.push(`${path}: confirm must be an object`);
    return;
  }
  checkText(problems, `${path}/title`, confirm.title, 100, 'confirm title', true);
  checkText(problems, `${path}/text`, confirm.text, 300, 'confirm text');
  checkText(problems, `${path}/confirm`, confirm.confirm, 30, 'confirm button', true);
  checkText(problems, `${path}/deny`, confirm.deny, 30, 'deny button', true);
}

/** Checks one interactive element (or image) found in a block. */
export function checkElement(problems: Problems, path: string, el: unknown): void {
  if (!isObject(el)) {
    problems.push(`${path}: element must be an object`);
    return;
  }
  const type = String(el.type);
  if (!ELEMENT_TYPES.has(type)) problems.push(`${path}/type: unknown element type '${type}'`);
  checkLength(problems, `${path}/action_id`, el.action_id, 255, 'action_id');
  checkText(problems, `${path}/placeholder`, el.placeholder, 150, 'placeholder', true);
  checkConfirm(problems, `${path}/confirm`, el.confirm);
  if (type === 'button') {
    checkText(problems, `${path}/text`, el.text, 75, 'button text', true);
    if (el.text === undefined) problems.push(`${path}/text: button text is required`);
    checkLength(problems, `${path}/value`, el.value, 2000, 'button value');
    checkLength(problems, `${path}/url`, el.url, 3000, 'button url');
  } else if (type === 'static_select' || type === 'multi_static_select') {
    const all = [...checkOptions(problems, `${path}/options`, el.options, 100)];
    if (Array.isArray(el.option_groups)) {
      if (el.option_groups.length > 100) problems.push(`${path}/option_groups: more than 100 groups`);
      el.option_groups.forEach((g, i) => {
        const groupPath = `${path}/option_groups/${i}`;
        checkText(problems, `${groupPath}/label`, isObject(g) ? g.label : undefined, 75, 'group label', true);
        all.push(...checkOptions(problems, `${groupPath}/options`, isObject(g) ? g.options : undefined, 100));
      });
    } else if (el.options === undefined) {
      problems.push(`${path}: ${type} needs options or option_groups`);
    }
    checkInitialOptions(problems, path, el, all);
  } else if (type === 'overflow' || type === 'radio_buttons' || type === 'checkboxes') {
    const max = type === 'overflow' ? 5 : 10;
    const all = checkOptions(problems, `${path}/options`, el.options, max);
    if (all.length === 0) problems.push(`${path}/options: ${type} needs at least one option`);
    checkInitialOptions(problems, path, el, all);
  } else if (type === 'external_select' || type === 'multi_external_select') {
    checkInitialOptions(problems, path, el, [
      el.initial_option,
      ...((el.initial_options as unknown[]) ?? []),
    ]);
  } else if (type === 'plain_text_input') {
    for (const key of ['max_length', 'min_length'] as const) {
      const v = el[key];
      if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= 3000)) {
        problems.push(`${path}/${key}: ${key} must be a number between 0 and 3000 (got ${String(v)})`);
      }
    }
  } else if (type === 'image') {
    checkLength(problems, `${path}/alt_text`, el.alt_text, 2000, 'image alt_text');
  }
}
