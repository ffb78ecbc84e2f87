import type { KnownBlock } from '@slack/types';
import type { Ask } from '../../domain/asks/ask.js';
import { STATUS_LABELS } from '../../domain/asks/lifecycle.js';
import type { SimilarRequest } from '../../similar/similar-requests.js';
import { mrkdwn, plain } from '../shared/blocks.js';
import { safeText } from '../shared/escape.js';
import { SIMILAR_ACTIONS } from './ids.js';
import { pairValue } from './parse-pair.js';

/**
 * Other customers' enhancements that may be the same request as `ask`, each with **Same request: link**
 * and **Not the same**. Names other customers: only for vendor-only surfaces (the triage twin, a private
 * message to someone at the vendor). Empty when there is nothing to suggest.
 */
export function buildSimilarBlocks(ask: Ask, similar: SimilarRequest[]): KnownBlock[] {
  if (similar.length === 0) return [];
  return [
    { type: 'section', text: mrkdwn(`*Maybe the same request as ${ask.ref}, at another customer*`) },
    ...similar.flatMap(({ ask: other, accountName }): KnownBlock[] => {
      const value = pairValue(ask.id, other.id);
      return [
        {
          type: 'section',
          text: mrkdwn(
            `*${other.ref}* · ${safeText(accountName, 80)} · ${STATUS_LABELS[other.status]}\n${safeText(other.content.title, 300)}`,
          ),
        },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: SIMILAR_ACTIONS.link, text: plain('Same request: link'), value },
            { type: 'button', action_id: SIMILAR_ACTIONS.notSame, text: plain('Not the same'), value },
          ],
        },
      ];
    }),
  ];
}
