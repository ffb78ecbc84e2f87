/** Slack's rules for channel names: at most 80 characters, lower-case letters, digits, '-' and '_'. */
export const CHANNEL_NAME_MAX = 80;

/**
 * What people type, the way Slack's own "create channel" box treats it: surrounding spaces and a
 * leading '#' dropped, upper case lowered, spaces turned into hyphens. Everything else is checked.
 */
export function normaliseChannelName(typed: string): string {
  return typed.trim().replace(/^#+/, '').toLowerCase().replace(/\s+/g, '-');
}

/** 'Acme Corp' -> 'acme-corp', 'Überfirma GmbH' -> 'uberfirma-gmbh'; '' when nothing usable is left. */
export function channelNameFromAccount(accountName: string): string {
  return accountName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, CHANNEL_NAME_MAX)
    .replace(/[-_]+$/, '');
}

/** Why Slack would refuse this (normalised) name, in words; null when it is a valid name. */
export function checkChannelName(name: string): string | null {
  if (name === '') return 'Give the channel a name.';
  if (name.length > CHANNEL_NAME_MAX) {
    return `Channel names can have at most ${CHANNEL_NAME_MAX} characters (this one has ${name.length}).`;
  }
  const bad = [...new Set(name.replace(/[a-z0-9_-]/g, ''))];
  if (bad.length > 0) {
    const shown = bad
      .slice(0, 5)
      .map((c) => `“${c}”`)
      .join(' ');
    return `Channel names can only use lower-case letters (a–z), digits, hyphens and underscores, not ${shown}.`;
  }
  if (!/[a-z0-9]/.test(name)) return 'A channel name needs at least one letter or digit.';
  return null;
}
