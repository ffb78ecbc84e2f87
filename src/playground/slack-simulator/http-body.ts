/** Reading and decoding request bodies the way Slack's Web API accepts them. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallArgs } from './types.js';

/** Form fields that @slack/web-api JSON-encodes (objects/arrays); decoded back to objects. */
const JSON_FIELDS = new Set([
  'attachments',
  'blocks',
  'emails',
  'files',
  'metadata',
  'user_ids',
  'view',
  'unfurls',
]);

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function decodeField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value;
  const trimmed = value.trim();
  if (!trimmed.startsWith('[') && !trimmed.startsWith('{')) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

/** Decodes form-encoded (JSON-string objects included), JSON or multipart bodies into args. */
export async function parseArgs(raw: Buffer, contentType: string | undefined): Promise<CallArgs> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (raw.length === 0) return {};
  if (type === 'application/json') {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as CallArgs) : { body: parsed };
  }
  if (type === 'multipart/form-data') {
    const form = await new Response(new Uint8Array(raw), {
      headers: { 'content-type': contentType ?? '' },
    }).formData();
    const args: CallArgs = {};
    for (const [key, value] of form.entries()) {
      args[key] =
        typeof value === 'string' ? decodeField(key, value) : Buffer.from(await value.arrayBuffer());
    }
    return args;
  }
  const args: CallArgs = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) args[key] = decodeField(key, value);
  if (typeof args.payload === 'string' && Object.keys(args).length === 1) {
    try {
      return JSON.parse(args.payload) as CallArgs;
    } catch {
      return args;
    }
  }
  return args;
}

export function bearerToken(req: IncomingMessage, args: CallArgs): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice('Bearer '.length);
  return typeof args.token === 'string' ? args.token : undefined;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Loose boolean as form fields carry it ('true', '1', true). */
export const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '1' || v === 1;

/** A list argument given as an array or a comma-separated string. */
export const listArg = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(String)
    : typeof v === 'string'
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '')
      : [];
