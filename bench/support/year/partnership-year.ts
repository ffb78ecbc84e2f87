/**
 * One partnership's year, working day by working day: its customers' messages and how they were
 * answered, the asks and approvals raised, the weekly digests, the people on its stakeholder map and the
 * ratings asked for after resolved help requests.
 */
import type { Actor } from '../../../src/domain/actors.js';
import type { Ask, AskKind } from '../../../src/domain/asks/ask.js';
import { isClosed } from '../../../src/domain/asks/lifecycle.js';
import type { ClosedReason } from '../../../src/domain/conversations/tracked-message.js';
import type { EffectProgress, OwedEffectsStore } from '../../../src/domain/effects/owed-effects.js';
import { FEEDBACK_COOLDOWN_DAYS } from '../../../src/domain/feedback/feedback.js';
import type { Subject } from '../../../src/domain/follow-ups/subject.js';
import { track } from '../../../src/domain/follow-ups/track.js';
import type { Partnership } from '../../../src/domain/partnerships/partnership.js';
import type { Repositories } from '../../../src/domain/ports.js';
import { yearApproval } from './approvals.js';
import { yearAsk } from './asks.js';
import { weeklyDigests } from './digests.js';
import { replayMessage, settableClock, type YearMessage } from './messages.js';
import { CUSTOMERS_PER_PARTNERSHIP, customerActor, mapPeople, vendorActor } from './people.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Activity {
  asks: number;
  openAsks: number;
  /** Customer messages watched over the year; `trackedMessages` of them are still stored at its end. */
  messages: number;
  trackedMessages: number;
  followUps: number;
  digests: number;
  approvals: number;
  pendingApprovals: number;
  stakeholders: number;
  feedback: number;
  markers: number;
}

interface Rates {
  end: Date;
  messagesPerDay: number;
  asksPerWeek: number;
  approvalsPerMonth: number;
  random: () => number;
}

/** Seven in ten asks are help requests, two enhancements, one a request to the customer. */
const ASK_KINDS: AskKind[] = [...Array(7).fill('help'), 'enhancement', 'enhancement', 'vendor'];
const REASONS: ClosedReason[] = [...Array(8).fill('reply'), 'reaction', 'dismissed'];

export async function replayPartnership(
  repos: Repositories,
  p: Partnership,
  i: number,
  rates: Rates,
): Promise<Activity> {
  const year = new PartnershipYear(repos, p, i, rates);
  year.counts.stakeholders = await mapPeople(repos, p, [year.owner, ...year.customers]);
  for (let day = dayStart(p.createdAt); day < rates.end.getTime(); day += DAY) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) await year.workingDay(day);
  }
  await year.finish();
  return year.counts;
}

class PartnershipYear {
  readonly counts = emptyActivity();
  readonly owner: Actor;
  readonly customers: Actor[];
  private readonly clock = settableClock();
  private readonly lastActive = new Map<string, { actor: Actor; at: Date }>();
  private readonly lastRated = new Map<string, number>();
  private seq = 0;

