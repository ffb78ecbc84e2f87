import { describe, expect, it } from 'vitest';
import { recordReminder, tick } from '../../../src/domain/approvals/rules.js';
import {
  fromApprovalDocument,
  toApprovalDocument,
} from '../../../src/store/repositories/approval-repository.js';
import { anApproval } from '../../support/approval-fixture.js';

const approval = anApproval({
  approvers: [{ userId: 'UC1', side: 'customer', backupId: 'UBACK' }],
});
const escalated = tick(approval, new Date(approval.dueAt.getTime() - 60_000)).approval;
const reminded = recordReminder(escalated, 'UC1', ['UC1', 'UBACK'], escalated.updatedAt).approval;

describe('the audit trail in the stored approval document', () => {
  it('maps both ways, the people reminded or asked as ids', () => {
    const doc = toApprovalDocument(reminded);
    expect(doc.audit.slice(1).map((e) => [e.action, e.note, e.to])).toEqual([
      ['escalated', null, ['UBACK']],
      ['reminded', null, ['UC1', 'UBACK']],
    ]);
    expect(fromApprovalDocument(doc)).toEqual(reminded);
  });

  it('reads reminders and escalations stored as mentions in the note as ids, other notes as written', () => {
    const doc = toApprovalDocument(reminded);
    const [requested, escalation, reminder] = doc.audit.map(({ to: _to, ...older }) => older);
    const older = {
      ...doc,
      audit: [
        { ...requested, note: 'to <@UC9>' },
        { ...escalation, note: 'to <@UBACK>' },
        { ...reminder, note: 'to <@UC1>, <@UBACK>' },
      ],
    } as typeof doc;
    expect(fromApprovalDocument(older).audit.map((e) => [e.action, e.note, e.to])).toEqual([
      ['requested', 'to <@UC9>', []],
      ['escalated', null, ['UBACK']],
      ['reminded', null, ['UC1', 'UBACK']],
    ]);
  });
});
