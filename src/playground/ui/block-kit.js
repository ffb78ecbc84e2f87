// Block Kit to DOM, as Slack lays it out, for messages, modals and the Home tab. Interactive elements
// call ctx.act(action, values) with the fields Slack puts in a block_actions payload; in a modal,
// inputs are read back by readValues() when the form is submitted.
import { emoji, mrkdwn, plain, textObject } from './mrkdwn.js';

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'html') node.innerHTML = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
};

export { el };

const optionsOf = (element) => [
  ...(element.options ?? []),
  ...(element.option_groups ?? []).flatMap((g) => g.options ?? []),
];
const optionText = (o) => (o.text?.text ?? o.value).replace(/:([a-z0-9_+-]+):/g, (_, n) => emoji(n));

let uid = 0;
const nextId = () => `bk-${++uid}`;

/** A select of people or channels, for users_select / conversations_select and their multi forms. */
function pickerOptions(element, ctx) {
  const type = element.type;
  if (type.includes('users'))
    return Object.entries(ctx.names.users).map(([value, text]) => ({ value, text }));
  if (type.includes('conversations') || type.includes('channels')) {
    return Object.entries(ctx.names.channels)
      .filter(([id]) => !id.startsWith('D'))
      .map(([value, text]) => ({ value, text: `#${text}` }));
  }
  return optionsOf(element).map((o) => ({ value: o.value, text: optionText(o) }));
}

const initialOf = (e) =>
  e.initial_value ??
  e.initial_user ??
  e.initial_conversation ??
  e.initial_channel ??
  e.initial_date ??
  e.initial_time ??
  e.initial_option?.value ??
  null;
const initialsOf = (e) =>
  e.initial_users ??
  e.initial_conversations ??
  e.initial_channels ??
  (e.initial_options ?? []).map((o) => o.value);

/** One element: a button, a menu, a picker or a text input. `label` names it for assistive tech. */
function element(e, block, ctx, label) {
  const act = (fields) => ctx.act({ action_id: e.action_id, block_id: block.block_id, ...fields });
  const id = nextId();
  const data = { 'data-block': block.block_id, 'data-action': e.action_id, 'data-type': e.type, id };
  switch (e.type) {
    case 'button':
      return el(
        'button',
        { class: `bk-button ${e.style ?? ''}`, onclick: () => act({}), ...(e.url ? { title: e.url } : {}) },
        el('span', { html: plain(e.text?.text) }),
      );
    case 'overflow':
      return el(
        'select',
        {
          class: 'bk-overflow',
          'aria-label': 'More actions',
          onchange: (ev) => act({ selected_option: ev.target.value }),
        },
        el('option', { value: '' }, '⋯'),
        ...optionsOf(e).map((o) => el('option', { value: o.value }, optionText(o))),
      );
    case 'static_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const initial = initialOf(e);
      const inInput = block.type === 'input';
      const select = el(
        'select',
        {
          ...data,
          'aria-label': label ?? e.placeholder?.text ?? 'Choose',
          onchange: inInput
            ? undefined
            : (ev) => {
                const v = ev.target.value;
                if (e.type === 'static_select') act({ selected_option: v });
                else if (e.type === 'users_select') act({ selected_user: v });
                else
                  act({ [e.type === 'channels_select' ? 'selected_channel' : 'selected_conversation']: v });
              },
        },
        el('option', { value: '' }, e.placeholder?.text ?? 'Choose…'),
        ...pickerOptions(e, ctx).map((o) =>
          el('option', { value: o.value, selected: o.value === initial }, o.text),
        ),
      );
      return select;
    }
    case 'multi_users_select':
    case 'multi_static_select':
    case 'multi_conversations_select':
    case 'multi_channels_select': {
      const initial = new Set(initialsOf(e));
      return el(
        'select',
        { ...data, multiple: true, size: 4, 'aria-label': label ?? 'Choose' },
        ...pickerOptions(e, ctx).map((o) =>
          el('option', { value: o.value, selected: initial.has(o.value) }, o.text),
        ),
      );
    }
    case 'checkboxes':
    case 'radio_buttons': {
      const initial = new Set(e.type === 'checkboxes' ? initialsOf(e) : [initialOf(e)]);
      return el(
        'fieldset',
        { ...data, class: 'bk-choices', 'aria-label': label ?? 'Choose' },
        ...optionsOf(e).map((o) =>
          el(
            'label',
            {},
            el('input', {
              type: e.type === 'checkboxes' ? 'checkbox' : 'radio',
              name: id,
              value: o.value,
              checked: initial.has(o.value),
            }),
            el('span', { html: textObject(o.text, ctx.names) }),
          ),
        ),
      );
    }
    case 'datepicker':
    case 'timepicker': {
      const input = el('input', {
        ...data,
        type: e.type === 'datepicker' ? 'date' : 'time',
        value: initialOf(e) ?? '',
        'aria-label': label ?? e.placeholder?.text ?? 'Date',
        onchange:
          block.type === 'input'
            ? undefined
            : (ev) => act({ [e.type === 'datepicker' ? 'selected_date' : 'selected_time']: ev.target.value }),
      });
      return input;
    }
    case 'plain_text_input':
    case 'number_input':
    case 'email_text_input':
    case 'url_text_input': {
      const attrs = {
        ...data,
        value: e.initial_value ?? undefined,
        placeholder: e.placeholder?.text,
        maxlength: e.max_length,
        'aria-label': label,
      };
      if (e.multiline) {
        const area = el('textarea', { ...attrs, rows: 3 });
        area.value = e.initial_value ?? '';
        return area;
      }
      const type =
        { number_input: 'number', email_text_input: 'email', url_text_input: 'url' }[e.type] ?? 'text';
      return el('input', { ...attrs, type });
    }
    case 'image':
      return el('img', { class: 'bk-thumb', src: e.image_url, alt: e.alt_text ?? '' });
    default:
      return el('span', { class: 'bk-unknown' }, `[${e.type}]`);
  }
}

