import type { Partnership } from '../../domain/partnerships/partnership.js';
import type { Departure } from '../../domain/stakeholders/relationship-risks.js';
import { ROLE_LABELS } from '../setup/partnership-summary.js';
import { context, type MessageContent, section } from '../shared/blocks.js';
import { slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';

const NEXT_STEPS: Record<string, string> = {
  champion:
    'Find out who now speaks for the customer in this partnership: ask the people below, or your executive sponsor, and record the new champion with `/rapport people`.',
  executive_sponsor:
    'Ask your champion who sponsors the partnership now, and plan an introduction from your own executive before the next renewal talk.',
  technical:
    'Ask your champion who takes over technical questions, and check the open asks this person raised.',
  billing: 'Confirm who receives invoices now, before the next one goes out.',
  end_user: 'Check with your champion whether someone else needs access or onboarding.',
  other: 'Check with your champion who takes over, and update roles with `/rapport people`.',
};

/** Someone's role in words: a standard one, or the vendor's own label. */
export function describeRole(d: Pick<Departure, 'role' | 'customRole'>): string {
  if (d.role) return ROLE_LABELS[d.role];
  return d.customRole ? safeText(d.customRole, 60) : 'Contact';
}

/**
 * One departure on one line, for the owner's eyes (Home, internal digest): risk, role, who, when.
 * `left` words a departure from the channel where the line has room for more or fewer of them.
 */
export function describeDeparture(d: Departure, left: string): string {
  const risk = d.highRisk ? ':rotating_light: *High risk:* ' : '';
  const how = d.reason === 'left' ? left : 'was deactivated';
  return `${risk}${describeRole(d)} <@${d.userId}> ${how} ${slackDate(d.goneAt)}`;
}

/**
 * The owner's private alert when a listed customer contact leaves the shared channel or is deactivated:
 * who, in which role, how serious, and what to do next. Sent only by DM, never in a shared channel.
 */
export function buildDepartureAlert(
  d: Departure,
  p: Partnership,
  stillActive: readonly string[],
): MessageContent {
  const account = safeText(p.accountName, 80);
  const role = describeRole(d);
  const how = d.reason === 'left' ? `left <#${p.channelId}>` : 'had their Slack account deactivated';
  const headline = `${d.highRisk ? ':rotating_light: *High risk:* ' : ':wave: '}<@${d.userId}> (${role} at ${account}) ${how}.`;
  const others =
    stillActive.length > 0
      ? `People at ${account} still active here: ${stillActive
          .slice(0, 5)
          .map((id) => `<@${id}>`)
          .join(', ')}.`
      : `Nobody else at ${account} has been active here in the last 30 days.`;
  const next = NEXT_STEPS[d.role ?? 'other'] ?? (NEXT_STEPS.other as string);
  return {
    text: `${d.highRisk ? 'High risk: ' : ''}${role} at ${account} ${d.reason === 'left' ? 'left the shared channel' : 'was deactivated'}`,
    blocks: [
      section(headline),
      section(`*Suggested next step:* ${next}\n${others}`),
      context('Only you see this.'),
    ],
  };
}
