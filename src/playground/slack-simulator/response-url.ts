/** The fake's response_url endpoint: 5 uses in 30 minutes, Block Kit checked, effects applied. */
import { validateMessage } from './block-kit-limits.js';
import { truthy } from './http-body.js';
import { RESPONSE_URL_MAX_USES, RESPONSE_URL_TTL_MS } from './interaction-state.js';
import type { CallRecorder } from './recorder.js';
import type { CallArgs, MethodResult } from './types.js';

export function handleResponseUrl(fake: CallRecorder, id: string, body: CallArgs): MethodResult {
  const url = fake.responseUrls.get(id);
  if (url === undefined) return { status: 404, body: { ok: false, error: 'invalid_url' } };
  if (Date.now() - url.createdAt > RESPONSE_URL_TTL_MS)
    return { status: 404, body: { ok: false, error: 'expired_url' } };
  if (url.uses >= RESPONSE_URL_MAX_USES) return { status: 404, body: { ok: false, error: 'used_url' } };
  url.uses += 1;
  const { channelId, userId, messageTs } = url.context;
  if (truthy(body.delete_original)) {
    if (channelId !== undefined && messageTs !== undefined) fake.removeMessage(channelId, messageTs);
    return { body: { ok: true } };
  }
  const problems = validateMessage(body);
  if (problems.length > 0) {
    fake.addViolations('response_url', problems);
    return {
      status: 400,
      body: { ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } },
    };
  }
  const text = typeof body.text === 'string' ? body.text : '';
  const content = { text, ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}) };
  const original = channelId && messageTs ? fake.message(channelId, messageTs) : undefined;
  if (truthy(body.replace_original) && original !== undefined) {
    original.text = content.text;
    if (content.blocks === undefined) delete original.blocks;
    else original.blocks = content.blocks;
    original.edited = { user: fake.botUserId, ts: fake.nextTs() };
  } else if (body.response_type === 'in_channel' && channelId !== undefined) {
    fake.addMessage(channelId, {
      ...content,
      user: fake.botUserId,
      bot_id: fake.botId,
      app_id: fake.appId,
      ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
    });
  } else if (userId !== undefined) {
    fake.ephemerals.push({
      channel: channelId ?? '',
      user: userId,
      message_ts: fake.nextTs(),
      ...content,
      ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
      via: 'response_url',
    });
  }
  return { body: { ok: true } };
}
