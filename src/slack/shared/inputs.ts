import type { KnownBlock } from '@slack/types';
import { plain } from './blocks.js';
import { INPUT } from './ids.js';

/** An input block whose single element answers to action_id INPUT. */
export function input(
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: { action_id: INPUT, ...element },
    ...extra,
  } as KnownBlock;
}

/** `{ [key]: value }` when there is a value to pre-fill, `{}` otherwise (Slack rejects empty initials). */
export const withInitial = <T>(key: string, value: T | null | undefined) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0)
    ? {}
    : { [key]: value };

/** A plain text input, single or multi-line, bounded by Slack's 3000-character limit unless told otherwise. */
export function textInput(
  blockId: string,
  label: string,
  opts: { initial?: string; multiline?: boolean; max?: number; optional?: boolean; hint?: string },
): KnownBlock {
  return input(
    blockId,
    label,
    {
      type: 'plain_text_input',
      multiline: opts.multiline ?? false,
      max_length: opts.max ?? 3000,
      ...withInitial('initial_value', opts.initial || null),
    },
    { optional: opts.optional ?? false, ...(opts.hint ? { hint: plain(opts.hint) } : {}) },
  );
}
