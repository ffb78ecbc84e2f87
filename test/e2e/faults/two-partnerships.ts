/**
 * The world of the fan-out fault tests: two partnerships, so a sweep sends two batches and a digest
 * tick posts four messages. Acme (#acme-vendor) is owned by alice, Globex (#globex-vendor) by bob; both
 * work Mon–Fri 09:00–17:00 Europe/Berlin, report to #acme-triage, and post their digest on Mondays at
 * 09:00 Berlin. Each has one urgent help request, raised before Monday's working day.
 */

import type { DriverUser, StoredMessage } from '../../../src/playground/slack-simulator/index.js';
import { ASK_BLOCKS } from '../../../src/slack/asks/ids.js';
import { SETUP_BLOCKS } from '../../../src/slack/setup/ids.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import { openModalByCommand } from '../../support/flows.js';
import { channels, type Harness, people } from '../../support/rapport-harness.js';
import type { TestClock } from '../../support/test-clock.js';

/** Sunday 22 November 2026, when both are set up. */
export const SETUP_AT = '2026-11-22T10:00:00Z';
/** Monday 07:30 UTC: both asks are raised. Their first response is due at 09:00 UTC. */
export const RAISED_AT = '2026-11-23T07:30:00Z';
/** The digest slot of both: Monday 09:00 Berlin. */
export const DIGEST_SLOT = '2026-11-23T08:00:00Z';
/** Both asks are overdue, and alice (Berlin) and bob (New York) are both at work. */
export const NAG_AT = '2026-11-23T14:05:00Z';

export const acme = { channel: channels.shared, owner: people.alice, ref: 'ACME-1', name: 'Acme Corp' };
export const globex = { channel: channels.otherShared, owner: people.bob, ref: 'GLOBEX-1', name: 'Globex' };

async function setUp(h: Harness, p: typeof acme) {
  const view = await openModalByCommand(h, people.alice, 'setup', p.channel);
  await h.driver.viewSubmission({
    user: people.alice,
    view,
    values: {
      [SETUP_BLOCKS.accountName]: { [INPUT]: p.name },
      [SETUP_BLOCKS.ownerId]: { [INPUT]: p.owner.id },
      [SETUP_BLOCKS.backupOwnerId]: { [INPUT]: p.owner === people.alice ? people.bob.id : people.alice.id },
      [SETUP_BLOCKS.champion]: { [INPUT]: [people.carol.id] },
      [SETUP_BLOCKS.technical]: { [INPUT]: [people.dave.id] },
      [SETUP_BLOCKS.timeZone]: { [INPUT]: 'Europe/Berlin' },
      [SETUP_BLOCKS.triageChannelId]: { [INPUT]: channels.triage },
    },
  });
  await h.fake.waitForCall(
    'chat.postEphemeral',
    (c) => c.args.channel === p.channel && String(c.args.text).includes('is set up'),
  );
}

async function raise(h: Harness, p: typeof acme, user: DriverUser, title: string) {
  const view = await openModalByCommand(h, user, `ask ${title}`, p.channel);
  await h.driver.viewSubmission({ user, view, values: { [ASK_BLOCKS.urgency]: { [INPUT]: 'urgent' } } });
  await h.fake.waitForCall('chat.postEphemeral', (c) => String(c.args.text).includes(`*${p.ref}*`));
}

/** Sets both up and raises their asks through the real flows; the fake's record is cleared after. */
export async function setUpTwoPartnerships(h: Harness, clock: TestClock): Promise<void> {
  clock.set(SETUP_AT);
  await setUp(h, acme);
  await setUp(h, globex);
  clock.set(RAISED_AT);
  await raise(h, acme, people.alice, 'Checkout is down');
  await raise(h, globex, people.alice, 'Exports fail');
  await h.rapport.settled();
  h.fake.reset();
}

const isCustomerDigest = (m: StoredMessage) => m.text.startsWith('Status digest');
const isInternalDigest = (m: StoredMessage) => JSON.stringify(m.blocks).includes('Internal digest');

/** What reached Slack: digests per channel (internal ones per partnership) and reminders per owner. */
export function delivered(h: Harness) {
  const internal = h.fake.messagesIn(channels.triage).filter(isInternalDigest);
  return {
    customerDigests: {
      acme: h.fake.messagesIn(acme.channel).filter(isCustomerDigest).length,
      globex: h.fake.messagesIn(globex.channel).filter(isCustomerDigest).length,
    },
    internalDigests: {
      acme: internal.filter((m) => m.text.includes(acme.name)).length,
      globex: internal.filter((m) => m.text.includes(globex.name)).length,
    },
    reminders: { alice: refsInDms(h, people.alice), bob: refsInDms(h, people.bob) },
  };
}

/** The asks each private message to `user` is about, per message. */
const refsInDms = (h: Harness, user: DriverUser) =>
  h.fake.dmsTo(user.id).map((m) => [...new Set(JSON.stringify(m.blocks).match(/(?:ACME|GLOBEX)-\d+/g))]);

/** Everything delivered exactly once. */
export const onceEach = {
  customerDigests: { acme: 1, globex: 1 },
  internalDigests: { acme: 1, globex: 1 },
  reminders: { alice: [['ACME-1']], bob: [['GLOBEX-1']] },
};
