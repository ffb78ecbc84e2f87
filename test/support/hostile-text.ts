import fc from 'fast-check';

/** Text that tries to ping, mention, link or break the layout, in up to `maxParts` pieces. */
export const hostileText = (maxParts: number) =>
  fc
    .array(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom(
          '<!channel>',
          '<!here|here>',
          '<!everyone>',
          '@here',
          '@channel',
          '@everyone',
          '<@U0EVIL>',
          '<#C0EVIL>',
          '<https://evil.example|click>',
          '*',
          '_',
          '~',
          '```',
          '>',
          '&',
          '\n',
        ),
      ),
      { maxLength: maxParts },
    )
    .map((parts) => parts.join(''));

/** What would notify or link someone if it reached Slack unescaped. */
export const PINGS = /<[!@#]|<https?:|(^|[^\u2060])@(channel|here|everyone)/i;

/** The strings Slack parses for mentions: the notification text and every mrkdwn object (plain_text never is). */
export function mrkdwnTexts(message: { text: string; blocks: unknown[] }): string[] {
  const found = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'mrkdwn' && typeof o.text === 'string') found.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return found;
}
