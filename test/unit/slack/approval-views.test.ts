import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor, Side } from '../../../src/domain/actors.js';
import type { Approval, Decision } from '../../../src/domain/approvals/approval.js';
import type { RequestField } from '../../../src/domain/approvals/rules.js';
import {
  buildStateValues,
  type StateValuesInput,
  validateMessage,
  validateView,
} from '../../../src/playground/slack-simulator/index.js';
import { buildApprovalCard } from '../../../src/slack/approvals/approval-card.js';
import {
  buildApprovalRequestModal,
  buildApproveModal,
  buildRejectModal,
} from '../../../src/slack/approvals/approval-modal.js';
import { APPROVAL_ACTIONS, APPROVAL_BLOCKS, APPROVAL_VIEWS } from '../../../src/slack/approvals/ids.js';
import {
  blockForRequestField,
  parseApprovalRequest,
  parseDecisionComment,
  parseDecisionMetadata,
  requestedUserIds,
} from '../../../src/slack/approvals/parse-approval-submission.js';
import { INPUT } from '../../../src/slack/shared/ids.js';
import { anApproval as baseApproval } from '../../support/approval-fixture.js';
import { hostileText, mrkdwnTexts, PINGS } from '../../support/hostile-text.js';

const B = APPROVAL_BLOCKS;
const NOW = new Date('2026-11-22T12:00:00Z');
const ZONE = 'Europe/Berlin';
const sideOf = (userId: string): Side => (userId.startsWith('UC') ? 'customer' : 'vendor');
const modal = buildApprovalRequestModal({ channelId: 'CSHARED', title: 'Go live', now: NOW, timeZone: ZONE });

function submit(values: StateValuesInput, now = NOW) {
  return parseApprovalRequest(modal.private_metadata ?? '', buildStateValues(modal, values), ZONE, {
    now,
    sideOf,
  });
}
const approvers = { [B.approvers]: { [INPUT]: ['UV1', 'UC1', 'UC2'] } };

