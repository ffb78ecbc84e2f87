/** The playground's page and its API, served on Rapport's own HTTP server (only in the playground). */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import { z } from 'zod';
import { TRAVELS } from './playground-clock.js';
import type { PlaygroundSession } from './session.js';
import { PlaygroundError } from './session.js';

const UI = new URL('./ui/', import.meta.url);
const FILES: Record<string, string> = {
  'app.js': 'text/javascript',
  'block-kit.js': 'text/javascript',
  'mrkdwn.js': 'text/javascript',
  'tour.js': 'text/javascript',
  'app.css': 'text/css',
};

const values = z.record(
  z.string(),
  z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()])),
);
const who = { as: z.string() };
const action = z
  .object({ action_id: z.string().max(255), block_id: z.string().max(255).optional() })
  .catchall(z.unknown())
  .transform(({ block_id, ...rest }) => (block_id === undefined ? rest : { ...rest, block_id }));

/** What the page can ask for, each as a person (`as`), checked by the session as Slack would. */
const request = z.discriminatedUnion('op', [
  z.object({ op: z.literal('command'), ...who, channel: z.string(), text: z.string().max(4000) }),
  z.object({
    op: z.literal('message'),
    ...who,
    channel: z.string(),
    text: z.string().min(1).max(4000),
    threadTs: z.string().optional(),
  }),
  z.object({
    op: z.literal('react'),
    ...who,
    channel: z.string(),
    ts: z.string(),
    name: z.string().regex(/^[a-z0-9_+-]{1,64}$/),
  }),
  z.object({
    op: z.literal('click'),
    ...who,
    channel: z.string().optional(),
    ts: z.string().optional(),
    ephemeral: z.boolean().optional(),
    viewId: z.string().optional(),
    action,
    values: values.optional(),
  }),
  z.object({ op: z.literal('submit'), ...who, viewId: z.string(), values }),
  z.object({ op: z.literal('close'), ...who, viewId: z.string() }),
  z.object({ op: z.literal('home'), ...who }),
  z.object({ op: z.literal('travel'), to: z.enum(TRAVELS) }),
]);
type PlaygroundRequest = z.infer<typeof request>;

export interface PlaygroundHost {
  session(): PlaygroundSession;
  /** The current session's state for one person. */
  stateFor(userId: string): unknown;
  /** Answers first, then starts again from the seeded state. */
  reset(): void;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 256_000) throw new PlaygroundError('request too large');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new PlaygroundError('the body is not JSON');
  }
}

/** Carries out one request; resolves to a modal's inline errors when Rapport answered some. */
async function perform(
  session: PlaygroundSession,
  r: PlaygroundRequest,
): Promise<Record<string, string> | null> {
  switch (r.op) {
    case 'submit':
      return session.submit(r.as, r.viewId, r.values);
    case 'command':
      await session.command(r.as, r.channel, r.text);
      return null;
    case 'message':
      await session.message(r.as, r.channel, r.text, r.threadTs);
      return null;
    case 'react':
      await session.react(r.as, r.channel, r.ts, r.name);
      return null;
    case 'click': {
      const target = r.viewId
        ? { viewId: r.viewId }
        : { channelId: r.channel ?? '', messageTs: r.ts ?? '', ...(r.ephemeral ? { ephemeral: true } : {}) };
      await session.click(r.as, target, r.action, r.values);
      return null;
    }
    case 'close':
      await session.close(r.as, r.viewId);
      return null;
    case 'home':
      await session.openHome(r.as);
      return null;
    case 'travel':
      await session.travel(r.to);
      return null;
  }
}

async function handleAction(host: PlaygroundHost, req: IncomingMessage, res: ServerResponse) {
  try {
    const parsed = request.safeParse(await readJson(req));
    if (!parsed.success)
      return json(res, 400, { error: `not understood: ${parsed.error.issues[0]?.message}` });
    const errors = await perform(host.session(), parsed.data);
    json(res, 200, errors ? { ok: true, errors } : { ok: true });
  } catch (error) {
    if (error instanceof PlaygroundError) return json(res, 400, { error: error.message });
    json(res, 500, { error: `the playground failed: ${(error as Error).message}` });
  }
}

async function serveFile(res: ServerResponse, name: string, type: string) {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' });
  res.end(await readFile(new URL(name, UI)));
}

export function playgroundRoutes(host: PlaygroundHost): CustomRoute[] {
  return [
    { path: '/', method: ['GET'], handler: (_req, res) => void serveFile(res, 'index.html', 'text/html') },
    {
      path: '/playground/ui/:file',
      method: ['GET'],
      handler: (req, res) => {
        const file = String(req.params?.file ?? '');
        const type = FILES[file];
        if (type === undefined) return json(res, 404, { error: 'no such file' });
        void serveFile(res, file, type);
      },
    },
    {
      path: '/playground/api/state',
      method: ['GET'],
      handler: (req, res) => {
        const as = new URL(req.url ?? '/', 'http://localhost').searchParams.get('as') ?? '';
        try {
          json(res, 200, host.stateFor(as));
        } catch (error) {
          json(res, 400, { error: (error as Error).message });
        }
      },
    },
    {
      path: '/playground/api/action',
      method: ['POST'],
      handler: (req, res) => void handleAction(host, req, res),
    },
    {
      path: '/playground/api/reset',
      method: ['POST'],
      handler: (_req, res) => {
        res.once('finish', () => host.reset());
        res.writeHead(202, { 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ resetting: true }));
      },
    },
  ];
}
