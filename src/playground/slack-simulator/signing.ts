/** Slack request signing (v0): `v0=` + hex(HMAC-SHA256(signingSecret, `v0:${ts}:${rawBody}`)). */
import { createHmac } from 'node:crypto';

export function signSlackRequest(signingSecret: string, timestampSeconds: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSeconds}:${rawBody}`).digest('hex')}`;
}
