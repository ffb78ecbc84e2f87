/**
 * End-to-end tests of GitHub Issues: the real app on a fresh store with a fake GitHub (one repository,
 * acme/app) and its webhooks, Acme and Globex set up with the triage channel; and the steps the tests
 * take (route asks, raise an enhancement, click the twin, deliver a webhook, read the threads).
 */
import { expect } from 'vitest';
import type { Ask } from '../../src/domain/asks/ask.js';
import type { DriverUser, StoredMessage } from '../../src/playground/slack-simulator/index.js';
import { ASK_BLOCKS } from '../../src/slack/asks/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { LINK_BLOCKS, TRACKER_ACTIONS } from '../../src/slack/trackers/ids.js';
import { type Delivery, deliver, FakeGithub, GITHUB_TOKEN, WEBHOOK_SECRET } from './fake-github/index.js';
import { buttonValue, commandReply, modalOpenedAfter, openModalByCommand, textsPostedTo } from './flows.js';
import { channels, type Harness, people } from './rapport-harness.js';
import type { StoreKind } from './stores.js';
import { type TrackerWorld, trackerForEachTest } from './tracker-world.js';

export const REPO = 'acme/app';

export interface GithubWorld extends TrackerWorld {
  github: FakeGithub;
}

/** For each test of `kind`: the world above, stopped after (with no Block Kit violation). */
export const githubForEachTest = (kind: StoreKind): GithubWorld =>
  trackerForEachTest<GithubWorld>(
    kind,
    async (world) => {
      world.github = await FakeGithub.start();
      world.github.addRepo(REPO);
      world.github.now = () => world.clock.now();
      return {
        github: {
          token: GITHUB_TOKEN,
          apiUrl: world.github.apiUrl,
          webhookSecret: WEBHOOK_SECRET,
          statusMap: {},
          people: {},
        },
        commentMarker: 'customer:',
        pollMinutes: 5,
        admins: [],
      };
    },
    (world) => world.github.stop(),
  );

/** Delivers a webhook to the app and waits for what it set off. */
export async function webhook(h: Harness, delivery: Delivery) {
  const answer = await deliver(`http://127.0.0.1:${h.rapport.port}`, delivery);
  await h.rapport.settled();
  return answer;
}

/** `/rapport tracker <text>` by Alice, which must be saved. */
export async function route(h: Harness, text: string, channel: string = channels.shared) {
  const reply = await commandReply(h, people.alice, `tracker ${text}`, channel);
  expect(reply.args.text).toContain('Saved.');
}

/** `/rapport idea <title>` through the form, until its card and twin are shown. */
export async function idea(h: Harness, title: string, user: DriverUser, channel: string = channels.shared) {
  const view = await openModalByCommand(h, user, `idea ${title}`, channel);
  await h.driver.viewSubmission({
    user,
    view,
    values: { [ASK_BLOCKS.details]: { [INPUT]: 'Monthly reporting by hand @octocat' } },
  });
  await h.fake.waitForCall(
    'chat.postEphemeral',
    (c) => c.args.channel === channel && String(c.args.text).includes('this is now'),
  );
  await h.rapport.settled();
}

export const twin = (h: Harness, ref: string) =>
  h.fake
    .messagesIn(channels.triage)
    .find((m: StoredMessage) => String(m.text).startsWith(`[internal] ${ref} `)) as StoredMessage;

export const card = (h: Harness, channel: string, ref: string) =>
  h.fake
    .messagesIn(channel)
    .find((m: StoredMessage) => String(m.text).startsWith(`${ref} `)) as StoredMessage;

/** The texts in the thread of an ask's card. */
export const thread = (h: Harness, channel: string, ref: string) =>
  h.fake
    .messagesIn(channel, { threadTs: card(h, channel, ref).ts })
    .map((m: StoredMessage) => String(m.text));

/** The texts in the thread of an ask's twin. */
export const twinThread = (h: Harness, ref: string) =>
  h.fake.messagesIn(channels.triage, { threadTs: twin(h, ref).ts }).map((m: StoredMessage) => String(m.text));

/** Bob clicks a button of the ask's twin. */
export async function clickTwin(h: Harness, ref: string, actionId: string) {
  const message = twin(h, ref);
  await h.driver.blockAction({
    user: people.bob,
    channelId: channels.triage,
    message,
    actions: [{ action_id: actionId, value: buttonValue(message, actionId) }],
  });
  await h.rapport.settled();
}

/** Bob opens the twin's "Link existing issue" form; each call of the result submits it with `text`. */
export async function openLinkForm(h: Harness, ref: string) {
  const before = h.fake.callsTo('views.open').length;
  await clickTwin(h, ref, TRACKER_ACTIONS.link);
  const form = await modalOpenedAfter(h, before);
  return (text: string) =>
    h.driver.viewSubmission({
      user: people.bob,
      view: form,
      values: { [LINK_BLOCKS.issue]: { [INPUT]: text } },
    });
}

/**
 * ACME-1's twin shows the tracker's due date `due` and its `assignee`, and the date is not promised: the
 * ask has none and the shared channel never saw it. Bob's click on the twin promises it, in the ask and
 * in the card's thread. (What the tracker is told is each tracker's to check.)
 */
export async function expectDueDatePromisedOnClick(h: Harness, due: string, assignee: string) {
  const shown = JSON.stringify(twin(h, 'ACME-1').blocks);
  expect(shown).toContain(`Due in the tracker: *${due}* (not promised to the customer)`);
  expect(shown).toContain(`Assigned in the tracker: ${assignee}`);
  expect((await storedAsk(h, 'ACME-1')).promisedDate).toBeNull();
  expect(textsPostedTo(h, channels.shared).join('\n')).not.toContain(due);

  await clickTwin(h, 'ACME-1', TRACKER_ACTIONS.promise);
  expect((await storedAsk(h, 'ACME-1')).promisedDate).toBe(due);
  expect(thread(h, channels.shared, 'ACME-1').at(-1)).toContain(`Promised for *${due}*.`);
}

export async function storedAsk(h: Harness, ref: string): Promise<Ask> {
  const [found] = await h.rapport.store.asks.findByRef(ref);
  if (!found) throw new Error(`no ${ref}`);
  return found;
}