describe('the approval request modal', () => {
  it('validates, and reads back with its defaults: all must approve, 3 days ahead at 17:00 Berlin', () => {
    expect(validateView(modal)).toEqual([]);
    expect(modal.callback_id).toBe(APPROVAL_VIEWS.request);
    expect(submit(approvers)).toEqual({
      ok: true,
      channelId: 'CSHARED',
      request: {
        title: 'Go live',
        details: '',
        approvers: [
          { userId: 'UV1', side: 'vendor', backupId: null },
          { userId: 'UC1', side: 'customer', backupId: null },
          { userId: 'UC2', side: 'customer', backupId: null },
        ],
        rule: { kind: 'all' },
        dueAt: new Date('2026-11-25T16:00:00Z'),
      },
    });
  });

  it('reads each rule kind, N, the due instant in the zone and backup pairs', () => {
    const parsed = submit({
      ...approvers,
      [B.details]: { [INPUT]: '  The cut-over plan.  ' },
      [B.rule]: { [INPUT]: 'at_least' },
      [B.atLeast]: { [INPUT]: '2' },
      [B.dueDate]: { [INPUT]: '2026-11-26' },
      [B.dueTime]: { [INPUT]: '17:00' },
      [B.backupFor[0]]: { [INPUT]: 'UC1' },
      [B.backups[0]]: { [INPUT]: 'UC9' },
    });
    expect(parsed).toMatchObject({
      ok: true,
      request: {
        details: 'The cut-over plan.',
        rule: { kind: 'at_least', n: 2 },
        dueAt: new Date('2026-11-26T16:00:00Z'),
        approvers: [{ backupId: null }, { userId: 'UC1', backupId: 'UC9' }, { backupId: null }],
      },
    });
    expect(submit({ ...approvers, [B.rule]: { [INPUT]: 'any' } })).toMatchObject({
      ok: true,
      request: { rule: { kind: 'any' } },
    });
    // Summer time: 17:00 in Berlin is 15:00Z.
    expect(submit({ ...approvers, [B.dueDate]: { [INPUT]: '2027-07-01' } }, NOW)).toMatchObject({
      ok: true,
      request: { dueAt: new Date('2027-07-01T15:00:00Z') },
    });
  });

  it('lists everyone named so the caller can look up their sides', () => {
    const values = buildStateValues(modal, {
      ...approvers,
      [B.backupFor[1]]: { [INPUT]: 'UV1' },
      [B.backups[1]]: { [INPUT]: 'UV7' },
    });
    expect(requestedUserIds(values)).toEqual(['UV1', 'UC1', 'UC2', 'UV7']);
  });

  it('puts form problems on the block concerned', () => {
    expect(submit({})).toEqual({ ok: false, errors: { [B.approvers]: 'Name at least one approver.' } });
    expect(submit({ ...approvers, [B.rule]: { [INPUT]: 'at_least' } })).toEqual({
      ok: false,
      errors: { [B.atLeast]: 'Say how many approvals are needed.' },
    });
    expect(
      submit({ ...approvers, [B.rule]: { [INPUT]: 'at_least' }, [B.atLeast]: { [INPUT]: '4' } }),
    ).toEqual({ ok: false, errors: { [B.atLeast]: 'Ask for between 1 and 3 approvals.' } });
    expect(submit({ ...approvers, [B.dueDate]: { [INPUT]: null }, [B.dueTime]: { [INPUT]: null } })).toEqual({
      ok: false,
      errors: { [B.dueDate]: 'Pick a due date.', [B.dueTime]: 'Pick a due time.' },
    });
    expect(
      submit({ ...approvers, [B.dueDate]: { [INPUT]: '2026-11-22' }, [B.dueTime]: { [INPUT]: '09:00' } }),
    ).toEqual({ ok: false, errors: { [B.dueDate]: 'Pick a due time in the future.' } });
    expect(submit({ ...approvers, [B.title]: { [INPUT]: '   ' } })).toEqual({
      ok: false,
      errors: { [B.title]: 'Say what is being decided.' },
    });
  });

  it('puts backup problems on the row concerned', () => {
    const errorsOf = (values: StateValuesInput) => {
      const parsed = submit({ ...approvers, ...values });
      return parsed.ok === false ? parsed.errors : parsed;
    };
    expect(errorsOf({ [B.backups[1]]: { [INPUT]: 'UV9' } })).toEqual({
      [B.backupFor[1]]: 'Pick whose backup this is, or clear the backup.',
    });
    expect(errorsOf({ [B.backupFor[2]]: { [INPUT]: 'UC1' } })).toEqual({
      [B.backups[2]]: 'Pick the backup, or clear the approver.',
    });
    expect(errorsOf({ [B.backupFor[0]]: { [INPUT]: 'UX1' }, [B.backups[0]]: { [INPUT]: 'UV9' } })).toEqual({
      [B.backupFor[0]]: 'Pick one of the approvers above.',
    });
    expect(errorsOf({ [B.backupFor[0]]: { [INPUT]: 'UC1' }, [B.backups[0]]: { [INPUT]: 'UC2' } })).toEqual({
      [B.backups[0]]: 'This person is an approver already, so cannot also be a backup.',
    });
    expect(
      errorsOf({
        [B.backupFor[0]]: { [INPUT]: 'UC1' },
        [B.backups[0]]: { [INPUT]: 'UC8' },
        [B.backupFor[1]]: { [INPUT]: 'UC1' },
        [B.backups[1]]: { [INPUT]: 'UC9' },
      }),
    ).toEqual({ [B.backupFor[1]]: 'This approver has a backup already.' });
  });

  it('maps every domain field to an input block of the modal', () => {
    const inputs = new Set(modal.blocks.filter((b) => b.type === 'input').map((b) => b.block_id));
    const fields: RequestField[] = ['title', 'details', 'approvers', 'backups', 'rule', 'dueAt'];
    for (const field of fields) expect(inputs, field).toContain(blockForRequestField(field));
  });

  it('refuses metadata or values that are not ours', () => {
    expect(parseApprovalRequest('nope', {}, ZONE, { now: NOW, sideOf })).toEqual({ ok: 'malformed' });
    expect(parseApprovalRequest('{"channelId":"C1"}', 'x', ZONE, { now: NOW, sideOf })).toEqual({
      ok: 'malformed',
    });
  });
});

describe('the reject and approve modals', () => {
  it('require a reason to reject, take an optional comment to approve, and carry the approval id', () => {
    const reject = buildRejectModal('AP1');
    const approve = buildApproveModal('AP1');
    expect(validateView(reject)).toEqual([]);
    expect(validateView(approve)).toEqual([]);
    expect(parseDecisionMetadata(reject.private_metadata ?? '')).toBe('AP1');
    expect(parseDecisionMetadata('{}')).toBeNull();
    expect(reject.blocks[0]).toMatchObject({ block_id: B.reason, optional: false });
    expect(approve.blocks[0]).toMatchObject({ block_id: B.comment, optional: true });
    const reason = buildStateValues(reject, { [B.reason]: { [INPUT]: '  Too risky \n' } });
    expect(parseDecisionComment(reason, B.reason)).toBe('Too risky');
    expect(parseDecisionComment(buildStateValues(approve), B.comment)).toBeNull();
  });
});

const requester: Actor = { userId: 'UV1', teamId: 'TV', side: 'vendor' };
const DUE = new Date('2026-11-25T16:00:00Z');

const anApproval = (overrides: Partial<Approval> = {}) =>
  baseApproval({
    requester,
    approvers: [
      { userId: 'UV1', side: 'vendor', backupId: null },
      { userId: 'UC1', side: 'customer', backupId: 'UC9' },
      { userId: 'UC2', side: 'customer', backupId: null },
    ],
    rule: { kind: 'at_least', n: 2 },
    dueAt: DUE,
    audit: [],
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  });
const decision = (
  approverId: string,
  verdict: Decision['verdict'],
  comment: string | null = null,
): Decision => ({
  approverId,
  by: { userId: approverId, teamId: 'T', side: 'customer' },
  verdict,
  comment,
  at: new Date('2026-11-23T10:00:00Z'),
});
const textOf = (card: { text: string; blocks: unknown[] }) => JSON.stringify(card.blocks);

