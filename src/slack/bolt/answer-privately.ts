import type { RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';

/**
 * A private answer to whoever made the request, through its response_url: commands, buttons on messages
 * and shortcuts have one. The message the request came from (a card, a preview) is left as it is.
 */
export async function answerPrivately(
  args: { respond?: RespondFn },
  content: { text: string; blocks?: KnownBlock[] },
): Promise<void> {
  await args.respond?.({ response_type: 'ephemeral', replace_original: false, ...content });
}

/** The same outside a listener (Bolt's `respond` is not at hand): `text` posted to the response_url. */
export async function postPrivately(responseUrl: string, text: string): Promise<void> {
  await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
  });
}
