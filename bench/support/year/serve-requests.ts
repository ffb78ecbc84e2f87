/**
 * The requests of the year benchmark, sent open loop at a fixed rate: `/rapport list` by a partnership's
 * owner in its channel, and Home tabs opened by the account managers in turn, alternating. Each is timed
 * twice from when it was due: to the HTTP answer (the ack), and to its answer arriving at the fake Slack
 * (the reply through its response URL, or the published Home tab).
 */

import type { Arrivals } from '../fake-slack-child.js';
import { SignedPoster, type Summary, sleep, summarize } from '../load.js';
import { commandBody, homeOpenedBody } from '../slack-bodies.js';
import { type AppProcess, type FakeProcess, SIGNING_SECRET, VENDOR_TEAM } from '../world.js';
import { channelOf, ownerCount, ownerId, ownerOf } from './people.js';

type Kind = 'list' | 'home';

export interface Served {
  list: { ack: Summary; answer: Summary };
  home: { ack: Summary; answer: Summary };
  /** Requests answered other than 200, or whose answer never reached the fake Slack. */
  failed: number;
}

interface Sent {
  kind: Kind;
  /** The response URL's id (list) or the account manager (home): what the answer is found by. */
  key: string;
  dueAt: number;
  status: number;
  ackMs: number;
}

export async function serveRequests(
  app: AppProcess,
  fake: FakeProcess,
  partnerships: number,
  load: { requests: number; rate: number },
): Promise<Served> {
  const { appId } = fake.ready;
  const plan = Array.from({ length: load.requests }, (_, k) => {
    const n = Math.floor(k / 2);
    return k % 2 === 0
      ? { kind: 'list' as const, partnership: n % partnerships }
      : { kind: 'home' as const, owner: ownerId(n % ownerCount(partnerships)) };
  });
  const urls = new Map<number, string[]>();
  for (let i = 0; i < Math.min(partnerships, load.requests); i++) {
    const count = plan.filter((p) => p.kind === 'list' && p.partnership === i).length;
    urls.set(
      i,
      await fake.call<string[]>('responseUrls', { count, channelId: channelOf(i), userId: ownerOf(i) }),
    );
  }
  const commands = Array.from({ length: partnerships }, (_, i) =>
    commandBody({
      user: { id: ownerOf(i), teamId: VENDOR_TEAM },
      channelId: channelOf(i),
      text: 'list',
      appId,
    }),
  );
  await fake.call('takeArrivals');
  const poster = new SignedPoster(app.url, SIGNING_SECRET, 50);
  const began = performance.now();
  const beganWall = Date.now();
  const sends: Promise<Sent>[] = [];
  for (let k = 0; k < plan.length; k++) {
    const step = plan[k] as (typeof plan)[number];
    const due = began + (k * 1000) / load.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const dueAt = beganWall + (due - began);
    if (step.kind === 'list') {
      const url = urls.get(step.partnership)?.shift() as string;
      const body = (commands[step.partnership] as ReturnType<typeof commandBody>)(url, `${dueAt}.${k}.y`);
      const key = new URL(url).pathname.split('/').pop() as string;
      sends.push(
        poster
          .post(body, 'application/x-www-form-urlencoded', {}, due)
          .then((o) => ({ kind: 'list', key, dueAt, status: o.status, ackMs: o.ms })),
      );
    } else {
      const body = homeOpenedBody({
        eventId: `EvYEAR${beganWall}x${k}`,
        vendorTeamId: VENDOR_TEAM,
        appId,
        userId: step.owner,
      });
      sends.push(
        poster
          .post(body, 'application/json', {}, due)
          .then((o) => ({ kind: 'home', key: step.owner, dueAt, status: o.status, ackMs: o.ms })),
      );
    }
  }
  const sent = await Promise.all(sends);
  await app.child.call('settle');
  await sleep(600); // the fake looks at its calls every 250 ms
  poster.close();
  return tally(sent, await fake.call<Arrivals>('takeArrivals'));
}

/** Matches each request with its answer: a response URL is used once; a person's Home tabs arrive in order. */
function tally(sent: Sent[], arrivals: Arrivals): Served {
  const ms: Record<Kind, { ack: number[]; answer: number[] }> = {
    list: { ack: [], answer: [] },
    home: { ack: [], answer: [] },
  };
  let failed = 0;
  for (const s of [...sent].sort((a, b) => a.dueAt - b.dueAt)) {
    const answeredAt = (s.kind === 'list' ? arrivals.responseUrls : arrivals.homes)[s.key]?.shift();
    if (s.status !== 200 || answeredAt === undefined) {
      failed += 1;
      continue;
    }
    ms[s.kind].ack.push(s.ackMs);
    ms[s.kind].answer.push(answeredAt - s.dueAt);
  }
  const both = (kind: Kind) => ({ ack: summarize(ms[kind].ack), answer: summarize(ms[kind].answer) });
  return { list: both('list'), home: both('home'), failed };
}
