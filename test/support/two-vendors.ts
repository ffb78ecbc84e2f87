/**
 * Distribution with two vendors: the harness's vendor (Alice, Bob) and Initech (Erin, Frank), both
 * installed through OAuth and both in one Slack Connect channel with the customer; each sets up its own
 * partnership there, with its own triage channel.
 */
import { type DriverUser, SlackDriver } from '../../src/playground/slack-simulator/index.js';
import { SETUP_BLOCKS } from '../../src/slack/setup/ids.js';
import { INPUT } from '../../src/slack/shared/ids.js';
import { openModalByCommand } from './flows.js';
import { channels, type Harness, people, SIGNING_SECRET } from './rapport-harness.js';

export const INITECH = 'TINITECH1';
export const erin = { id: 'UERIN0001', teamId: INITECH }; // Initech's account manager
export const frank = { id: 'UFRANK001', teamId: INITECH }; // Initech's engineer
export const INITECH_TRIAGE = 'CTRIAGE02';

/** Initech's people and triage channel in the fake Slack; Erin is an admin of her workspace when `admin`. */
export function addInitech(h: Harness, opts: { admin?: boolean } = {}): void {
  h.fake.addUser({
    id: erin.id,
    teamId: INITECH,
    tz: 'Europe/Berlin',
    name: 'erin',
    isAdmin: opts.admin ?? false,
  });
  h.fake.addUser({ id: frank.id, teamId: INITECH, tz: 'Europe/Berlin', name: 'frank' });
  for (const id of [erin.id, frank.id]) h.fake.channels.get(channels.shared)?.members.add(id);
  h.fake.addChannel({ id: INITECH_TRIAGE, name: 'initech-triage', members: [erin.id, frank.id] });
}

/** The harness as Initech's installation receives requests. */
export const asInitech = (h: Harness): Harness => ({
  ...h,
  driver: new SlackDriver({
    appUrl: `http://127.0.0.1:${h.rapport.port}`,
    signingSecret: SIGNING_SECRET,
    fake: h.fake,
    installTeamId: INITECH,
  }),
});

/** `/rapport setup` of the shared channel by `owner`, for Acme Corp, with its backup and triage channel. */
export async function setUp(h: Harness, owner: DriverUser, backup: DriverUser, triage: string) {
  const view = await openModalByCommand(h, owner, 'setup', channels.shared);
  await h.driver.viewSubmission({
    user: owner,
    view,
    values: {
      [SETUP_BLOCKS.accountName]: { [INPUT]: 'Acme Corp' },
      [SETUP_BLOCKS.backupOwnerId]: { [INPUT]: backup.id },
      [SETUP_BLOCKS.champion]: { [INPUT]: [people.carol.id] },
      [SETUP_BLOCKS.timeZone]: { [INPUT]: 'Europe/Berlin' },
      [SETUP_BLOCKS.triageChannelId]: { [INPUT]: triage },
    },
  });
  await h.fake.waitForCall(
    'chat.postEphemeral',
    (c) => c.args.user === owner.id && String(c.args.text).includes('is set up'),
  );
}
