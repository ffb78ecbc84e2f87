import cronstrue from 'cronstrue';
import type { DigestSchedule } from '../../domain/digests/digest-schedule.js';
import type { Partnership } from '../../domain/partnerships/partnership.js';
import { PLAN_PURPOSES, type PlanPurpose, type PlanSlot } from '../../domain/plan/communication-plan.js';
import { planOf } from '../../domain/plan/default-plan.js';
import { context, header, type MessageContent, plain, section } from '../shared/blocks.js';
import { slackDate } from '../shared/describe-due.js';
import { describeDuration, describeResponseTargets } from '../shared/describe-duration.js';
import { describeHours } from '../shared/describe-hours.js';
import { escapeText, safeText, truncate } from '../shared/escape.js';
import { PLAN_ACTIONS } from './ids.js';

export const PURPOSE_LABELS: Record<PlanPurpose, string> = {
  technical: 'Technical questions',
  billing: 'Billing and contracts',
  escalation: 'Escalations',
  executive: 'Executive sponsors',
};

/** Where the plan is shown: pinned in the shared channel, or privately to whoever ran `/rapport plan`. */
export type PlanAudience = 'channel' | 'preview';

const NOBODY = '_not named yet_';
const NOT_AGREED = '_not agreed yet_';

/**
 * The communication plan: who to contact for what on each side, meetings, the digest schedule,
 * hours and response targets, and what is shared. Both organisations read it, so it shows only what
 * is promised to the customer: never the escalation ladder (who is reminded, after how many reminders),
 * the triage channel or internal notes. The "escalations" contact is just a person to talk to.
 */
export function buildPlanMessage(p: Partnership, audience: PlanAudience): MessageContent {
  const { content, saved } = planOf(p);
  const account = safeText(p.accountName, 120);
  const slot = (s: PlanSlot) =>
    `our team: ${s.vendor ? `<@${s.vendor}>` : NOBODY} · ${account}: ${s.customer ? `<@${s.customer}>` : NOBODY}`;
  const contacts = PLAN_PURPOSES.map(
    (purpose) => `*${PURPOSE_LABELS[purpose]}* — ${slot(content.contacts[purpose])}`,
  );
  const cadence = content.meetingCadence ? safeText(content.meetingCadence, 400) : NOT_AGREED;
  const shared = content.shared ? safeText(content.shared, 2800) : NOT_AGREED;
  const { sla } = p;
  return {
    text: `Communication plan for ${account}: who to contact for what, meetings and response times.`,
    blocks: [
      header(`Communication plan: ${truncate(p.accountName, 120)}`),
      section(`*Who to contact*\n${contacts.join('\n')}`),
      section(
        `*Meetings:* ${cadence}\n` +
          `*Status digest:* ${describeDigest(p.digest)}\n` +
          `*We answer during:* ${describeHours(p.businessHours, p.timeZone)}`,
      ),
      section(
        `*Response targets:* we aim to answer ${describeResponseTargets(sla.firstResponse)}. ` +
          `While a request is open, its owner posts an update at least every ${describeDuration(sla.updateEvery)}; ` +
          `help requests are resolved within ${describeDuration(sla.resolution)}. ` +
          'Business time: the clock runs in the hours above and stops while we wait on you.',
      ),
      section(`*What we share:*\n${shared}`),
      context(footer(saved, audience)),
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: PLAN_ACTIONS.edit, text: plain('Edit plan'), value: p.id }],
      },
    ],
  };
}

function footer(saved: { updatedBy: string; updatedAt: Date } | null, audience: PlanAudience): string {
  const changed = saved ? `Last changed by <@${saved.updatedBy}> ${slackDate(saved.updatedAt)}. ` : '';
  if (audience === 'channel') {
    return `${changed}People at our company can change it with *Edit plan*; if something here should change, say so in this channel.`;
  }
  return saved
    ? `${changed}It is pinned in this channel for both sides; *Edit plan* changes it there.`
    : 'Not agreed yet: suggested from this channel’s setup. *Edit plan* to agree it; saving pins it in this channel for both sides.';
}

/**
 * The schedule in words ('At 09:00, only on Monday (Europe/Berlin)'). Unlike the setup form's
 * preview it names no upcoming dates: a pinned message is not re-rendered as they pass.
 */
function describeDigest(schedule: DigestSchedule | null): string {
  if (schedule === null) return 'none on a schedule; we post one when there is news';
  let words: string;
  try {
    words = cronstrue.toString(schedule.cron, { use24HourTimeFormat: true, verbose: false });
  } catch {
    words = `on the schedule “${schedule.cron}”`;
  }
  return escapeText(`${words} (${schedule.timeZone}), in this channel`);
}
