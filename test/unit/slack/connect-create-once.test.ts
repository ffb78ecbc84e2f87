import { ErrorCode, type WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MarkerRepository } from '../../../src/domain/ports.js';
import { createChannelOnce } from '../../../src/slack/connect/create-channel-once.js';
import { settleWithin } from '../../../src/slack/connect/settle-within.js';

const clock = { now: () => new Date('2026-11-23T09:00:00Z') };
const refusedWith = (error: string) =>
  Object.assign(new Error(error), { code: ErrorCode.PlatformError, data: { ok: false, error } });

/** Slack's channel names: unique; `refuseNext` makes the next create fail with that error. */
function fakeSlack() {
  const names = new Set<string>();
  const refusals: string[] = [];
  const create = vi.fn(async ({ name }: { name: string }) => {
    const refusal = refusals.shift();
    if (refusal) throw refusedWith(refusal);
    if (names.has(name)) throw refusedWith('name_taken');
    names.add(name);
    return { ok: true, channel: { id: `C${names.size}`, name } };
  });
  return { client: { conversations: { create } } as unknown as WebClient, names, create, refusals };
}

function memoryMarkers(): MarkerRepository {
  const keys = new Set<string>();
  return {
    claim: async (key) => !keys.has(key) && Boolean(keys.add(key)),
    release: async (key) => {
      keys.delete(key);
    },
    purgeExpired: async () => 0,
  };
}

describe('creating the channel once per form', () => {
  const deps = () => ({ markers: memoryMarkers(), clock });
  const request = { viewId: 'V1', name: 'acme-corp', isPrivate: false };

  it('creates, and a resubmission of the same form is recognised instead of being told the name is taken', async () => {
    const slack = fakeSlack();
    const d = deps();
    expect(await createChannelOnce(d, slack.client, request)).toEqual({
      kind: 'created',
      channel: { id: 'C1', name: 'acme-corp', isPrivate: false },
    });
    expect(await createChannelOnce(d, slack.client, request)).toEqual({ kind: 'already_submitted' });
    expect(slack.names.size).toBe(1);
  });

  it('says name_taken when the name belongs to someone else, every time it is submitted', async () => {
    const slack = fakeSlack();
    slack.names.add('acme-corp');
    const d = deps();
    for (let i = 0; i < 2; i++) {
      const again = await createChannelOnce(d, slack.client, request);
      expect(again).toMatchObject({ kind: 'refused', refusal: { code: 'name_taken' } });
    }
  });

  it('tries again after a refusal an admin has fixed, and then after someone else took the name', async () => {
    const slack = fakeSlack();
    slack.refusals.push('restricted_action');
    const d = deps();
    expect(await createChannelOnce(d, slack.client, request)).toMatchObject({
      kind: 'refused',
      refusal: { code: 'restricted_action' },
    });
    slack.names.add('acme-corp'); // taken meanwhile by someone else
    expect(await createChannelOnce(d, slack.client, request)).toMatchObject({
      kind: 'refused',
      refusal: { code: 'name_taken' },
    });
    slack.names.delete('acme-corp');
    expect(await createChannelOnce(d, slack.client, request)).toMatchObject({ kind: 'created' });
  });

  it('keeps forms apart: another form with the same name is told it is taken', async () => {
    const slack = fakeSlack();
    const d = deps();
    await createChannelOnce(d, slack.client, request);
    expect(await createChannelOnce(d, slack.client, { ...request, viewId: 'V2' })).toMatchObject({
      kind: 'refused',
      refusal: { code: 'name_taken' },
    });
  });

  it('passes the visibility and explains a missing scope with the scopes creating needs', async () => {
    const slack = fakeSlack();
    slack.refusals.push('missing_scope');
    const refused = await createChannelOnce(deps(), slack.client, { ...request, isPrivate: true });
    expect(refused).toMatchObject({
      kind: 'refused',
      refusal: { what: expect.stringContaining('groups:write') },
    });
    expect(slack.create).toHaveBeenCalledWith({ name: 'acme-corp', is_private: true });
  });
});

describe('waiting for Slack within the ack budget', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the value when the work settles in time', async () => {
    expect(await settleWithin(Promise.resolve(7), 1000)).toEqual({ settled: true, value: 7 });
    await expect(settleWithin(Promise.reject(new Error('no')), 1000)).rejects.toThrow('no');
  });

  it('gives up at the deadline and leaves the work to the caller', async () => {
    vi.useFakeTimers();
    let finish: (v: string) => void = () => {};
    const work = new Promise<string>((resolve) => {
      finish = resolve;
    });
    const waiting = settleWithin(work, 2500);
    await vi.advanceTimersByTimeAsync(2500);
    expect(await waiting).toEqual({ settled: false });
    finish('late');
    expect(await work).toBe('late');
  });

  it('does not leave a rejection unhandled when the work fails after the deadline', async () => {
    vi.useFakeTimers();
    let fail: (e: Error) => void = () => {};
    const work = new Promise<string>((_, reject) => {
      fail = reject;
    });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const waiting = settleWithin(work, 10);
      await vi.advanceTimersByTimeAsync(10);
      expect(await waiting).toEqual({ settled: false });
      fail(new Error('late failure'));
      await expect(work).rejects.toThrow('late failure');
      await vi.advanceTimersByTimeAsync(0);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
