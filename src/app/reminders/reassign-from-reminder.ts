import type { Actor } from '../../domain/actors.js';
import { type FollowUpActionDeps, reassignFollowUp } from '../../domain/follow-ups/follow-up-actions.js';
import type { Consequences } from '../consequences.js';

/** **Reassign** on a reminder: what is owed goes to someone else at the vendor; an ask's new owner is announced. */
export async function reassignFromReminder(
  deps: FollowUpActionDeps & { consequences: Consequences },
  request: { actor: Actor; followUpId: string; newOwnerId: string },
) {
  const result = await reassignFollowUp(deps, request);
  const change = result.ok ? result.value.askChange : null;
  if (change?.changed) deps.consequences.owe('ask', change.ask.id);
  return result;
}
