import { describe, expect, it } from 'vitest';
import { validateMessage, validateView } from '../../../src/playground/slack-simulator/index.js';

type Obj = Record<string, unknown>;
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const option = (value: string, text = value) => ({ text: plain(text), value });
const button = (actionId: string, over: Obj = {}) => ({
  type: 'button',
  action_id: actionId,
  text: plain('OK'),
  value: 'v',
  ...over,
});
const section = (text: string, over: Obj = {}) => ({ type: 'section', text: mrkdwn(text), ...over });
const x = (n: number) => 'x'.repeat(n);

const validMessage = (): Obj => ({
  text: 'fallback',
  blocks: [
    { type: 'header', text: plain('Weekly sync') },
    section('Hello', {
      block_id: 's1',
      fields: [mrkdwn('*A*'), mrkdwn('*B*')],
      accessory: {
        type: 'static_select',
        action_id: 'pick',
        placeholder: plain('Pick one'),
        options: [option('a'), option('b')],
        initial_option: option('a'),
      },
    }),
    { type: 'actions', block_id: 'a1', elements: [button('ok'), button('no')] },
    { type: 'context', elements: [mrkdwn('context')] },
    { type: 'divider' },
  ],
});

const validModal = (): Obj => ({
  type: 'modal',
  callback_id: 'new_partnership',
  title: plain('New partnership'),
  submit: plain('Create'),
  close: plain('Cancel'),
  private_metadata: '{"channel":"C1"}',
  blocks: [
    {
      type: 'input',
      block_id: 'name',
      label: plain('Name'),
      element: { type: 'plain_text_input', action_id: 'v', max_length: 80 },
    },
    {
      type: 'input',
      block_id: 'owner',
      label: plain('Owner'),
      element: { type: 'users_select', action_id: 'v' },
    },
  ],
});

/** Applies `mutate` to a fresh valid message and validates it. */
const messageWith = (mutate: (m: Obj & { blocks: Obj[] }) => void): string[] => {
  const m = validMessage() as Obj & { blocks: Obj[] };
  mutate(m);
  return validateMessage(m);
};
const viewWith = (mutate: (v: Obj & { blocks: Obj[] }) => void): string[] => {
  const v = validModal() as Obj & { blocks: Obj[] };
  mutate(v);
  return validateView(v);
};
const actionsWith = (...elements: Obj[]) => ({ text: 't', blocks: [{ type: 'actions', elements }] });
const selectWith = (over: Obj) =>
  actionsWith({ type: 'static_select', action_id: 's', options: [option('a')], ...over });

describe('validateMessage', () => {
  it('accepts a valid message, with every value exactly at its limit', () => {
    expect(validateMessage(validMessage())).toEqual([]);
    const atLimits = {
      text: 'fallback',
      blocks: [
        { type: 'header', block_id: x(255), text: plain(x(150)) },
        section(x(3000), { fields: Array.from({ length: 10 }, () => mrkdwn(x(2000))) }),
        {
          type: 'actions',
          elements: [
            button(x(255), { text: plain(x(75)), value: x(2000) }),
            {
              type: 'static_select',
              action_id: 'many',
              placeholder: plain(x(150)),
              options: Array.from({ length: 100 }, (_, i) => option(`${i}`.padEnd(75, 'v'), x(75))),
            },
          ],
        },
        ...Array.from({ length: 47 }, () => ({ type: 'divider' })),
      ],
    };
    expect(atLimits.blocks).toHaveLength(50);
    expect(validateMessage(atLimits)).toEqual([]);
  });

  it.each<[string, () => string[], RegExp]>([
    [
      '51 blocks',
      () => messageWith((m) => m.blocks.push(...Array.from({ length: 46 }, () => ({ type: 'divider' })))),
      /^\/blocks: 51 blocks .*max 50/,
    ],
    [
      'section text 3001',
      () => messageWith((m) => m.blocks.splice(1, 1, section(x(3001)))),
      /^\/blocks\/1\/text\/text: section text is 3001 chars \(max 3000\)/,
    ],
    [
      '11 fields',
      () =>
        messageWith((m) =>
          m.blocks.splice(1, 1, section('s', { fields: Array.from({ length: 11 }, () => mrkdwn('f')) })),
        ),
      /^\/blocks\/1\/fields: 11 fields \(max 10\)/,
    ],
    [
      'field of 2001',
      () => messageWith((m) => m.blocks.splice(1, 1, section('s', { fields: [mrkdwn(x(2001))] }))),
      /^\/blocks\/1\/fields\/0\/text: section field is 2001 chars/,
    ],
    [
      'header 151',
      () => messageWith((m) => m.blocks.splice(0, 1, { type: 'header', text: plain(x(151)) })),
      /^\/blocks\/0\/text\/text: header text is 151 chars \(max 150\)/,
    ],
    [
      'mrkdwn header',
      () => messageWith((m) => m.blocks.splice(0, 1, { type: 'header', text: mrkdwn('h') })),
      /^\/blocks\/0\/text\/type: header text must be plain_text/,
    ],
    [
      'placeholder 151',
      () => validateMessage(selectWith({ placeholder: plain(x(151)) })),
      /placeholder\/text: placeholder is 151 chars \(max 150\)/,
    ],
    [
      'button text 76',
      () => validateMessage(actionsWith(button('b', { text: plain(x(76)) }))),
      /elements\/0\/text\/text: button text is 76 chars \(max 75\)/,
    ],
    [
      'button value 2001',
      () => validateMessage(actionsWith(button('b', { value: x(2001) }))),
      /elements\/0\/value: button value is 2001 chars \(max 2000\)/,
    ],
    [
      'option text 76',
      () => validateMessage(selectWith({ options: [option('a', x(76))] })),
      /options\/0\/text\/text: option text is 76 chars \(max 75\)/,
    ],
    [
      'option value 76',
      () => validateMessage(selectWith({ options: [option(x(76))] })),
      /options\/0\/value: option value is 76 chars \(max 75\)/,
    ],
    [
      '101 options',
      () => validateMessage(selectWith({ options: Array.from({ length: 101 }, (_, i) => option(`o${i}`)) })),
      /options: 101 options \(max 100\)/,
    ],
    [
      'initial_option not among options',
      () => validateMessage(selectWith({ initial_option: option('zzz') })),
      /initial_option: initial option must exactly match/,
    ],
    [
      'block_id 256',
      () =>
        messageWith((m) => {
          m.blocks[4] = { type: 'divider', block_id: x(256) };
        }),
      /^\/blocks\/4\/block_id: block_id is 256 chars \(max 255\)/,
    ],
    [
      'action_id 256',
      () => validateMessage(actionsWith(button(x(256)))),
      /elements\/0\/action_id: action_id is 256 chars \(max 255\)/,
    ],
    [
      'duplicate block_id',
      () =>
        messageWith((m) => {
          m.blocks[4] = { type: 'divider', block_id: 's1' };
        }),
      /^\/blocks\/4\/block_id: duplicate block_id 's1'/,
    ],
    [
      'duplicate action_id in a block',
      () => validateMessage(actionsWith(button('same'), button('same'))),
      /elements\/1\/action_id: duplicate action_id 'same'/,
    ],
    [
      'blocks without text fallback',
      () =>
        messageWith((m) => {
          delete m.text;
        }),
      /^\/text: a message with blocks must carry a top-level `text` fallback/,
    ],
    [
      'blank text fallback',
      () =>
        messageWith((m) => {
          m.text = '  ';
        }),
      /^\/text: .*fallback/,
    ],
    [
      'empty section text',
      () => messageWith((m) => m.blocks.splice(1, 1, section(''))),
      /section text must be a non-empty string/,
    ],
    [
      'unknown block type',
      () => messageWith((m) => m.blocks.push({ type: 'sektion' })),
      /unknown block type 'sektion'/,
    ],
  ])('reports %s', (_name, run, expected) => {
    const problems = run();
    expect(
      problems.some((p) => expected.test(p)),
      `problems: ${JSON.stringify(problems)}`,
    ).toBe(true);
  });

  it('allows the same action_id in different blocks', () => {
    const msg = {
      text: 't',
      blocks: [
        { type: 'actions', elements: [button('b')] },
        { type: 'actions', elements: [button('b')] },
      ],
    };
    expect(validateMessage(msg)).toEqual([]);
  });
});

