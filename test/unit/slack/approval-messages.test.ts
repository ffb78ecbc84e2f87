import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/actors.js';
import type { Approval } from '../../../src/domain/approvals/approval.js';
import { decideAsActor, tick, withdraw } from '../../../src/domain/approvals/rules.js';
import { blankFollowUp } from '../../../src/domain/follow-ups/plan.js';
import { validateMessage } from '../../../src/playground/slack-simulator/index.js';
import { buildApprovalList } from '../../../src/slack/approvals/approval-list.js';
import { approvalNews } from '../../../src/slack/approvals/approval-news.js';
import { APPROVAL_ACTIONS } from '../../../src/slack/approvals/ids.js';
import { REMINDER_ACTIONS } from '../../../src/slack/reminders/ids.js';
import { buildReminderMessage } from '../../../src/slack/reminders/reminder-message.js';
import { anApproval } from '../../support/approval-fixture.js';
import { hostileText, mrkdwnTexts, PINGS } from '../../support/hostile-text.js';
import { aPartnership } from '../../support/partnership-fixture.js';

const start = anApproval().createdAt;
const at = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
const actor = (userId: string, side: Actor['side'] = 'customer'): Actor => ({ userId, teamId: 'T', side });
const OURS = /<@U[A-Z0-9]+>|<!date\^[^>]*>|<https:\/\/slack\.test\/[^>]*>/g;

/** The approval after `steps`, and the audit entries the last step added. */
function changedBy(approval: Approval, step: (a: Approval) => Approval) {
  const next = step(approval);
  return { approval: next, entries: next.audit.slice(approval.audit.length) };
}
const decided = (
  a: Approval,
  userId: string,
  verdict: 'approved' | 'rejected',
  comment: string | null = null,
) => {
  const r = decideAsActor(a, { actor: actor(userId), verdict, comment }, at(1));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.approval;
};

describe('the news in the card’s thread', () => {
  it('says nothing for a decision that does not settle it: the card shows it', () => {
    const { approval, entries } = changedBy(anApproval(), (a) => decided(a, 'UV1', 'approved'));
    expect(approvalNews(approval, entries)).toBeNull();
  });

  it('tells the requester of a reject with every reason, quoted', () => {
    const { approval, entries } = changedBy(anApproval(), (a) =>
      decided(a, 'UC2', 'rejected', 'No budget\nuntil Q3'),
    );
    expect(approvalNews(approval, entries)).toBe(
      '<@UREQ> *Rejected.* All 3 must approve: 0 so far, 1 reject.\n<@UC2> rejected it:\n> No budget\n> until Q3',
    );
  });

  it('asks the backup by name at escalation, and names who did not decide at expiry', () => {
    const escalation = changedBy(anApproval(), (a) => tick(a, at(18)).approval);
    expect(approvalNews(escalation.approval, escalation.entries)).toMatch(
      /^<@UBACK>, please decide in place of <@UC1>, who has not decided yet\. Due <!date\^/,
    );
    const expiry = changedBy(escalation.approval, (a) => tick(a, at(24)).approval);
    expect(approvalNews(expiry.approval, expiry.entries)).toBe(
      '<@UREQ> *Expired:* no outcome by the due time. All 3 must approve: 0 so far. Not decided: <@UV1>, <@UC1>, <@UC2>.',
    );
  });

  it('tells the undecided approvers that a withdrawn request needs nothing more', () => {
    const first = decided(anApproval(), 'UV1', 'approved');
    const { approval, entries } = changedBy(first, (a) => {
      const r = withdraw(a, anApproval().requester, at(2));
      if (!r.ok) throw new Error('refused');
      return r.value.approval;
    });
    expect(approvalNews(approval, entries)).toBe(
      '*Withdrawn* by <@UREQ>. Nothing more is needed from <@UC1>, <@UC2>.',
    );
  });

  it('never lets a reason ping or mention anyone', () => {
    fc.assert(
      fc.property(hostileText(12), (reason) => {
        const { approval, entries } = changedBy(anApproval(), (a) =>
          decided(a, 'UC2', 'rejected', `x${reason}`.slice(0, 1000)),
        );
        const news = approvalNews(approval, entries) ?? '';
        expect(news.replace(OURS, '')).not.toMatch(PINGS);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the private list of a channel’s approvals', () => {
  it('shows state, progress, due time and who each pending one waits on, backups included', () => {
    const pending = tick(anApproval({ title: 'Go live' }), at(18)).approval;
    const settled = decided(
      anApproval({ id: 'AP2', title: 'Pricing', rule: { kind: 'any' } }),
      'UV1',
      'approved',
    );
    const message = buildApprovalList(
      [
        { approval: pending, permalink: 'https://slack.test/archives/C/p1' },
        { approval: settled, permalink: null },
      ],
      true,
      at(19),
    );
    expect(validateMessage(message)).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('<https://slack.test/archives/C/p1|Go live>');
    expect(text).toContain('waiting on <@UV1>, <@UBACK> (for <@UC1>), <@UC2>');
    expect(text).toContain(':white_check_mark: *Pricing*: Approved');
    expect(text).toContain('Only the latest 10 are shown.');
  });

  it('says so when there is nothing yet', () => {
    expect(buildApprovalList([], false, at(0)).text).toBe(
      'No approvals have been asked for in this channel yet.',
    );
  });
});

describe('a sign-off reminder', () => {
  const item = (approval: Approval, approverId: string, ownerId: string) => {
    const followUp = {
      ...blankFollowUp(
        { type: 'approval', id: `${approval.id}/${approverId}` },
        'P1',
        `approval:${approval.id}/${approverId}`,
        start,
      ),
      ownerId,
      target: 'sign_off' as const,
      dueAt: approval.dueAt,
    };
    return {
      followUp,
      subject: { type: 'approval' as const, approval, approverId },
      partnership: aPartnership(),
      rung: 'owner' as const,
      kind: 'due_soon' as const,
      permalink: 'https://slack.test/archives/C/p9',
    };
  };

  it('offers Approve and Reject, not Snooze or Reassign, and says when a backup stands in', () => {
    const approval = anApproval({ title: 'Go live <!channel>' });
    const message = buildReminderMessage([item(approval, 'UC1', 'UBACK')], at(18));
    expect(validateMessage(message)).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('approval due in 6 h');
    expect(text).toContain('You are asked in place of <@UC1>');
    expect(text).toContain(APPROVAL_ACTIONS.approve);
    expect(text).toContain(APPROVAL_ACTIONS.reject);
    expect(text).not.toContain(REMINDER_ACTIONS.snooze);
    expect(text).not.toContain(REMINDER_ACTIONS.reassign);
    for (const t of mrkdwnTexts(message)) expect(t.replace(OURS, '')).not.toMatch(PINGS);
  });
});
