/**
 * The playground's starting state, reached the way people reach it in Slack: partnerships set up through
 * the setup form, asks raised from the welcome message and moved on from their cards.
 */
import { ASK_ACTIONS, ASK_BLOCKS, UPDATE_BLOCKS } from '../slack/asks/ids.js';
import { SETUP_BLOCKS, WELCOME_ACTIONS } from '../slack/setup/ids.js';
import { INPUT } from '../slack/shared/ids.js';
import type { PlaygroundSession } from './session.js';
import type { StoredMessage } from './slack-simulator/index.js';
import { CHANNELS, PEOPLE, type Person } from './world.js';

const hasAction = (message: StoredMessage, actionId: string) =>
  (message.blocks ?? []).some(
    (b: { elements?: { action_id?: string }[]; accessory?: { action_id?: string } }) =>
      [...(b.elements ?? []), b.accessory].some((e) => e?.action_id === actionId),
  );

function messageWith(
  session: PlaygroundSession,
  channelId: string,
  actionId: string,
  text = '',
): StoredMessage {
  const found = session.fake
    .messagesIn(channelId)
    .find((m) => hasAction(m, actionId) && JSON.stringify(m.blocks).includes(text));
  if (!found) throw new Error(`seed: no message in ${channelId} with ${actionId} ${text}`);
  return found;
}

/** Submits the modal `who` has on top, with these values. */
async function fill(
  session: PlaygroundSession,
  who: Person,
  values: Record<string, Record<string, string | string[]>>,
) {
  const top = session.modalsOf(who.id).at(-1);
  if (!top) throw new Error(`seed: no form open for ${who.name}`);
  await session.submit(who.id, top.id, values);
  const left = session.modalsOf(who.id).at(-1);
  if (left)
    throw new Error(`seed: ${left.callback_id} stayed open: ${JSON.stringify(left.blocks).slice(0, 400)}`);
}

async function setUp(
  session: PlaygroundSession,
  channelId: string,
  name: string,
  champion: Person,
  engineer: Person,
) {
  await session.command(PEOPLE.olivia.id, channelId, 'setup');
  await fill(session, PEOPLE.olivia, {
    [SETUP_BLOCKS.accountName]: { [INPUT]: name },
    [SETUP_BLOCKS.backupOwnerId]: { [INPUT]: PEOPLE.evan.id },
    [SETUP_BLOCKS.champion]: { [INPUT]: [champion.id] },
    [SETUP_BLOCKS.technical]: { [INPUT]: [engineer.id] },
    [SETUP_BLOCKS.triageChannelId]: { [INPUT]: CHANNELS.triage.id },
  });
}

async function customerAsks(
  session: PlaygroundSession,
  channelId: string,
  who: Person,
  button: string,
  title: string,
  details?: string,
) {
  const welcome = messageWith(session, channelId, button);
  await session.click(who.id, { channelId, messageTs: welcome.ts }, { action_id: button });
  await fill(session, who, {
    [ASK_BLOCKS.title]: { [INPUT]: title },
    ...(details ? { [ASK_BLOCKS.details]: { [INPUT]: details } } : {}),
  });
}

async function vendorUpdates(
  session: PlaygroundSession,
  channelId: string,
  title: string,
  status: string,
  note: string,
) {
  const card = messageWith(session, channelId, ASK_ACTIONS.update, title);
  await session.click(PEOPLE.evan.id, { channelId, messageTs: card.ts }, { action_id: ASK_ACTIONS.update });
  await fill(session, PEOPLE.evan, {
    [UPDATE_BLOCKS.status]: { [INPUT]: status },
    [UPDATE_BLOCKS.note]: { [INPUT]: note },
  });
}

export async function seed(session: PlaygroundSession): Promise<void> {
  const { northwind, globex } = CHANNELS;
  await session.message(
    PEOPLE.chloe.id,
    northwind.id,
    'Hi Acme team :wave: glad to have a shared channel at last!',
  );
  await setUp(session, northwind.id, 'Northwind Traders', PEOPLE.chloe, PEOPLE.ethan);
  await setUp(session, globex.id, 'Globex', PEOPLE.grace, PEOPLE.gus);

  await customerAsks(
    session,
    northwind.id,
    PEOPLE.chloe,
    WELCOME_ACTIONS.askForHelp,
    'Nightly order sync fails since Tuesday',
  );
  await customerAsks(
    session,
    northwind.id,
    PEOPLE.ethan,
    WELCOME_ACTIONS.suggestImprovement,
    'Export invoices as CSV',
    'Our accountants re-type every invoice into the ledger each month.',
  );
  await customerAsks(
    session,
    northwind.id,
    PEOPLE.chloe,
    WELCOME_ACTIONS.askForHelp,
    'How do we add a second warehouse?',
  );
  await vendorUpdates(
    session,
    northwind.id,
    'Nightly order sync',
    'in_progress',
    'Reproduced: a timeout on large orders. Fix under way.',
  );
  await vendorUpdates(
    session,
    northwind.id,
    'second warehouse',
    'resolved',
    'Settings > Locations > Add; guide sent by mail.',
  );

  await customerAsks(
    session,
    globex.id,
    PEOPLE.grace,
    WELCOME_ACTIONS.askForHelp,
    'SSO login loops for new users',
  );
  await customerAsks(
    session,
    globex.id,
    PEOPLE.gus,
    WELCOME_ACTIONS.suggestImprovement,
    'Webhooks for shipment events',
    'We poll the API every minute to learn that a parcel left.',
  );
  await vendorUpdates(
    session,
    globex.id,
    'SSO login loops',
    'waiting_on_customer',
    'Could you send us your IdP metadata?',
  );
}
