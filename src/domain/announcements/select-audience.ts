import type { Partnership } from '../partnerships/partnership.js';
import type { Audience } from './announcement.js';

/** The partnerships `audience` reaches, in the order given (by account name from the store). */
export function selectAudience(partnerships: Partnership[], audience: Audience): Partnership[] {
  const hasAny = (p: Partnership, tags: string[]) => p.tags.some((t) => tags.includes(t));
  const hasAll = (p: Partnership, tags: string[]) => tags.every((t) => p.tags.includes(t));
  const picked = new Set(audience.channelIds);
  const excluded = new Set(audience.excludedChannelIds);
  return partnerships.filter((p) => {
    if (hasAny(p, audience.excludedTags) || excluded.has(p.channelId)) return false;
    if (audience.kind === 'tags') {
      return audience.tagMatch === 'all' ? hasAll(p, audience.tags) : hasAny(p, audience.tags);
    }
    if (audience.kind === 'picked') return picked.has(p.channelId);
    return true;
  });
}

/** Channels of `wanted` that are no partnership's. */
export function unknownChannels(partnerships: Partnership[], wanted: string[]): string[] {
  const known = new Set(partnerships.map((p) => p.channelId));
  return wanted.filter((c) => !known.has(c));
}

/** Tags of `wanted` that no partnership has: most likely a typo, refused rather than silently ignored. */
export function unknownTags(partnerships: Partnership[], wanted: string[]): string[] {
  const known = new Set(partnerships.flatMap((p) => p.tags));
  return wanted.filter((t) => !known.has(t));
}