describe('the approval card', () => {
  it('shows each approver with side and decision, the progress, the due time and the buttons while pending', () => {
    const card = buildApprovalCard(
      anApproval({ decisions: [decision('UV1', 'approved', 'Fine by us')], escalated: ['UC1'] }),
      NOW,
      'Acme Corp',
    );
    expect(validateMessage(card)).toEqual([]);
    expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Go live on 1 June' } });
    const text = textOf(card);
    expect(text).toContain('2 of 3 approvals needed: 1 so far');
    expect(text).toContain('<@UV1> (vendor)\\n:white_check_mark: Approved <!date^');
    expect(text).toContain('“Fine by us”');
    expect(text).toContain('<@UC1> (Acme Corp)');
    expect(text).toContain('Backup <@UC9> asked instead');
    expect(text).toContain('due in 3 d 4 h');
    expect(card.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [
        { action_id: APPROVAL_ACTIONS.approve, style: 'primary', value: 'AP1' },
        { action_id: APPROVAL_ACTIONS.reject, style: 'danger', value: 'AP1' },
        { action_id: APPROVAL_ACTIONS.withdraw, value: 'AP1' },
      ],
    });
    expect(card.text).toContain('Go live on 1 June');
  });

  it('shows the final state with when, and no buttons once settled', () => {
    const settledAt = new Date('2026-11-23T11:00:00Z');
    for (const [state, label] of [
      ['approved', 'Approved'],
      ['rejected', 'Rejected'],
      ['expired', 'Expired'],
      ['withdrawn', 'Withdrawn'],
    ] as const) {
      const card = buildApprovalCard(
        anApproval({ state, settledAt, decisions: [decision('UC2', 'rejected', 'No')] }),
        NOW,
      );
      const text = textOf(card);
      expect(text).toContain(`*${label}`);
      expect(text).toContain(`<!date^${settledAt.getTime() / 1000}^`);
      expect(text).toContain(':x: Rejected');
      expect(text).toContain('1 reject');
      expect(card.blocks.some((b) => b.type === 'actions')).toBe(false);
      expect(card.text).toContain(label);
    }
    expect(textOf(buildApprovalCard(anApproval({ rule: { kind: 'all' } }), NOW))).toContain(
      'All 3 must approve: 0 so far',
    );
    expect(textOf(buildApprovalCard(anApproval({ rule: { kind: 'any' } }), NOW))).toContain(
      'Any one of 3 must approve',
    );
  });

  it('names the backup who decided in an approver’s place', () => {
    const byBackup = {
      ...decision('UC1', 'approved'),
      by: { userId: 'UC9', teamId: 'TC', side: 'customer' as const },
    };
    const card = buildApprovalCard(anApproval({ decisions: [byBackup], escalated: ['UC1'] }), NOW);
    expect(textOf(card)).toContain('Approved by backup <@UC9>');
    expect(textOf(card)).not.toContain('asked instead');
  });
});

const hostile = hostileText(80);
const huge = fc.string({ minLength: 1000, maxLength: 3000 });
const anyText = fc.oneof(hostile, huge, fc.constant('<'.repeat(1000)));

const OURS = /<@U[VC]\d+>|<!date\^\d+\^[^|>]*\|[^>]*>/g;
describe('the approval card, fed hostile or huge text', () => {
  it('with 20 approvers and long comments, never pings anyone and stays within limits (property)', () => {
    const approvers = Array.from({ length: 20 }, (_, i) => ({
      userId: `U${i % 2 ? 'C' : 'V'}${i + 1}`,
      side: (i % 2 ? 'customer' : 'vendor') as 'customer' | 'vendor',
      backupId: null,
    }));
    fc.assert(
      fc.property(
        anyText,
        anyText,
        anyText,
        anyText,
        fc.boolean(),
        (title, details, comment, account, settled) => {
          const approval = anApproval({
            title,
            details,
            approvers,
            decisions: approvers.map((a, i) =>
              decision(a.userId, i % 3 ? 'approved' : 'rejected', comment.slice(0, 1000)),
            ),
            state: settled ? 'rejected' : 'pending',
            settledAt: settled ? NOW : null,
          });
          const card = buildApprovalCard(approval, NOW, account);
          expect(validateMessage(card)).toEqual([]);
          expect(card.blocks.length).toBeLessThanOrEqual(50);
          for (const text of mrkdwnTexts(card)) {
            expect(text.length).toBeLessThanOrEqual(3000);
            expect(text.replace(OURS, '')).not.toMatch(PINGS);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('bounds a pre-filled title and keeps the modal valid', () => {
    const view = buildApprovalRequestModal({
      channelId: 'C1',
      title: 'x'.repeat(400),
      now: NOW,
      timeZone: ZONE,
    });
    expect(validateView(view)).toEqual([]);
  });
});
