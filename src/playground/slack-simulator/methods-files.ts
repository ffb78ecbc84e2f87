/** files.getUploadURLExternal / completeUploadExternal handlers and the fake's upload URL. */
import { fail, type Handler, ok, resolveChannel } from './method-kit.js';
import type { CallRecorder } from './recorder.js';
import type { CallArgs, MethodResult } from './types.js';

const getUploadUrl: Handler = (args, { fake }) => {
  if (typeof args.filename !== 'string' || args.filename === '') return fail('invalid_arguments');
  const length = Number(args.length);
  if (!Number.isFinite(length) || length < 0) return fail('invalid_arguments');
  const id = fake.nextId('F');
  fake.files.set(id, { id, filename: args.filename, length, completed: false });
  return ok({ upload_url: `${fake.baseUrl}/upload/${id}`, file_id: id });
};

const complete: Handler = (args, { fake }) => {
  const entries: unknown[] = Array.isArray(args.files) ? args.files : [];
  if (entries.length === 0) return fail('invalid_arguments');
  const channelId =
    typeof args.channel_id === 'string' && args.channel_id !== '' ? args.channel_id : undefined;
  if (channelId !== undefined) {
    const channel = resolveChannel(fake, channelId, true);
    if ('body' in channel) return channel;
  }
  const done = [];
  for (const entry of entries) {
    const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
    const file = typeof id === 'string' ? fake.files.get(id) : undefined;
    if (file === undefined) return fail('file_not_found');
    if (file.content === undefined) return fail('file_upload_not_complete');
    const title = (entry as { title?: unknown }).title;
    file.title = typeof title === 'string' ? title : file.filename;
    file.completed = true;
    if (channelId !== undefined) file.channelId = channelId;
    if (typeof args.thread_ts === 'string') file.threadTs = args.thread_ts;
    if (typeof args.initial_comment === 'string') file.initialComment = args.initial_comment;
    done.push({ id: file.id, name: file.filename, title: file.title });
  }
  if (channelId !== undefined) {
    fake.addMessage(fake.channels.has(channelId) ? channelId : fake.dmChannelOf(channelId), {
      text: typeof args.initial_comment === 'string' ? args.initial_comment : '',
      files: done,
      user: fake.botUserId,
      bot_id: fake.botId,
      ...(typeof args.thread_ts === 'string' ? { thread_ts: args.thread_ts } : {}),
    });
  }
  return ok({ files: done });
};

export const fileHandlers: Record<string, Handler> = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': complete,
};

/** POST to the upload URL (multipart `body`/`file` field, or a raw body): stores the content. */
export function handleUpload(fake: CallRecorder, fileId: string, args: CallArgs, raw: Buffer): MethodResult {
  const file = fake.files.get(fileId);
  if (file === undefined) return { status: 404, body: { ok: false, error: 'file_not_found' } };
  const field = args.body ?? args.file ?? args.content;
  const content = Buffer.isBuffer(field) ? field : typeof field === 'string' ? Buffer.from(field) : raw;
  file.content = content;
  return { body: { ok: true, text: `OK - ${content.length}` } };
}
