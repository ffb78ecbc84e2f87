import { describe, expect, it } from 'vitest';
import { buildStateValues } from '../../../src/playground/slack-simulator/index.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const option = (value: string, text: string) => ({ text: plain(text), value });
const input = (blockId: string, element: Record<string, unknown>) => ({
  type: 'input',
  block_id: blockId,
  label: plain(blockId),
  element: { action_id: 'v', ...element },
});

const view = {
  type: 'modal',
  title: plain('Partnership'),
  submit: plain('Save'),
  blocks: [
    input('name', { type: 'plain_text_input', initial_value: 'Acme' }),
    input('notes', { type: 'plain_text_input', multiline: true }),
    input('seats', { type: 'number_input', is_decimal_allowed: false }),
    input('owner', { type: 'users_select', initial_user: 'U1' }),
    input('watchers', { type: 'multi_users_select' }),
    input('channel', { type: 'conversations_select' }),
    input('tier', {
      type: 'static_select',
      options: [option('gold', 'Gold'), option('silver', 'Silver')],
      initial_option: option('silver', 'Silver'),
    }),
    input('topics', { type: 'checkboxes', options: [option('billing', 'Billing'), option('bugs', 'Bugs')] }),
    input('cadence', {
      type: 'radio_buttons',
      options: [option('weekly', 'Weekly'), option('monthly', 'Monthly')],
    }),
    input('start', { type: 'datepicker', initial_date: '2026-01-05' }),
    input('at', { type: 'timepicker' }),
    input('when', { type: 'datetimepicker' }),
    { type: 'section', block_id: 'info', text: { type: 'mrkdwn', text: 'not an input' } },
    { type: 'actions', block_id: 'acts', elements: [{ type: 'button', action_id: 'go', text: plain('Go') }] },
  ],
};

describe('buildStateValues', () => {
  it('starts from initial values and applies test values in the shapes Slack sends', () => {
    const values = buildStateValues(view, {
      notes: { v: 'Long\nnotes' },
      seats: { v: 12 },
      watchers: { v: ['U2', 'U3'] },
      channel: { v: 'C9' },
      tier: { v: 'gold' },
      topics: { v: ['bugs'] },
      when: { v: 1767600000 },
    });
    expect(values).toEqual({
      name: { v: { type: 'plain_text_input', value: 'Acme' } },
      notes: { v: { type: 'plain_text_input', value: 'Long\nnotes' } },
      seats: { v: { type: 'number_input', value: '12' } },
      owner: { v: { type: 'users_select', selected_user: 'U1' } },
      watchers: { v: { type: 'multi_users_select', selected_users: ['U2', 'U3'] } },
      channel: { v: { type: 'conversations_select', selected_conversation: 'C9' } },
      tier: {
        v: {
          type: 'static_select',
          selected_option: { text: { type: 'plain_text', text: 'Gold', emoji: true }, value: 'gold' },
        },
      },
      topics: {
        v: {
          type: 'checkboxes',
          selected_options: [{ text: { type: 'plain_text', text: 'Bugs', emoji: true }, value: 'bugs' }],
        },
      },
      cadence: { v: { type: 'radio_buttons', selected_option: null } },
      start: { v: { type: 'datepicker', selected_date: '2026-01-05' } },
      at: { v: { type: 'timepicker', selected_time: null } },
      when: { v: { type: 'datetimepicker', selected_date_time: 1767600000 } },
    });
  });

  it('keeps an untouched initial option and clears an input given null', () => {
    const values = buildStateValues(view, { name: { v: null } });
    expect(values.name?.v).toEqual({ type: 'plain_text_input', value: null });
    expect(values.tier?.v).toEqual({
      type: 'static_select',
      selected_option: { text: { type: 'plain_text', text: 'Silver', emoji: true }, value: 'silver' },
    });
    expect(values.watchers?.v).toEqual({ type: 'multi_users_select', selected_users: [] });
    expect(values.topics?.v).toEqual({ type: 'checkboxes', selected_options: [] });
  });

  it('rejects values for unknown blocks and options the element does not offer', () => {
    expect(() => buildStateValues(view, { nmae: { v: 'typo' } })).toThrow(
      /values\.nmae\.v matches no input element/,
    );
    expect(() => buildStateValues(view, { tier: { v: 'platinum' } })).toThrow(
      /option 'platinum' is not among/,
    );
  });
});
