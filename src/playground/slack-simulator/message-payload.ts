import type { StoredMessage } from './types.js';

/** The message as Slack embeds it in payloads and history answers (no `channel` field). */
export function messagePayload(message: StoredMessage | Record<string, unknown>): Record<string, unknown> {
  const { channel: _channel, ...rest } = message;
  return { type: 'message', ...rest };
}
