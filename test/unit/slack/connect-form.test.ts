import { describe, expect, it } from 'vitest';
import {
  buildStateValues,
  type StateValuesInput,
  validateView,
} from '../../../src/playground/slack-simulator/index.js';
import {
  channelNameFromAccount,
  checkChannelName,
  normaliseChannelName,
} from '../../../src/slack/connect/channel-name.js';
import { buildConnectModal } from '../../../src/slack/connect/connect-modal.js';
import { CONNECT_BLOCKS, CONNECT_VIEWS } from '../../../src/slack/connect/ids.js';
import {
  describeEmailProblem,
  MAX_INVITES,
  parseConnectSubmission,
  parseEmailList,
} from '../../../src/slack/connect/parse-connect-submission.js';
import { INPUT } from '../../../src/slack/shared/ids.js';

const C = CONNECT_BLOCKS;
const metadata = { responseUrl: 'https://hooks.slack.com/commands/T1/1/abc', originChannelId: 'D0ALICE' };
const modal = buildConnectModal({ metadata, accountName: ' Acme Corp ', ownerId: 'UALICE' });
const submit = (values: StateValuesInput, view = modal) =>
  parseConnectSubmission(view.private_metadata ?? '', buildStateValues(view, values));
const emails = (text: string) => ({ [C.emails]: { [INPUT]: text } });
type Block = { block_id?: string; element?: Record<string, unknown> };
const elementOf = (blockId: string) =>
  (modal.blocks as Block[]).find((b) => b.block_id === blockId)?.element ?? {};

describe('channel names', () => {
  it('normalises what people type the way Slack does: no #, lower case, spaces to hyphens', () => {
    expect(normaliseChannelName('  #Acme Corp  ')).toBe('acme-corp');
    expect(normaliseChannelName('ext_ACME')).toBe('ext_acme');
  });

  it('makes a name from the account name, or nothing when no letter or digit is left', () => {
    expect(channelNameFromAccount('Acme Corp')).toBe('acme-corp');
    expect(channelNameFromAccount('Überfirma GmbH & Co. KG')).toBe('uberfirma-gmbh-co-kg');
    expect(channelNameFromAccount('  --42 Labs!!  ')).toBe('42-labs');
    expect(channelNameFromAccount('日本')).toBe('');
    const long = channelNameFromAccount(`${'a'.repeat(79)} b`);
    expect(long).toBe('a'.repeat(79));
  });

  it('refuses names Slack refuses, with the reason', () => {
    expect(checkChannelName('acme-corp_2')).toBeNull();
    expect(checkChannelName('')).toBe('Give the channel a name.');
    expect(checkChannelName('a'.repeat(81))).toContain('at most 80 characters (this one has 81)');
    expect(checkChannelName('acme.corp!')).toBe(
      'Channel names can only use lower-case letters (a–z), digits, hyphens and underscores, not “.” “!”.',
    );
    expect(checkChannelName('---')).toBe('A channel name needs at least one letter or digit.');
    expect(checkChannelName('a'.repeat(80))).toBeNull();
  });
});

