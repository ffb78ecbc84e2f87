import type { AskContent } from './ask.js';

/**
 * The longest text an ask keeps in each field, in characters. Forms say so too (max_length), but a forged
 * submission skips the form, so the rules below refuse more whatever sent it. 3000 is also the most a
 * Slack text input or section can hold.
 */
export const ASK_TEXT_MAX = { title: 150, details: 3000, businessImpact: 3000, workaround: 3000 } as const;
/** Details added later, and the notes of an update (shown or internal). */
export const NOTE_MAX = 3000;

export type AskTextField = keyof typeof ASK_TEXT_MAX;

export const tooLong = (max: number) => `Keep it to ${max} characters (shorten it and send again).`;

/** Each field of `content` over its maximum, with what to do. */
export function oversizeAskFields(content: AskContent): Partial<Record<AskTextField, string>> {
  const fields: Partial<Record<AskTextField, string>> = {};
  for (const field of Object.keys(ASK_TEXT_MAX) as AskTextField[]) {
    if ((content[field]?.length ?? 0) > ASK_TEXT_MAX[field]) fields[field] = tooLong(ASK_TEXT_MAX[field]);
  }
  return fields;
}

/** Said at the end of text cut to fit, so nobody takes it for all there was. */
export const CUT_MARKER = '… [cut: see the original message for the rest]';

/** Text taken from elsewhere (a message raised as an ask), cut to `max` with a visible marker when longer. */
export function cutToFit(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max - CUT_MARKER.length;
  // Never ends in half a surrogate pair (an emoji cut in two).
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(end - 1)) ? end - 1 : end;
  return `${text.slice(0, cut)}${CUT_MARKER}`;
}
