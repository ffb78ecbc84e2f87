import { LogLevel, type Receiver, type ReceiverEvent } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  asyncContextFrames,
  createLogger,
  logFieldsFollowAwaits,
  withLogFields,
} from '../../../src/logger.js';
import { describeRequest, type RequestKind } from '../../../src/slack/bolt/describe-request.js';
import type { RapportContext } from '../../../src/slack/bolt/rapport-context.js';
import { MalformedRequestError } from '../../../src/slack/bolt/request-envelope.js';
import { TracedApp } from '../../../src/slack/bolt/traced-app.js';

/** Bolt's extended error handler arguments (the last overload of app.error). */
type ExtendedErrorArgs = Parameters<Parameters<TracedApp['error']>[0]>[0];

const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };
const commandBody = {
  command: '/rapport',
  text: 'ask',
  team_id: 'T1',
  user_id: 'U1',
  channel_id: 'C1',
  trigger_id: 'trigger-1',
  response_url: 'https://hooks.slack.test/commands/1',
};

/** The app with a receiver that never listens: tests hand it requests as Bolt's receivers do. */
function tracedApp() {
  const logs: string[] = [];
  const logger = createLogger('debug', (l) => logs.push(l));
  const observed: string[] = [];
  let n = 0;
  const app = new TracedApp(
    {
      token: 'xoxb-test',
      botId: 'B1',
      botUserId: 'UBOT',
      receiver,
      logger,
      logLevel: LogLevel.DEBUG, // Bolt sets its logger to INFO otherwise
      extendedErrorHandler: true,
    },
    {
      logger,
      newId: () => `req-${++n}`,
      observer: {
        acked: (kind: RequestKind, s: number) => observed.push(`acked ${kind} ${s >= 0}`),
        handled: (kind: RequestKind, s: number) => observed.push(`handled ${kind} ${s >= 0}`),
        unacknowledged: (kind: RequestKind) => observed.push(`unacknowledged ${kind}`),
      },
    },
  );
  const lines = () => logs.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { app, logger, observed, lines };
}

/** A request as a receiver passes it, with an ack that records its response. */
function request(body: Record<string, unknown>) {
  const acks: unknown[] = [];
  const event: ReceiverEvent = {
    body,
    ack: async (response?: unknown) => {
      acks.push(response ?? null);
    },
  };
  return { event, acks };
}

/**
 * The lines naming the first request, which must include, in this order among others (the Web API client
 * Bolt makes for the request logs in it too), its arrival, ack, 'did the work' and end, each naming the command.
 */
function storyOfTheCommand(lines: Record<string, unknown>[]) {
  const mine = lines.filter((l) => l.requestId === 'req-1');
  const msgs = mine.map((l) => l.msg);
  const at = [
    'slack request received',
    'slack request acknowledged',
    'did the work',
    'slack request finished',
  ].map((m) => msgs.indexOf(m));
  expect(at).not.toContain(-1);
  expect(at).toEqual([...at].sort((x, y) => x - y));
  expect(mine.every((l) => l.requestKind === 'command' && l.command === '/rapport')).toBe(true);
  return mine;
}

describe('describeRequest', () => {
  const id = () => 'req-1';
  it('names events by Slack’s event id, interactions by what they are about', () => {
    expect(
      describeRequest({ type: 'event_callback', event_id: 'Ev1', event: { type: 'reaction_added' } }, id),
    ).toEqual({
      kind: 'event',
      fields: { requestId: 'req-1', requestKind: 'event', eventId: 'Ev1', eventType: 'reaction_added' },
    });
    expect(describeRequest(commandBody, id).fields).toEqual({
      requestId: 'req-1',
      requestKind: 'command',
      command: '/rapport',
    });
    expect(
      describeRequest({ type: 'block_actions', actions: [{ action_id: 'ask.update' }] }, id).fields,
    ).toMatchObject({ requestKind: 'block_action', actionId: 'ask.update' });
    expect(
      describeRequest({ type: 'view_submission', view: { callback_id: 'setup' } }, id).fields,
    ).toMatchObject({ requestKind: 'view_submission', callbackId: 'setup' });
    expect(describeRequest({ type: 'message_action', callback_id: 'raise' }, id).kind).toBe('shortcut');
    expect(describeRequest({ type: 'something_new' }, id).kind).toBe('other');
  });
});

