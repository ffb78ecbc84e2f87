import { App, LogLevel, type Receiver } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { Listeners } from '../../../src/slack/bolt/listeners.js';

const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };

/** A Bolt app holding only the routed listeners, handed requests as its receiver would. */
function routed(register: (listeners: Listeners, ran: string[]) => void) {
  const ran: string[] = [];
  const logger = createLogger('error', () => {});
  const app = new App({
    token: 'xoxb-test',
    botId: 'B1',
    botUserId: 'UBOT',
    receiver,
    logger,
    logLevel: LogLevel.ERROR,
  });
  const listeners = new Listeners();
  register(listeners, ran);
  listeners.mountOn(app);
  const send = async (body: Record<string, unknown>) => {
    const acks: unknown[] = [];
    await app.processEvent({ body, ack: async (response?: unknown) => void acks.push(response ?? null) });
    return acks;
  };
  return { ran, send };
}

const click = (actionId: string, blockId = 'b1') => ({
  type: 'block_actions',
  team: { id: 'T1' },
  user: { id: 'U1', team_id: 'T1' },
  actions: [{ type: 'button', action_id: actionId, block_id: blockId, action_ts: '1' }],
  trigger_id: 't1',
});

describe('Listeners', () => {
  it('runs only the chain of the action id, each step through next, and leaves others unacknowledged', async () => {
    const { ran, send } = routed((l, ran) => {
      l.action(
        'ask.take',
        async ({ next }) => {
          ran.push('middleware');
          await next();
        },
        async ({ ack }) => {
          ran.push('take');
          await ack();
        },
      );
      l.action('ask.vote', async () => void ran.push('vote'));
    });

    expect(await send(click('ask.take'))).toEqual([null]);
    expect(ran).toEqual(['middleware', 'take']);
    expect(await send(click('ask.unknown'))).toEqual([]);
    expect(ran).toEqual(['middleware', 'take']);
  });

  it('tells inputs that share an action id apart by their block id', async () => {
    const { ran, send } = routed((l, ran) => {
      l.action({ action_id: 'input', block_id: 'cron' }, async () => void ran.push('cron'));
      l.action({ action_id: 'input', block_id: 'zone' }, async () => void ran.push('zone'));
    });

    await send(click('input', 'zone'));
    await send(click('input', 'cron'));
    await send(click('input', 'other'));
    expect(ran).toEqual(['zone', 'cron']);
  });

  it('routes events by type, and refuses a key registered twice at start', () => {
    const listeners = new Listeners();
    listeners.event('message', async () => {});
    expect(() => listeners.event('message', async () => {})).toThrow('event message is already routed');
    listeners.action({ action_id: 'input', block_id: 'cron' }, async () => {});
    expect(() => listeners.action('input', async () => {})).toThrow('action input is already routed');
  });

  it('routes an event to its type’s chain only', async () => {
    const { ran, send } = routed((l, ran) => {
      l.event('reaction_added', async () => void ran.push('reaction'));
      l.event('member_joined_channel', async () => void ran.push('joined'));
    });

    await send({
      type: 'event_callback',
      team_id: 'T1',
      event_id: 'Ev1',
      event: {
        type: 'reaction_added',
        user: 'U1',
        reaction: 'ticket',
        item: { type: 'message', channel: 'C1', ts: '1' },
      },
    });
    expect(ran).toEqual(['reaction']);
  });
});
