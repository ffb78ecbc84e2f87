import type { View } from '@slack/types';
import type { Ask } from '../../domain/asks/ask.js';
import { plain, section } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { textInput } from '../shared/inputs.js';
import { LINK_BLOCKS, TRACKER_VIEWS } from './ids.js';

/** "Link existing issue": the issue's address or key. */
export function buildLinkIssueModal(ask: Ask): View {
  return {
    type: 'modal',
    callback_id: TRACKER_VIEWS.link,
    private_metadata: JSON.stringify({ askId: ask.id }),
    title: plain(`Link ${ask.ref}`.slice(0, 24)),
    submit: plain('Link'),
    close: plain('Cancel'),
    blocks: [
      section(`*${ask.ref}*: ${safeText(ask.content.title, 200)}`),
      textInput(LINK_BLOCKS.issue, 'Issue address or key', {
        max: 300,
        hint: 'e.g. https://github.com/acme/app/issues/12, acme/app#12, or a Jira or Linear key such as OPS-42',
      }),
    ],
  };
}