describe('email lists', () => {
  it('reads one per line or comma/semicolon separated, drops duplicates (any case) and mailto/<>', () => {
    expect(
      parseEmailList('carol@acme.example\nDave@Acme.example, carol@ACME.example;<erin@acme.example>\n\n'),
    ).toEqual({ valid: ['carol@acme.example', 'Dave@Acme.example', 'erin@acme.example'], invalid: [] });
    expect(parseEmailList('mailto:x@y.io').valid).toEqual(['x@y.io']);
  });

  it('names the entries that are not addresses', () => {
    const list = parseEmailList('ok@acme.example, carol@, @acme.example, dave@acme, a b@c.d');
    expect(list.invalid).toEqual(['carol@', '@acme.example', 'dave@acme', 'a', 'b@c.d']);
    expect(describeEmailProblem(list)).toBe(
      'Not email addresses: “carol@”, “@acme.example”, “dave@acme” and 2 more. ' +
        'Write one address per line, such as name@customer.com.',
    );
    expect(describeEmailProblem(parseEmailList('x'))).toMatch(/^Not an email address: “x”\./);
  });

  it(`needs at least one and at most ${MAX_INVITES}`, () => {
    expect(describeEmailProblem(parseEmailList(' \n '))).toBe(
      'List at least one email address at the customer to invite.',
    );
    const many = Array.from({ length: MAX_INVITES + 1 }, (_, i) => `p${i}@acme.example`).join('\n');
    expect(describeEmailProblem(parseEmailList(many))).toContain(
      'at most 20 people at a time (there are 21)',
    );
    expect(describeEmailProblem(parseEmailList(many.split('\n').slice(1).join('\n')))).toBeNull();
  });

  it('refuses an address longer than the standards allow', () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(190)}.example`;
    expect(parseEmailList(long).invalid).toEqual([long]);
  });
});

describe('the connect modal', () => {
  it('is valid Block Kit, pre-filled from the command text and the person running it', () => {
    expect(validateView(modal)).toEqual([]);
    expect(modal.callback_id).toBe(CONNECT_VIEWS.create);
    expect(elementOf(C.accountName).initial_value).toBe('Acme Corp');
    expect(elementOf(C.channelName).initial_value).toBe('acme-corp');
    expect(elementOf(C.ownerId).initial_user).toBe('UALICE');
    expect(elementOf(C.isPrivate).initial_options).toBeUndefined(); // public by default
    expect(JSON.parse(modal.private_metadata ?? '')).toEqual(metadata);
  });

  it('opens empty without command text', () => {
    const bare = buildConnectModal({ metadata, accountName: '', ownerId: 'UALICE' });
    expect(validateView(bare)).toEqual([]);
    const names = (bare.blocks as Block[]).filter(
      (b) => b.block_id === C.accountName || b.block_id === C.channelName,
    );
    for (const b of names) expect(b.element?.initial_value).toBeUndefined();
  });

  it('reads a valid submission: defaults, private checkbox, cleaned emails', () => {
    expect(submit(emails('carol@acme.example, dave@acme.example'))).toEqual({
      ok: true,
      metadata,
      request: {
        accountName: 'Acme Corp',
        channelName: 'acme-corp',
        isPrivate: false,
        emails: ['carol@acme.example', 'dave@acme.example'],
        ownerId: 'UALICE',
      },
    });
    const chosen = submit({
      ...emails('carol@acme.example'),
      [C.channelName]: { [INPUT]: '#Ext Acme' },
      [C.isPrivate]: { [INPUT]: ['private'] },
      [C.ownerId]: { [INPUT]: 'UBOB' },
    });
    expect(chosen).toMatchObject({
      ok: true,
      request: { channelName: 'ext-acme', isPrivate: true, ownerId: 'UBOB' },
    });
  });

  it('derives the channel name from the account name when it is left empty', () => {
    const parsed = submit({
      ...emails('carol@acme.example'),
      [C.accountName]: { [INPUT]: 'Globex Inc.' },
      [C.channelName]: { [INPUT]: null },
    });
    expect(parsed).toMatchObject({ ok: true, request: { channelName: 'globex-inc' } });
    const unusable = submit({
      ...emails('carol@acme.example'),
      [C.accountName]: { [INPUT]: '日本' },
      [C.channelName]: { [INPUT]: null },
    });
    expect(unusable).toMatchObject({
      ok: false,
      errors: { [C.channelName]: expect.stringContaining('type one') },
    });
  });

  it('gives every problem at once, on its field, with the owner handed back for its side check', () => {
    const parsed = submit({
      [C.accountName]: { [INPUT]: '   ' },
      [C.channelName]: { [INPUT]: 'Acme/Corp' },
      ...emails('carol@, dave@acme.example'),
    });
    expect(parsed).toEqual({
      ok: false,
      ownerId: 'UALICE',
      errors: {
        [C.accountName]: 'Give the customer account a name.',
        [C.channelName]:
          'Channel names can only use lower-case letters (a–z), digits, hyphens and underscores, not “/”.',
        [C.emails]: 'Not an email address: “carol@”. Write one address per line, such as name@customer.com.',
      },
    });
    expect(submit({ ...emails('a@b.co'), [C.ownerId]: { [INPUT]: null } })).toMatchObject({
      ok: false,
      ownerId: null,
      errors: { [C.ownerId]: 'Choose who owns this partnership.' },
    });
  });

  it('calls a form it did not build malformed', () => {
    expect(parseConnectSubmission('not json', {})).toEqual({ ok: 'malformed' });
    expect(parseConnectSubmission(JSON.stringify({ responseUrl: 'javascript:x' }), {})).toEqual({
      ok: 'malformed',
    });
  });
});