describe('validateView', () => {
  it('accepts a valid modal and a 100-block home tab', () => {
    expect(validateView(validModal())).toEqual([]);
    const home = { type: 'home', blocks: Array.from({ length: 100 }, (_, i) => section(`row ${i}`)) };
    expect(validateView(home)).toEqual([]);
  });

  it('accepts title/submit/close of 24 chars and private_metadata of 3000', () => {
    const v = {
      ...validModal(),
      title: plain(x(24)),
      submit: plain(x(24)),
      close: plain(x(24)),
      private_metadata: x(3000),
    };
    expect(validateView(v)).toEqual([]);
  });

  it.each<[string, (v: Obj & { blocks: Obj[] }) => void, RegExp]>([
    [
      '101 blocks',
      (v) => v.blocks.push(...Array.from({ length: 99 }, () => ({ type: 'divider' }))),
      /^\/blocks: 101 blocks .*max 100/,
    ],
    [
      'title 25',
      (v) => {
        v.title = plain(x(25));
      },
      /^\/title\/text: modal title is 25 chars \(max 24\)/,
    ],
    [
      'submit 25',
      (v) => {
        v.submit = plain(x(25));
      },
      /^\/submit\/text: modal submit is 25 chars \(max 24\)/,
    ],
    [
      'close 25',
      (v) => {
        v.close = plain(x(25));
      },
      /^\/close\/text: modal close is 25 chars \(max 24\)/,
    ],
    [
      'missing title',
      (v) => {
        delete v.title;
      },
      /^\/title: modal title is required/,
    ],
    [
      'private_metadata 3001',
      (v) => {
        v.private_metadata = x(3001);
      },
      /^\/private_metadata: private_metadata is 3001 chars \(max 3000\)/,
    ],
    [
      'callback_id 256',
      (v) => {
        v.callback_id = x(256);
      },
      /^\/callback_id: callback_id is 256 chars \(max 255\)/,
    ],
    [
      'input without submit',
      (v) => {
        delete v.submit;
      },
      /^\/submit: a modal containing an input block must have `submit`/,
    ],
    [
      'max_length 3001',
      (v) => {
        v.blocks[0] = {
          type: 'input',
          label: plain('L'),
          element: { type: 'plain_text_input', action_id: 'v', max_length: 3001 },
        };
      },
      /element\/max_length: max_length must be a number between 0 and 3000/,
    ],
    [
      'duplicate block_id',
      (v) => {
        (v.blocks[1] as Obj).block_id = 'name';
      },
      /^\/blocks\/1\/block_id: duplicate block_id 'name'/,
    ],
    [
      'wrong view type',
      (v) => {
        v.type = 'dialog';
      },
      /^\/type: view type must be modal or home/,
    ],
  ])('reports %s', (_name, mutate, expected) => {
    const problems = viewWith(mutate);
    expect(
      problems.some((p) => expected.test(p)),
      `problems: ${JSON.stringify(problems)}`,
    ).toBe(true);
  });
});
