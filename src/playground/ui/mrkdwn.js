// Slack mrkdwn to safe HTML: what Rapport writes (bold, italic, strike, code, quotes, lists, links,
// mentions, the emoji it uses). Text is escaped first; only the tags below are ever produced.

const EMOJI = {
  '+1': '👍',
  '-1': '👎',
  alarm_clock: '⏰',
  bell: '🔔',
  bulb: '💡',
  calendar: '📅',
  eyes: '👀',
  hourglass_flowing_sand: '⏳',
  leftwards_arrow_with_hook: '↩️',
  memo: '📝',
  rocket: '🚀',
  rotating_light: '🚨',
  speech_balloon: '💬',
  tada: '🎉',
  ticket: '🎫',
  thumbsup: '👍',
  warning: '⚠️',
  wave: '👋',
  white_check_mark: '✅',
  x: '❌',
};

export const emoji = (name) => EMOJI[name] ?? `:${name}:`;

const escapeHtml = (s) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
// Slack escapes &, < and > in message text; undo that before escaping for HTML.
const unescapeSlack = (s) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

function special(token, names) {
  const [target, label] = token.split('|');
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(names.users[id] ?? label ?? id)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `<span class="mention">#${escapeHtml(names.channels[id] ?? label ?? id)}</span>`;
  }
  if (target.startsWith('!date^')) {
    const [, seconds] = target.split('^');
    const when = new Date(Number(seconds) * 1000);
    return escapeHtml(
      Number.isNaN(when.getTime())
        ? (label ?? '')
        : when.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
    );
  }
  if (target.startsWith('!')) {
    const name = target.slice(1).split('^')[0];
    return `<span class="mention">@${escapeHtml(label ?? name)}</span>`;
  }
  if (/^(https?|mailto):/.test(target)) {
    return `<a href="${escapeHtml(target)}" target="_blank" rel="noreferrer">${escapeHtml(unescapeSlack(label ?? target))}</a>`;
  }
  return escapeHtml(unescapeSlack(token));
}

function inline(text) {
  return text
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,!?:;<])/g, '$1<strong>$2</strong>')
    .replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s).,!?:;<])/g, '$1<em>$2</em>')
    .replace(/(^|[\s(>])~([^~\n]+)~(?=$|[\s).,!?:;<])/g, '$1<del>$2</del>')
    .replace(/:([a-z0-9_+-]+):/g, (_, name) => emoji(name));
}

/** Renders mrkdwn `text` as HTML, people and channels named from `names`. */
export function mrkdwn(text, names) {
  // Code blocks and <…> tokens are set aside under private-use markers while the rest is escaped.
  const held = [];
  const hold = (html) => `\uE000${held.push(html) - 1}\uE001`;
  let s = String(text ?? '').replace(/```([\s\S]*?)```/g, (_, code) =>
    hold(`<pre>${escapeHtml(unescapeSlack(code))}</pre>`),
  );
  s = s.replace(/<([^<>\n]+)>/g, (_, token) => hold(special(token, names)));
  s = escapeHtml(unescapeSlack(s));
  const out = [];
  let list = [];
  let quote = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.join('')}</ul>`);
    if (quote.length) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    list = [];
    quote = [];
  };
  for (const line of s.split('\n')) {
    const item = /^\s*(?:•|-|\d+\.)\s+(.*)$/.exec(line);
    const quoted = /^&gt;\s?(.*)$/.exec(line);
    if ((!item && list.length) || (!quoted && quote.length)) flush();
    if (item) list.push(`<li>${inline(item[1])}</li>`);
    else if (quoted) quote.push(inline(quoted[1]));
    else out.push(`${inline(line)}<br>`);
  }
  flush();
  return out
    .join('')
    .replace(/<br>$/, '')
    .replace(/\uE000(\d+)\uE001/g, (_, i) => held[Number(i)]);
}

/** Plain text objects: escaped, emoji shown. */
export const plain = (text) =>
  escapeHtml(String(text ?? '')).replace(/:([a-z0-9_+-]+):/g, (_, n) => emoji(n));

/** A Block Kit text object (plain_text or mrkdwn) as HTML. */
export const textObject = (t, names) => (t?.type === 'mrkdwn' ? mrkdwn(t.text, names) : plain(t?.text));
