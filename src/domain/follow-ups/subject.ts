import type { Ask } from '../asks/ask.js';
import type { TrackedMessage } from '../conversations/tracked-message.js';
import type { Partnership } from '../partnerships/partnership.js';
import type { AskRepository, TrackedMessageRepository } from '../ports.js';
import { askObligation, messageObligation, type Obligation } from '../sla/obligation.js';
import type { FollowUp } from './follow-up.js';

export type Subject = { type: 'ask'; ask: Ask } | { type: 'message'; message: TrackedMessage };

export const subjectId = (s: Subject) => (s.type === 'ask' ? s.ask.id : s.message.id);

export const obligationOf = (s: Subject, p: Partnership): Obligation | null =>
  s.type === 'ask' ? askObligation(s.ask, p) : messageObligation(s.message, p);

export async function loadSubject(
  repos: { asks: AskRepository; trackedMessages: TrackedMessageRepository },
  ref: FollowUp['subject'],
): Promise<Subject | null> {
  if (ref.type === 'ask') {
    const ask = await repos.asks.findById(ref.id);
    return ask && { type: 'ask', ask };
  }
  const message = await repos.trackedMessages.findById(ref.id);
  return message && { type: 'message', message };
}
