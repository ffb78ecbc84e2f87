import type { KnownBlock } from '@slack/types';

/** Tiny Block Kit helpers so builders read as content, not JSON. */
export const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
export const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

export const section = (text: string): KnownBlock => ({ type: 'section', text: mrkdwn(text) });
export const header = (text: string): KnownBlock => ({ type: 'header', text: plain(text) });
export const context = (text: string): KnownBlock => ({ type: 'context', elements: [mrkdwn(text)] });
export const divider = (): KnownBlock => ({ type: 'divider' });

export interface MessageContent {
  text: string;
  blocks: KnownBlock[];
}
