import { describe, expect, it } from 'vitest';
import type { Audience } from '../../../../src/domain/announcements/announcement.js';
import {
  selectAudience,
  unknownChannels,
  unknownTags,
} from '../../../../src/domain/announcements/select-audience.js';
import { checkTags, parseTags } from '../../../../src/domain/partnerships/partnership-tags.js';
import { anAudience } from '../../../support/announcement-fixture.js';
import { aPartnership } from '../../../support/partnership-fixture.js';

const acme = aPartnership({ accountName: 'Acme', tags: ['enterprise', 'eu'] });
const globex = aPartnership({ accountName: 'Globex', tags: ['smb', 'eu'] });
const initech = aPartnership({ accountName: 'Initech', tags: [] });
const all = [acme, globex, initech];
const audience = anAudience;
const names = (over: Partial<Audience>) => selectAudience(all, audience(over)).map((p) => p.accountName);

describe('announcement audiences', () => {
  it('reaches every partnership, those with any of the tags, or the picked channels', () => {
    expect(names({})).toEqual(['Acme', 'Globex', 'Initech']);
    expect(names({ kind: 'tags', tags: ['enterprise', 'smb'] })).toEqual(['Acme', 'Globex']);
    expect(names({ kind: 'picked', channelIds: [initech.channelId] })).toEqual(['Initech']);
  });

  it('leaves out whoever has an excluded tag, whatever the kind', () => {
    expect(names({ excludedTags: ['eu'] })).toEqual(['Initech']);
    expect(names({ kind: 'tags', tags: ['eu'], excludedTags: ['smb'] })).toEqual(['Acme']);
    expect(names({ kind: 'picked', channelIds: [acme.channelId], excludedTags: ['enterprise'] })).toEqual([]);
  });

  it('with "all", reaches only partnerships that have every tag given', () => {
    expect(names({ kind: 'tags', tags: ['eu', 'smb'], tagMatch: 'all' })).toEqual(['Globex']);
    expect(names({ kind: 'tags', tags: ['eu'], tagMatch: 'all' })).toEqual(['Acme', 'Globex']);
    expect(names({ kind: 'tags', tags: ['enterprise', 'smb'], tagMatch: 'all' })).toEqual([]);
  });

  it('leaves out single partnerships by their channel, whatever the kind', () => {
    expect(names({ excludedChannelIds: [globex.channelId] })).toEqual(['Acme', 'Initech']);
    expect(names({ kind: 'tags', tags: ['eu'], excludedChannelIds: [acme.channelId] })).toEqual(['Globex']);
  });

  it('names tags and channels that match nothing', () => {
    expect(unknownTags(all, ['eu', 'enterprize'])).toEqual(['enterprize']);
    expect(unknownChannels(all, [acme.channelId, 'CNOPE'])).toEqual(['CNOPE']);
  });
});

describe('tags', () => {
  it('are normalised: lower-case, each once, sorted', () => {
    expect(parseTags(' Enterprise, eu  EU,beta ')).toEqual(['beta', 'enterprise', 'eu']);
    expect(parseTags('')).toEqual([]);
  });

  it('are refused when odd, too long or too many', () => {
    expect(checkTags(['eu-west', 'tier:1'])).toBeNull();
    expect(checkTags(['bad!'])).toContain('single words');
    expect(checkTags(['x'.repeat(31)])).toBe('Keep each tag to 30 characters.');
    expect(checkTags(Array.from({ length: 21 }, (_, i) => `t${i}`))).toBe(
      'Use at most 20 tags (there are 21).',
    );
  });
});
