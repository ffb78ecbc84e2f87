/**
 * One run of the playground: the simulated Slack, the real Rapport talking to it over HTTP, and what the
 * visitor does, sent to Rapport as Slack sends it (signed commands, events and interactions).
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomRoute } from '@slack/bolt';
import { type LogLevelName, loadConfig } from '../config.js';
import type { AppLogger } from '../logger.js';
import { type RunningRapport, startRapport } from '../rapport.js';
import { PlaygroundClock, type Travel, travelTarget } from './playground-clock.js';
import {
  type ActionInput,
  FakeSlack,
  SlackDriver,
  type StateValuesInput,
  type StoredView,
} from './slack-simulator/index.js';
import { addWorld, PEOPLE, type Person, VENDOR } from './world.js';

export interface SessionSettings {
  port: number;
  dataDir: string;
  logLevel: LogLevelName;
  logger: AppLogger;
  routes: CustomRoute[];
}

/** Scheduled jobs run after a time travel, in the order a minute's schedule runs them. */
const JOBS = ['approvals', 'reminders', 'digests', 'effects'];

export type ClickTarget = { channelId: string; messageTs: string; ephemeral?: boolean } | { viewId: string };

export class PlaygroundSession {
  /** Which person each open modal stack (by its root view id) belongs to. */
  private readonly modalOwners = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly fake: FakeSlack,
    readonly rapport: RunningRapport,
    readonly driver: SlackDriver,
    readonly clock: PlaygroundClock,
  ) {}

  /** Starts the simulator and Rapport on a fresh store in `dataDir`/playground. */
  static async start(settings: SessionSettings): Promise<PlaygroundSession> {
    const fake = await FakeSlack.start({ vendorTeamId: VENDOR.teamId, teamDomain: 'acme-software' });
    try {
      addWorld(fake);
      const storeDir = join(settings.dataDir, 'playground');
      // The simulator keeps its messages in memory: a store left from an earlier run would point at none.
      rmSync(storeDir, { recursive: true, force: true });
      const signingSecret = randomBytes(16).toString('hex');
      const loaded = loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-playground',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(settings.port),
        DATA_DIR: storeDir,
        LOG_LEVEL: settings.logLevel,
      });
      if (!loaded.ok) throw new Error(`playground settings: ${loaded.problems.join('; ')}`);
      const clock = new PlaygroundClock();
      const rapport = await startRapport(loaded.config, {
        clock,
        logger: settings.logger,
        routes: settings.routes,
        slackRetries: 0,
      });
      const driver = new SlackDriver({ appUrl: `http://127.0.0.1:${rapport.port}`, signingSecret, fake });
      return new PlaygroundSession(fake, rapport, driver, clock);
    } catch (error) {
      await fake.stop();
      throw error;
    }
  }

  person(userId: string): Person {
    const found = Object.values(PEOPLE).find((p) => p.id === userId);
    if (!found) throw new PlaygroundError(`nobody called ${userId} works here`);
    return found;
  }

  /** The modal stack `userId` has open (root first), if any. */
  modalsOf(userId: string): StoredView[] {
    for (const stack of this.fake.openModals()) {
      if (this.modalOwners.get(stack[0]?.id ?? '') === userId) return stack;
    }
    return [];
  }

  /** `/rapport <text>`: only people of the vendor's workspace can run it, as in Slack Connect. */
  command(userId: string, channelId: string, text: string) {
    return this.as(userId, async (user) => {
      if (user.teamId !== VENDOR.teamId)
        throw new PlaygroundError(
          '/rapport is not a valid command here: slash commands stay in the vendor workspace',
        );
      return (await this.driver.command({ user, channelId, text })).status;
    });
  }

  message(userId: string, channelId: string, text: string, threadTs?: string) {
    return this.as(userId, async (user) => {
      if (!this.fake.channels.get(channelId)?.members.has(user.id))
        throw new PlaygroundError('you are not in that channel');
      const sent = await this.driver.userMessage({
        user,
        channelId,
        text: asSlackSendsIt(text),
        ...(threadTs ? { threadTs } : {}),
      });
      return sent.status;
    });
  }

  react(userId: string, channelId: string, ts: string, name: string) {
    return this.as(
      userId,
      async (user) => (await this.driver.reaction({ user, channelId, ts, name })).status,
    );
  }

  /** A button, menu or date picker used on a message or in a modal. */
  click(userId: string, target: ClickTarget, action: ActionInput, values?: StateValuesInput) {
    return this.as(userId, async (user) => {
      const surface =
        'viewId' in target
          ? { view: this.ownView(userId, target.viewId) }
          : {
              channelId: target.channelId,
              message: this.messageOrEphemeral(userId, target),
              ...(target.ephemeral ? { isEphemeral: true } : {}),
            };
      return (
        await this.driver.blockAction({ user, ...surface, actions: [action], ...(values ? { values } : {}) })
      ).status;
    });
  }

  /**
   * Submits a modal: Rapport's answer (close, update, push) is applied to the stack; resolves to the
   * inline errors it answered (`response_action: errors`), block id to message, or null.
   */
  async submit(
    userId: string,
    viewId: string,
    values: StateValuesInput,
  ): Promise<Record<string, string> | null> {
    let errors: Record<string, string> | null = null;
    await this.as(userId, async (user) => {
      const res = await this.driver.viewSubmission({ user, view: this.ownView(userId, viewId), values });
      errors = fieldErrors(res.body);
      return res.status;
    });
    return errors;
  }

  close(userId: string, viewId: string) {
    return this.as(userId, async (user) => {
      const view = this.ownView(userId, viewId);
      if (view.notify_on_close === true) return (await this.driver.viewClosed({ user, view })).status;
      this.fake.closeView(view.id);
      return 200;
    });
  }

  /** The person opens Rapport's Home tab (vendor side only, as in Slack Connect). */
  openHome(userId: string) {
    return this.as(userId, async (user) => {
      if (user.teamId !== VENDOR.teamId)
        throw new PlaygroundError('Rapport has no Home tab for people outside Acme');
      const event = {
        type: 'app_home_opened',
        user: user.id,
        channel: this.fake.dmChannelOf(user.id),
        tab: 'home',
      };
      return (await this.driver.event({ event })).status;
    });
  }

  /** Moves the clock and runs the scheduled jobs at the new time. */
  travel(travel: Travel) {
    return this.serially(async () => {
      this.clock.travelTo(travelTarget(travel, this.clock.now(), PEOPLE.olivia.tz));
      for (const job of JOBS) await this.rapport.runJob(job);
      return 200;
    });
  }

  async stop(): Promise<void> {
    await this.queue.catch(() => {});
    await this.rapport.stop();
    await this.fake.stop();
  }

  /** One visitor action at a time, as `userId`, until Rapport has finished what it caused. */
  private as(userId: string, act: (user: { id: string; teamId: string }) => Promise<number>) {
    const person = this.person(userId);
    return this.serially(async () => {
      const before = new Set(this.fake.openModals().map((s) => s[0]?.id));
      const status = await act({ id: person.id, teamId: person.teamId });
      await this.rapport.settled();
      for (const stack of this.fake.openModals()) {
        const root = stack[0]?.id;
        if (root && !before.has(root)) this.modalOwners.set(root, userId);
      }
      if (status >= 400) throw new PlaygroundError(`Rapport answered HTTP ${status}`);
      return status;
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }

  /** One of the person's open forms, or their Home tab. */
  private ownView(userId: string, viewId: string): StoredView {
    const view = [...this.modalsOf(userId), this.fake.homeView(userId)].find((v) => v?.id === viewId);
    if (!view) throw new PlaygroundError('that form is not open for you');
    return view;
  }

  private messageOrEphemeral(
    userId: string,
    target: { channelId: string; messageTs: string; ephemeral?: boolean },
  ) {
    if (target.ephemeral) {
      const shown = this.fake
        .ephemeralsTo(userId)
        .find((e) => e.channel === target.channelId && e.message_ts === target.messageTs);
      if (!shown) throw new PlaygroundError('that message is gone');
      return { ts: shown.message_ts, text: shown.text, blocks: shown.blocks ?? [] };
    }
    const message = this.fake.message(target.channelId, target.messageTs);
    if (!message || !this.fake.channels.get(target.channelId)?.members.has(userId))
      throw new PlaygroundError('that message is not there for you');
    return message;
  }
}

/** Slack escapes &, < and > in what people type; a <@U…> or <!here> can only come from its own pickers. */
const asSlackSendsIt = (typed: string) =>
  typed.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function fieldErrors(ack: unknown): Record<string, string> | null {
  const { response_action: action, errors } = (ack ?? {}) as { response_action?: unknown; errors?: unknown };
  return action === 'errors' && typeof errors === 'object' && errors !== null
    ? (errors as Record<string, string>)
    : null;
}

/** A visitor's request the simulated Slack would not allow: answered 400 with its message. */
export class PlaygroundError extends Error {}
