import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Tracker webhooks carry issue and comment events: far below this. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** The raw body, or 'too_large' once it passes `limit` (the rest is not read). */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return 'too_large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** `<prefix><hex HMAC-SHA256 of the raw body>` (GitHub's prefix by default), compared in constant time. */
export function hasValidSignature(
  header: string | undefined,
  body: Buffer,
  secret: string,
  prefix = 'sha256=',
): boolean {
  if (header === undefined || !header.startsWith(prefix)) return false;
  const expected = Buffer.from(`${prefix}${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A JSON object, or null for anything else (not JSON, an array, a bare value). */
export function parseJsonObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A fresh secret for a tracker's webhook: 32 random bytes in hex, as GitHub's docs suggest making one. */
export const newTrackerWebhookSecret = (): string => randomBytes(32).toString('hex');
