import { context, type MessageContent, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { COMMAND } from './ids.js';

const USAGE: [string, string][] = [
  ['ask [text]', 'record a help request for the customer'],
  ['idea [text]', 'record an enhancement the customer wants'],
  ['need [text]', 'ask the customer for something: a reference, feedback, missing information'],
  ['link <ref> <other ref>', 'track an enhancement together with the same one asked by another customer'],
  ['list [open|mine|all]', 'list this partnership’s asks, privately'],
  [
    'track <ref> <issue>',
    'link an ask to an existing tracker issue (its address, acme/app#12, OPS-42 or ENG-12)',
  ],
  [
    'tracker [help|enhancement <project> [auto] [labels]]',
    'where this partnership’s asks go: a GitHub repository, a Jira project or a Linear team',
  ],
  [
    'tracker connect|disconnect|mapping|people <tracker>',
    'Slack admins: connect this workspace’s GitHub, Jira or Linear, map its states and its people',
  ],
  ['setup', 'set up this channel as a customer partnership, or edit it'],
  ['connect [account]', 'create a channel for a new customer, invite them by email and register it'],
  ['tags [tags|none]', 'show or set this partnership’s internal tags (tier, plan, region…), privately'],
  ['status', 'show how this channel’s partnership is set up'],
  ['plan', 'show the communication plan privately: who to contact for what, meetings; edit it'],
  ['digest', 'preview the status digest privately, then post it now or edit its schedule'],
  ['approval [title]', 'ask named people on both sides to approve a decision, by a due time'],
  ['people', 'see everyone on both sides of this partnership and edit their roles'],
  ['approvals', 'list this channel’s approvals and who they wait on, privately'],
  ['report [period]', 'value report privately (default: the last 30 days), with a CSV of the asks by DM'],
  [
    'announce',
    'write an announcement to many partnerships (by tags or picked), preview it, send now or later',
  ],
  ['announcements', 'list the latest announcements with what they reached, privately'],
  ['incident', 'list incidents (started with announce) with their status; post an update to every channel'],
  ['webhooks', 'Slack admins: send Rapport’s events to other systems (signed URLs), see deliveries, resend'],
  ['help', 'show this help'],
];

/** Private usage help; `unknown` is the subcommand we did not recognise, if any. */
export function buildHelpMessage(unknown?: string): MessageContent {
  const lines = USAGE.map(([sub, what]) => `• \`${COMMAND} ${sub}\` — ${what}`).join('\n');
  const intro = unknown
    ? `I don’t know \`${safeText(unknown, 40)}\`. Here is what \`${COMMAND}\` can do:`
    : `*Rapport* keeps this customer partnership on track. \`${COMMAND}\` can:`;
  return {
    text: unknown
      ? `Unknown command ${safeText(unknown, 40)}. Try ${COMMAND} help.`
      : `How to use ${COMMAND}`,
    blocks: [
      section(`${intro}\n${lines}`),
      context('Customers in a shared channel can’t use slash commands; they use the buttons Rapport posts.'),
    ],
  };
}
