import type { KnownBlock } from '@slack/types';
import type { Ask } from '../../domain/asks/ask.js';
import { isClosed, nextStatuses } from '../../domain/asks/lifecycle.js';
import { plain } from '../shared/blocks.js';
import { ASK_ACTIONS } from './ids.js';

export type AskButton = 'update' | 'take' | 'vote' | 'addDetails' | 'withdraw';

/** Which buttons an ask offers in its current state, among those a surface wants; null when none. */
export function askButtons(ask: Ask, wanted: AskButton[]): KnownBlock | null {
  const closed = isClosed(ask.kind, ask.status);
  const offered: Record<AskButton, [string, string] | null> = {
    // Closed asks keep Update while they can still move (a resolved help request can be reopened).
    update: nextStatuses(ask.kind, ask.status).length > 0 ? [ASK_ACTIONS.update, 'Update'] : null,
    take: !closed && ask.kind !== 'vendor' ? [ASK_ACTIONS.take, 'Take it'] : null,
    vote: !closed && ask.kind === 'enhancement' ? [ASK_ACTIONS.vote, `+1 (${ask.voters.length})`] : null,
    addDetails: !closed ? [ASK_ACTIONS.addDetails, 'Add details'] : null,
    withdraw: !closed ? [ASK_ACTIONS.withdraw, 'Withdraw'] : null,
  };
  const elements = wanted.flatMap((name) => {
    const button = offered[name];
    return button
      ? [{ type: 'button' as const, action_id: button[0], text: plain(button[1]), value: ask.id }]
      : [];
  });
  return elements.length > 0 ? { type: 'actions', elements } : null;
}
