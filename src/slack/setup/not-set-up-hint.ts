import { COMMAND } from '../commands/ids.js';
import { type MessageContent, section } from '../shared/blocks.js';

export function buildNotSetUpHint(): MessageContent {
  const text =
    `This channel isn’t a Rapport partnership yet. Someone at your company can run \`${COMMAND} setup\` ` +
    'here to connect it to a customer account.';
  return { text, blocks: [section(text)] };
}

export function buildNotInChannelHint(): MessageContent {
  const text = `Run \`${COMMAND}\` in the channel you share with the customer, not in a direct message.`;
  return { text, blocks: [section(text)] };
}
