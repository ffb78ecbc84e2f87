import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ASK_SHORTCUTS } from '../../src/slack/asks/ids.js';
import { COMMAND } from '../../src/slack/commands/ids.js';
import { BOT_SCOPES } from '../../src/slack/oauth/bot-scopes.js';

/** The manifest rules of slack-platform.md, as a schema. Unknown keys are refused so typos show up. */
const manifestSchema = z.strictObject({
  display_information: z.strictObject({
    name: z.string().min(1).max(35),
    description: z.string().max(140).optional(),
    background_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/)
      .optional(),
  }),
  features: z.strictObject({
    app_home: z.record(z.string(), z.boolean()).optional(),
    bot_user: z.strictObject({ display_name: z.string().min(1).max(80), always_online: z.boolean() }),
    slash_commands: z
      .array(
        z.strictObject({
          command: z.string().regex(/^\/[a-z0-9_-]{1,31}$/),
          description: z.string().min(1).max(2000),
          usage_hint: z.string().max(1000).optional(),
          should_escape: z.boolean(),
          url: z.url().optional(),
        }),
      )
      .max(50)
      .optional(),
    shortcuts: z
      .array(
        z.strictObject({
          name: z.string(),
          type: z.enum(['message', 'global']),
          callback_id: z.string(),
          description: z.string(),
        }),
      )
      .max(10)
      .optional(),
  }),
  oauth_config: z.strictObject({
    scopes: z.strictObject({ bot: z.array(z.string().regex(/^[a-z_.]+(:[a-z_.]+)*$/)).min(1) }),
  }),
  settings: z.strictObject({
    event_subscriptions: z
      .strictObject({ bot_events: z.array(z.string()), request_url: z.url().optional() })
      .optional(),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: z.url().optional() }),
    org_deploy_enabled: z.boolean(),
    socket_mode_enabled: z.boolean(),
    token_rotation_enabled: z.boolean(),
  }),
});

/** Scopes each Web API method needs; a method missing here fails the test so the table stays complete. */
const SCOPES_BY_METHOD: Record<string, string[]> = {
  'auth.test': [],
  'chat.getPermalink': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.join': ['channels:join'],
  'conversations.members': ['channels:read', 'groups:read'],
  'conversations.create': ['channels:manage', 'groups:write'],
  'conversations.invite': ['channels:manage', 'groups:write'],
  'conversations.inviteShared': ['conversations.connect:write'],
  'conversations.open': ['im:write'],
  filesUploadV2: ['files:write'],
  // Rapport reads channels (effects, digests) and DMs (reminders, an owner's internal digest).
  'conversations.history': ['channels:history', 'groups:history', 'im:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'pins.add': ['pins:write'],
  'users.info': ['users:read'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
};

/** Scopes each subscribed event needs. */
const SCOPES_BY_EVENT: Record<string, string[]> = {
  reaction_added: ['reactions:read'],
  reaction_removed: ['reactions:read'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  app_home_opened: [],
  member_joined_channel: ['channels:read', 'groups:read'],
  member_left_channel: ['channels:read', 'groups:read'],
  user_change: ['users:read'],
  app_uninstalled: [],
  tokens_revoked: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const manifest = manifestSchema.parse(parse(readFileSync('manifest.yml', 'utf8')));

describe('manifest.yml', () => {
  it('declares the slash command and shortcuts the app listens to, in Socket Mode with interactivity', () => {
    expect(manifest.features.slash_commands?.map((c) => c.command)).toEqual([COMMAND]);
    expect(manifest.features.shortcuts?.map((s) => [s.type, s.callback_id])).toEqual(
      Object.values(ASK_SHORTCUTS).map((id) => ['message', id]),
    );
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  const matches = (pattern: RegExp) =>
    new Set(
      sourceFiles('src').flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(pattern)].map((m) => m.slice(1).join('.')),
      ),
    );

  it('subscribes to exactly the events src/ listens to', () => {
    const listened = matches(/listeners\.event\('([a-z_]+)'/g);
    // Slack subscribes to message events per kind of conversation; Bolt sees them all as 'message'.
    const subscribed = (manifest.settings.event_subscriptions?.bot_events ?? []).map((e) => e.split('.')[0]);
    expect([...new Set(subscribed)].sort()).toEqual([...listened].sort());
  });

  it('asks for exactly the scopes the Web API calls and events in src/ need', () => {
    // Namespaced methods (client.chat.postMessage) and the web-api's own helpers (client.filesUploadV2).
    const called = new Set([
      ...matches(/client\.([a-z]+)\.([a-zA-Z]+)\(/g),
      ...matches(/client\.(filesUploadV2)\(/g),
    ]);
    const events = manifest.settings.event_subscriptions?.bot_events ?? [];
    const unknown = [...called].filter((method) => !(method in SCOPES_BY_METHOD));
    expect(unknown, 'add these methods to SCOPES_BY_METHOD').toEqual([]);
    const needed = new Set([
      'commands',
      ...[...called].flatMap((method) => SCOPES_BY_METHOD[method] ?? []),
      ...events.flatMap((event) => SCOPES_BY_EVENT[event] ?? ['unknown event: add it to SCOPES_BY_EVENT']),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('asks an OAuth install for the same scopes as the manifest', () => {
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });
});