describe('TracedApp', () => {
  it('times the ack a listener sends and names its own lines and those of its logger on every runtime', async () => {
    const { app, observed, lines } = tracedApp();
    app.command('/rapport', async ({ ack, context }) => {
      await ack();
      (context as RapportContext).log.child({ module: 'listener' }).event('info', 'did the work');
    });
    const { event, acks } = request(commandBody);

    await app.processEvent(event);

    expect(acks).toEqual([null]);
    expect(observed).toEqual(['acked command true', 'handled command true']);
    expect(storyOfTheCommand(lines()).find((l) => l.msg === 'did the work')?.module).toBe('listener');
  });

  it.runIf(logFieldsFollowAwaits)(
    'names every line the request causes, wherever it is logged, where async context frames are on',
    async () => {
      const { app, logger, lines } = tracedApp();
      const elsewhere = logger.child({ module: 'service' }); // code that never sees the request
      app.command('/rapport', async ({ ack }) => {
        await ack();
        elsewhere.event('info', 'did the work');
      });

      await app.processEvent(request(commandBody).event);

      expect(storyOfTheCommand(lines()).find((l) => l.msg === 'did the work')?.module).toBe('service');
      // Outside the request, nothing is added.
      logger.event('info', 'between requests');
      expect(lines().at(-1)).not.toHaveProperty('requestId');
    },
  );

  it('times events, which Bolt acknowledges itself, and hands an error to the error handler with the request’s logger', async () => {
    const { app, observed, lines } = tracedApp();
    app.event('reaction_added', async () => {
      throw new Error('listener broke');
    });
    app.error(async ({ error, context }: ExtendedErrorArgs) => {
      (context as RapportContext).log.event('error', 'listener failed', { error: error.message });
    });
    const { event, acks } = request({
      type: 'event_callback',
      team_id: 'T1',
      event_id: 'Ev42',
      event: { type: 'reaction_added', user: 'U1', reaction: 'ticket', item: { type: 'message' } },
    });

    await app.processEvent(event);

    expect(acks).toEqual([null]);
    expect(observed).toEqual(['acked event true', 'handled event true']);
    const failed = lines().find((l) => l.msg === 'listener failed');
    expect(failed).toMatchObject({ requestId: 'req-1', eventId: 'Ev42', error: 'listener broke' });
  });

  it('acknowledges at once a request no listener takes, instead of leaving Slack to give up after 3 s', async () => {
    const { app, observed, lines } = tracedApp();
    const { event, acks } = request({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U1', team_id: 'T1' },
      actions: [{ action_id: 'nobody.listens', type: 'button' }],
    });
    await app.processEvent(event);
    expect(acks).toEqual([null]);
    expect(observed).toEqual(['acked block_action true', 'handled block_action true']);
    expect(lines().find((l) => String(l.msg).startsWith('no listener takes this request'))).toMatchObject({
      level: 'info',
      actionId: 'nobody.listens',
    });
  });

  it('refuses a request Slack could not have sent before Bolt reads it, with one warning', async () => {
    const { app, observed, lines } = tracedApp();
    const { event, acks } = request({ type: 'block_actions', actions: [] });
    await expect(app.processEvent(event)).rejects.toBeInstanceOf(MalformedRequestError);
    expect(acks).toEqual([]);
    expect(observed).toEqual([]);
    expect(lines().filter((l) => l.level !== 'debug')).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'malformed request refused' }),
    ]);
  });

  it('does not count an ack the receiver refused as sent', async () => {
    const { app, observed } = tracedApp();
    app.command('/rapport', async ({ ack }) => {
      await ack().catch(() => {});
    });
    await app.processEvent({
      body: commandBody,
      ack: async () => {
        throw new Error('acknowledged twice');
      },
    });
    expect(observed).toEqual(['handled command true', 'unacknowledged command']);
  });
});

describe('withLogFields', () => {
  it('follows awaits only on async context frames: Node 24 unless turned off, Node 22 with its flag', () => {
    expect(asyncContextFrames('24.22.3', [])).toBe(true);
    expect(asyncContextFrames('25.1.0', ['--max-old-space-size=512'])).toBe(true);
    expect(asyncContextFrames('24.22.3', ['--no-async-context-frame'])).toBe(false);
    expect(asyncContextFrames('22.23.5', [])).toBe(false);
    expect(asyncContextFrames('22.23.5', ['--experimental-async-context-frame'])).toBe(true);
    expect(asyncContextFrames('20.20.2', [])).toBe(false);
    expect(logFieldsFollowAwaits).toBe(asyncContextFrames(process.versions.node, process.execArgv));
  });

  it.runIf(logFieldsFollowAwaits)('nests, and explicit fields of a line win', async () => {
    const logs: string[] = [];
    const logger = createLogger('debug', (l) => logs.push(l));
    await withLogFields({ requestId: 'r1', kind: 'outer' }, () =>
      withLogFields({ step: 2 }, async () => {
        await Promise.resolve();
        logger.event('info', 'inside', { kind: 'explicit' });
      }),
    );
    expect(JSON.parse(logs[0] ?? '{}')).toMatchObject({ requestId: 'r1', step: 2, kind: 'explicit' });
  });
});
