import type { KnownBlock } from '@slack/types';
import { section } from './blocks.js';

/** Slack refuses a whole message whose section text is over this. */
export const SECTION_TEXT_MAX = 3000;

/** Where to cut `text` at or before `max`: after a line break, else before a space, else at `max`, never inside an &entity;. */
function cutPoint(text: string, max: number): number {
  const newline = text.lastIndexOf('\n', max - 1);
  if (newline > max / 2) return newline + 1;
  const space = text.lastIndexOf(' ', max);
  if (space > max / 2) return space;
  const entity = text.lastIndexOf('&', max - 1);
  const cut = entity !== -1 && text.indexOf(';', entity) >= max ? entity : max;
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}

/**
 * Already-escaped mrkdwn as consecutive sections, each within Slack's limit, cut between lines where it
 * can: a long text (escaping lengthens it) is shown whole instead of being refused or truncated.
 */
export function splitSections(text: string, max = SECTION_TEXT_MAX): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    blocks.push(section(rest.slice(0, cut).trimEnd()));
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '' || blocks.length === 0) blocks.push(section(rest));
  return blocks;
}