function richText(block, ctx) {
  const inlineOf = (items) =>
    (items ?? [])
      .map((i) => {
        if (i.type === 'user')
          return `<span class="mention">@${ctx.names.users[i.user_id] ?? i.user_id}</span>`;
        if (i.type === 'channel')
          return `<span class="mention">#${ctx.names.channels[i.channel_id] ?? i.channel_id}</span>`;
        if (i.type === 'emoji') return emoji(i.name);
        if (i.type === 'link') return `<a href="${plain(i.url)}">${plain(i.text ?? i.url)}</a>`;
        let t = plain(i.text);
        if (i.style?.code) t = `<code>${t}</code>`;
        if (i.style?.bold) t = `<strong>${t}</strong>`;
        if (i.style?.italic) t = `<em>${t}</em>`;
        if (i.style?.strike) t = `<del>${t}</del>`;
        return t.replaceAll('\n', '<br>');
      })
      .join('');
  const part = (p) => {
    if (p.type === 'rich_text_list') {
      const tag = p.style === 'ordered' ? 'ol' : 'ul';
      return `<${tag}>${(p.elements ?? []).map((li) => `<li>${inlineOf(li.elements)}</li>`).join('')}</${tag}>`;
    }
    if (p.type === 'rich_text_quote') return `<blockquote>${inlineOf(p.elements)}</blockquote>`;
    if (p.type === 'rich_text_preformatted') return `<pre>${inlineOf(p.elements)}</pre>`;
    return `<div>${inlineOf(p.elements)}</div>`;
  };
  return el('div', { class: 'bk-rich', html: (block.elements ?? []).map(part).join('') });
}

function block(b, ctx) {
  switch (b.type) {
    case 'header':
      return el('h3', { class: 'bk-header', html: plain(b.text?.text) });
    case 'divider':
      return el('hr', { class: 'bk-divider' });
    case 'context':
      return el(
        'div',
        { class: 'bk-context' },
        ...(b.elements ?? []).map((e) =>
          e.type === 'image'
            ? el('img', { src: e.image_url, alt: e.alt_text ?? '' })
            : el('span', { html: textObject(e, ctx.names) }),
        ),
      );
    case 'section':
      return el(
        'div',
        { class: 'bk-section' },
        el(
          'div',
          { class: 'bk-section-body' },
          b.text ? el('div', { class: 'bk-text', html: textObject(b.text, ctx.names) }) : null,
          b.fields
            ? el(
                'div',
                { class: 'bk-fields' },
                ...b.fields.map((f) => el('div', { html: textObject(f, ctx.names) })),
              )
            : null,
        ),
        b.accessory ? el('div', { class: 'bk-accessory' }, element(b.accessory, b, ctx)) : null,
      );
    case 'actions':
      return el('div', { class: 'bk-actions' }, ...(b.elements ?? []).map((e) => element(e, b, ctx)));
    case 'image':
      return el(
        'figure',
        { class: 'bk-image' },
        b.title ? el('figcaption', { html: plain(b.title.text) }) : null,
        el('img', { src: b.image_url, alt: b.alt_text ?? '' }),
      );
    case 'rich_text':
      return richText(b, ctx);
    case 'input': {
      const label = b.label?.text ?? '';
      const control = element(b.element, b, ctx, label);
      return el(
        'div',
        { class: 'bk-input', 'data-block': b.block_id },
        el(
          'label',
          { for: control.id },
          label,
          b.optional ? el('span', { class: 'optional' }, ' (optional)') : null,
        ),
        control,
        b.hint ? el('div', { class: 'bk-hint', html: plain(b.hint.text) }) : null,
        el('div', { class: 'bk-error', role: 'alert', hidden: true }),
      );
    }
    default:
      return el('div', { class: 'bk-unknown' }, `[${b.type} block]`);
  }
}

/** Renders `blocks`; ctx: { names, act(action) }. */
export function renderBlocks(blocks, ctx) {
  return el('div', { class: 'bk' }, ...(blocks ?? []).map((b) => block(b, ctx)));
}

/** The values of every stateful element under `root`, in the simulator's form: values[block][action]. */
export function readValues(root) {
  const values = {};
  for (const node of root.querySelectorAll('[data-action][data-block]')) {
    const { block, action, type } = node.dataset;
    let value;
    if (node.tagName === 'FIELDSET') {
      const checked = [...node.querySelectorAll('input:checked')].map((i) => i.value);
      value = type === 'checkboxes' ? checked : (checked[0] ?? null);
    } else if (node.multiple) value = [...node.selectedOptions].map((o) => o.value);
    else if (type === 'button') continue;
    else value = node.value === '' ? null : node.value;
    values[block] = { ...values[block], [action]: value };
  }
  return values;
}

/** Shows `errors` (block_id -> message) under their inputs, clearing the others. */
export function showErrors(root, errors) {
  for (const input of root.querySelectorAll('.bk-input')) {
    const box = input.querySelector('.bk-error');
    const message = errors?.[input.dataset.block];
    box.hidden = !message;
    box.textContent = message ?? '';
  }
}

export { mrkdwn };
