import type { KnownBlock } from '@slack/types';
import { INPUT } from '../ids.js';
import { plain } from './blocks.js';

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