  constructor(
    private readonly repos: Repositories,
    private readonly p: Partnership,
    private readonly i: number,
    private readonly rates: Rates,
  ) {
    this.owner = vendorActor(p.ownerId);
    this.customers = Array.from({ length: CUSTOMERS_PER_PARTNERSHIP }, (_, k) => customerActor(i, k));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rates.random() * items.length)] as T;
  }

  /** The day's messages, and an ask or an approval now and then, in the order they happened. */
  async workingDay(day: number): Promise<void> {
    const { end, random: r } = this.rates;
    const at = () => new Date(day + 7 * HOUR + Math.floor(r() * 9 * HOUR));
    const events: [Date, () => Promise<unknown>][] = [];
    for (let k = 0; k < 2 * this.rates.messagesPerDay; k++) {
      if (r() >= 0.5) continue;
      const postedAt = at();
      const answeredAt = new Date(
        postedAt.getTime() + 3 * MINUTE + Math.floor(-Math.log(1 - r()) * 3 * HOUR),
      );
      // A few of the last fortnight's messages nobody has answered yet; older ones were all handled.
      const overlooked = postedAt.getTime() > end.getTime() - 14 * DAY && r() < 0.05;
      const answer = { at: answeredAt, by: this.owner.userId, reason: this.pick(REASONS) };
      const author = this.pick(this.customers);
      const text = 'Quick question about the export from yesterday, the numbers look off.';
      events.push([
        postedAt,
        () => this.message(author, postedAt, overlooked || answeredAt > end ? null : answer, text),
      ]);
    }
    const askAt = at();
    if (r() < this.rates.asksPerWeek / 5) events.push([askAt, () => this.ask(askAt)]);
    const approvalAt = at();
    if (r() < this.rates.approvalsPerMonth / 21) events.push([approvalAt, () => this.approval(approvalAt)]);
    events.sort(([x], [y]) => x.getTime() - y.getTime());
    for (const [when, happen] of events) if (when <= end) await happen();
  }

  /** A customer's top-level message and its answer; the day before the end left its event markers. */
  private async message(author: Actor, postedAt: Date, answer: YearMessage['answer'], text: string) {
    const { end } = this.rates;
    this.seq += 1;
    const ts = `${Math.floor(postedAt.getTime() / 1000)}.${String(this.seq).padStart(6, '0')}`;
    const m: YearMessage = { partnership: this.p, ts, author, text, postedAt, answer };
    if (await replayMessage(this.repos, this.clock, m, end)) this.counts.trackedMessages += 1;
    this.counts.messages += 1;
    this.counts.followUps += 1;
    this.lastActive.set(author.userId, { actor: author, at: postedAt });
    if (answer) this.lastActive.set(this.owner.userId, { actor: this.owner, at: answer.at });
    for (const at of [postedAt, answer?.at]) {
      if (at === undefined || at.getTime() <= end.getTime() - DAY) continue;
      const key = `event:Ev${this.i}x${this.seq}x${at.getTime()}`;
      this.counts.markers += Number(await this.repos.markers.claim(key, at, new Date(at.getTime() + DAY)));
    }
    return ts;
  }

  /** An ask, raised from a customer's message or the form, lived until the end; a rating asked if resolved. */
  private async ask(createdAt: Date) {
    const { repos, p, owner, customers, rates } = this;
    const kind = this.pick(ASK_KINDS);
    const requester = kind === 'vendor' ? owner : this.pick(customers);
    const raised = { at: createdAt, by: owner.userId, reason: 'raised' as const };
    const sourceTs =
      kind === 'help' && rates.random() < 0.4
        ? await this.message(
            requester,
            new Date(createdAt.getTime() - 5 * MINUTE),
            raised,
            'Export is broken again?',
          )
        : null;
    if (sourceTs) {
      const claimed = await repos.markers.claim(`ask-source:${p.channelId}:${sourceTs}`, createdAt, null);
      this.counts.markers += Number(claimed);
    }
    const number = await repos.sequences.next(`asks:${p.id}`);
    const seed = { partnership: p, number, kind, requester, createdAt, sourceTs, voters: customers };
    const owes = kind === 'vendor' ? (customers[1] as Actor) : owner;
    const lived = yearAsk({ ...seed, owner: owes, random: rates.random }, rates.end);
    await repos.asks.insert(lived.now);
    await effectsCarriedOut(repos.askEffects, lived.now.id, lived.now.version, {
      announced: lived.now.history.length,
      notesPosted: lived.now.internalNotes.length,
    });
    const tracked = await this.trackAt(createdAt, { type: 'ask', ask: lived.created });
    const last = await this.trackAt(lived.lastChangeAt, { type: 'ask', ask: lived.now });
    this.counts.asks += 1;
    this.counts.followUps += Number(tracked !== null || last !== null);
    if (!isClosed(kind, lived.now.status)) this.counts.openAsks += 1;
    if (kind === 'help' && lived.now.status === 'resolved')
      await this.askRating(lived.now, lived.lastChangeAt);
  }

  /** The rating request after a resolved help request, unless its requester was asked within the cooldown. */
  private async askRating(ask: Ask, resolvedAt: Date) {
    const { random: r, end } = this.rates;
    const rated = this.lastRated.get(ask.requester.userId) ?? Number.NEGATIVE_INFINITY;
    if (resolvedAt.getTime() - rated <= FEEDBACK_COOLDOWN_DAYS * DAY) return;
    this.lastRated.set(ask.requester.userId, resolvedAt.getTime());
    const rating = r() < 0.55 ? 'good' : r() < 0.25 ? 'bad' : null;
    const ratedAt = new Date(resolvedAt.getTime() + 3 * HOUR);
    const answered = rating !== null && ratedAt <= end;
    await this.repos.feedback.insert({
      askId: ask.id,
      ref: ask.ref,
      partnershipId: this.p.id,
      userId: ask.requester.userId,
      askedAt: resolvedAt,
      rating: answered ? rating : null,
      comment: answered && rating === 'bad' ? 'Took three days to get a first answer.' : null,
      ratedAt: answered ? ratedAt : null,
    });
    this.counts.feedback += 1;
  }

  /** A go-live approval asked of the owner and two customer people, the second backed up by a third. */
  private async approval(createdAt: Date) {
    const { repos, p, owner, customers, rates } = this;
    const approvers = [owner, customers[0] as Actor, customers[1] as Actor];
    const seed = {
      partnership: p,
      number: this.counts.approvals + 1,
      requester: owner,
      approvers,
      createdAt,
    };
    const backup = (customers[2] as Actor).userId;
    const lived = yearApproval({ ...seed, customerBackup: backup, random: rates.random }, rates.end);
    const version = lived.now.audit.length;
    await repos.approvals.insert({ ...lived.now, version });
    await effectsCarriedOut(repos.approvalEffects, lived.now.id, version, {
      announced: version,
      notesPosted: 0,
    });
    for (const seat of approvers) {
      await this.trackAt(createdAt, { type: 'approval', approval: lived.created, approverId: seat.userId });
      await this.trackAt(lived.lastChangeAt, {
        type: 'approval',
        approval: lived.now,
        approverId: seat.userId,
      });
    }
    this.counts.approvals += 1;
    this.counts.followUps += approvers.length;
    if (lived.now.state === 'pending') this.counts.pendingApprovals += 1;
  }

  private trackAt(at: Date, subject: Subject) {
    this.clock.set(at);
    return track({ ...this.repos, clock: this.clock }, subject, this.p);
  }

  /** The weekly digests, everyone's last activity, and a customer who left now and then. */
  async finish(): Promise<void> {
    const { repos, p, rates } = this;
    this.counts.digests = await weeklyDigests(repos, p, rates.end);
    for (const { actor, at } of this.lastActive.values())
      await repos.stakeholders.recordActivity(p.id, actor, at);
    const leftAt = new Date(rates.end.getTime() - Math.floor(rates.random() * 90) * DAY);
    if (this.i % 5 === 0 && leftAt > p.createdAt)
      await repos.stakeholders.markGone(p.id, (this.customers[5] as Actor).userId, 'left', leftAt);
  }
}

/** What the effects runner leaves once a record's card, thread notices and twin are all in Slack. */
async function effectsCarriedOut(
  effects: OwedEffectsStore,
  id: string,
  version: number,
  progress: Pick<EffectProgress, 'announced' | 'notesPosted'>,
): Promise<void> {
  await effects.record(id, progress);
  if (!(await effects.settle(id, version))) throw new Error(`effects of ${id} not settled`);
}

const dayStart = (at: Date) => Math.floor(at.getTime() / DAY) * DAY;

export function emptyActivity(): Activity {
  return {
    asks: 0,
    openAsks: 0,
    messages: 0,
    trackedMessages: 0,
    followUps: 0,
    digests: 0,
    approvals: 0,
    pendingApprovals: 0,
    stakeholders: 0,
    feedback: 0,
    markers: 0,
  };
}
