/**
 * The bot scopes an OAuth install asks for: the same list as manifest.yml's oauth_config.scopes.bot
 * (test/unit/manifest.test.ts keeps them equal), where each one's reason is written.
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'users:read',
  'channels:read',
  'groups:read',
  'channels:join',
  'pins:write',
  'reactions:read',
  'channels:manage',
  'groups:write',
  'conversations.connect:write',
  'im:write',
  'files:write',
  'channels:history',
  'groups:history',
  'im:history',
] as const;
