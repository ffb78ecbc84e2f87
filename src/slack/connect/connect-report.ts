import type { KnownBlock } from '@slack/types';
import { COMMAND } from '../commands/ids.js';
import { context, type MessageContent, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import type { ConnectOutcome } from './finish-connecting.js';
import type { InviteResult } from './send-invites.js';
import type { Refusal } from './slack-refusals.js';

/** Addresses are at most 254 characters; 80 keeps a list of 20 well inside a 3,000-character section. */
const EMAIL_SHOWN = 80;
const bullet = (email: string) => `• ${safeText(email, EMAIL_SHOWN)}`;

/** A Slack refusal as the person reads it: what happened, what to change, and Slack's code to look up. */
export function describeRefusal(refusal: Refusal): string {
  return `${safeText(refusal.what, 600)}\n*What to change:* ${safeText(refusal.fix, 600)} (Slack: \`${safeText(refusal.code, 60)}\`)`;
}

/** The private report after `/rapport connect`: what exists, each invitation's fate, and what to do next. */
export function buildConnectReport(outcome: ConnectOutcome): MessageContent {
  const { channel, registration, welcome, invites, members } = outcome;
  const account = safeText(outcome.accountName, 120);
  const here = `<#${channel.id}>`;
  const kind = channel.isPrivate ? 'private channel' : 'channel';
  const sent = invites.filter((i) => i.ok);
  const blocks: KnownBlock[] = [
    section(
      registration.ok
        ? `:white_check_mark: *${account}* is connected: I created the ${kind} ${here} and registered it as a ` +
            `partnership. Requests will be numbered ${registration.refPrefix}-1, ${registration.refPrefix}-2, …`
        : `:warning: I created the ${kind} ${here} for *${account}*, but it is *not registered* as a partnership: ` +
            `${safeText(registration.reason, 1000)}\nRun \`${COMMAND} setup\` in ${here} to register it.`,
    ),
  ];
  if (!members.ok) {
    blocks.push(
      section(
        `:warning: I couldn’t add you and the owner <@${outcome.ownerId}> to ${here}: ${safeText(members.reason, 1000)}`,
      ),
    );
  }
  if (welcome?.ok === true) blocks.push(section('The welcome message is posted and pinned in the channel.'));
  if (welcome?.ok === false) {
    blocks.push(
      section(
        `:warning: The welcome message is not posted: ${safeText(welcome.reason, 1000)} ` +
          `Run \`${COMMAND} setup\` in ${here} and save to post it.`,
      ),
    );
  }
  if (sent.length > 0) {
    blocks.push(
      section(
        `*Invitations sent (${sent.length} of ${invites.length}):*\n${sent.map((i) => bullet(i.email)).join('\n')}`,
      ),
    );
  }
  for (const refused of refusalsByCode(invites).values()) {
    const first = refused[0]?.refusal as Refusal;
    blocks.push(
      section(
        `:x: *Not sent (${refused.length}):*\n${refused.map((i) => bullet(i.email)).join('\n')}\n` +
          describeRefusal(first),
      ),
    );
  }
  blocks.push(context(nextSteps(here, invites.length - sent.length)));
  const summary = registration.ok ? 'created and registered' : 'created but not registered';
  return {
    text: `${account}: #${channel.name} ${summary}; ${sent.length} of ${invites.length} invitations sent.`,
    blocks,
  };
}

/** When Slack refused to create the channel after the form had closed (a slow answer). */
export function buildCreationRefusedMessage(channelName: string, refusal: Refusal): MessageContent {
  const text =
    `:x: I couldn’t create #${safeText(channelName, 80)}, so nothing was registered and no invitations were sent.\n` +
    `${describeRefusal(refusal)}\nRun \`${COMMAND} connect\` again once it is fixed.`;
  return {
    text: `I couldn’t create #${channelName}: nothing was registered or sent.`,
    blocks: [section(text)],
  };
}

/** When something unexpected stopped the work after the channel was created: say what exists. */
export function buildConnectInterruptedMessage(
  channel: { id: string; name: string },
  ref: string,
): MessageContent {
  const here = `<#${channel.id}>`;
  const text =
    `:warning: I created ${here}, but something went wrong on our side before I finished (reference ${ref}). ` +
    `The partnership may not be registered and some invitations may not be sent: run \`${COMMAND} setup\` in ` +
    `${here} to register it, and check its pending invitations in the channel’s settings.`;
  return {
    text: `#${channel.name} was created, but connecting it did not finish (reference ${ref}).`,
    blocks: [section(text)],
  };
}

type Refused = Extract<InviteResult, { ok: false }>;

function refusalsByCode(invites: InviteResult[]): Map<string, Refused[]> {
  const groups = new Map<string, Refused[]>();
  for (const invite of invites) {
    if (invite.ok) continue;
    groups.set(invite.refusal.code, [...(groups.get(invite.refusal.code) ?? []), invite]);
  }
  return groups;
}

function nextSteps(here: string, refused: number): string {
  const retry =
    refused > 0
      ? ' Once the problem above is fixed, invite the others from the channel’s settings (Add people).'
      : '';
  return (
    'Each invitation waits until the person accepts it, and an admin on either side may have to approve the ' +
    `connection first.${retry} When the customer has joined, run \`${COMMAND} setup\` in ${here} to add their ` +
    'contacts, your working hours and an internal triage channel.'
  );
}
