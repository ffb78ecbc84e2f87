/**
 * User-written text is shown to both organisations. Escaping &, < and > turns Slack's control
 * sequences (<!channel>, <@U123>, <#C1>, links) into plain text; a word joiner after '@' keeps
 * bare @channel/@here/@everyone (even cut short by truncation) from ever being parsed as a broadcast.
 */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)/gi, '@\u2060$1');
}

/** Shortens text to at most `max` characters, ending with an ellipsis, never splitting an &entity; or a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const entityStart = text.lastIndexOf('&', cut);
  if (entityStart !== -1 && text.indexOf(';', entityStart) >= cut) cut = entityStart;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

/** Escaped and bounded: the form every piece of user text takes in mrkdwn. */
export const safeText = (text: string, max: number) => truncate(escapeText(text), max);
