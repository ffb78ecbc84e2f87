import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../../src/playground/slack-simulator/index.js';
import {
  buildConnectInterruptedMessage,
  buildConnectReport,
  buildCreationRefusedMessage,
} from '../../../src/slack/connect/connect-report.js';
import type { ConnectOutcome } from '../../../src/slack/connect/finish-connecting.js';
import { EXPLANATIONS, explainRefusal } from '../../../src/slack/connect/slack-refusals.js';
import { hostileText, mrkdwnTexts, PINGS } from '../../support/hostile-text.js';

const channel = { id: 'C0NEW0001', name: 'acme-corp', isPrivate: false };
const outcome = (over: Partial<ConnectOutcome> = {}): ConnectOutcome => ({
  accountName: 'Acme Corp',
  channel,
  ownerId: 'UALICE',
  members: { ok: true },
  registration: { ok: true, refPrefix: 'ACME' },
  welcome: { ok: true },
  invites: [
    { email: 'carol@acme.example', ok: true, inviteId: 'I1' },
    { email: 'dave@acme.example', ok: false, refusal: explainRefusal('restricted_action', '') },
    { email: 'erin@acme.example', ok: true, inviteId: 'I3' },
  ],
  ...over,
});
const json = (m: unknown) => JSON.stringify(m);
/** Our own mentions of the channel and the owner. */
const OURS = /<#C0NEW0001>|<@UALICE>/g;

describe('the connect report', () => {
  it('lists each invitation: sent ones, and refused ones with the reason and the admin action', () => {
    const report = buildConnectReport(outcome());
    expect(validateMessage(report)).toEqual([]);
    expect(report.text).toBe('Acme Corp: #acme-corp created and registered; 2 of 3 invitations sent.');
    const all = json(report.blocks);
    expect(all).toContain('*Acme Corp* is connected');
    expect(all).toContain('<#C0NEW0001>');
    expect(all).toContain('ACME-1');
    expect(all).toContain('Invitations sent (2 of 3):*\\n• carol@acme.example\\n• erin@acme.example');
    expect(all).toContain('Not sent (1):*\\n• dave@acme.example\\nA workspace setting does not allow');
    expect(all).toContain('(Slack: `restricted_action`)');
    expect(all).toContain('*What to change:* A Slack admin allows apps to create channels and to send');
    expect(all).toContain('invite the others from the channel’s settings');
    expect(all).toContain('/rapport setup');
    expect(all).toContain('posted and pinned');
  });

  it('says exactly what exists when registration or the welcome failed', () => {
    const unregistered = buildConnectReport(
      outcome({
        registration: { ok: false, reason: 'Something went wrong (reference E-1).' },
        welcome: null,
      }),
    );
    expect(validateMessage(unregistered)).toEqual([]);
    expect(unregistered.text).toContain('created but not registered');
    expect(json(unregistered.blocks)).toContain('*not registered* as a partnership');
    expect(json(unregistered.blocks)).toContain('Run `/rapport setup` in <#C0NEW0001> to register it.');
    expect(json(unregistered.blocks)).not.toContain('welcome');

    const unwelcomed = buildConnectReport(outcome({ welcome: { ok: false, reason: 'Slack said no.' } }));
    expect(json(unwelcomed.blocks)).toContain('The welcome message is not posted: Slack said no.');
    const alone = buildConnectReport(outcome({ members: { ok: false, reason: 'Not allowed.' } }));
    expect(json(alone.blocks)).toContain(
      'I couldn’t add you and the owner <@UALICE> to <#C0NEW0001>: Not allowed.',
    );
  });

  it('stays within Block Kit limits with 20 of the longest addresses, each refused differently', () => {
    const codes = Object.keys(EXPLANATIONS);
    const invites = Array.from({ length: 20 }, (_, i) => ({
      email: `${String(i).padStart(2, '0')}${'x'.repeat(62)}@${'d'.repeat(180)}.example`,
      ok: false as const,
      refusal: explainRefusal(codes[i % codes.length] ?? 'x', 'conversations.connect:write'),
    }));
    const report = buildConnectReport(outcome({ invites, members: { ok: false, reason: 'r'.repeat(2000) } }));
    expect(validateMessage(report)).toEqual([]);
    const allSent = buildConnectReport(
      outcome({ invites: invites.map((i) => ({ email: i.email, ok: true as const, inviteId: null })) }),
    );
    expect(validateMessage(allSent)).toEqual([]);
  });

  it('never lets account names, addresses or Slack codes ping, mention or link', () => {
    fc.assert(
      fc.property(hostileText(10), hostileText(6), (name, text) => {
        const report = buildConnectReport(
          outcome({
            accountName: name,
            invites: [{ email: text, ok: false, refusal: explainRefusal(text, text) }],
            registration: { ok: false, reason: text },
            welcome: { ok: false, reason: text },
          }),
        );
        expect(validateMessage(report)).toEqual([]);
        for (const t of mrkdwnTexts(report)) expect(t.replace(OURS, '')).not.toMatch(PINGS);
      }),
    );
  });

  it('tells a refused creation and an interrupted run in words', () => {
    const refused = buildCreationRefusedMessage('acme-corp', explainRefusal('not_paid', ''));
    expect(validateMessage(refused)).toEqual([]);
    expect(json(refused.blocks)).toContain('nothing was registered and no invitations were sent');
    expect(json(refused.blocks)).toContain('upgrades to a paid plan');
    const interrupted = buildConnectInterruptedMessage(channel, 'E-ABC123');
    expect(validateMessage(interrupted)).toEqual([]);
    expect(interrupted.text).toContain('E-ABC123');
    expect(json(interrupted.blocks)).toContain('run `/rapport setup` in <#C0NEW0001>');
  });
});
