import type { Ask, HistoryEntry } from '../../domain/asks/ask.js';
import { shipGroup } from '../../domain/asks/link-enhancements.js';
import type { Clock, Repositories } from '../../domain/ports.js';
import type { Consequences } from '../consequences.js';

/**
 * When an enhancement ships, the same change has shipped for every customer of its group: each other
 * open member is shipped too, and told in its own thread. A consequence of the change (carried out with
 * its other effects, so a failure is retried rather than lost), and idempotent: members already closed
 * stay as they are.
 */
export async function shipAlong(
  deps: { repositories: Repositories; clock: Clock; consequences: Consequences },
  ask: Ask,
  change: HistoryEntry[],
): Promise<void> {
  const shipping = change.find((e) => e.action === 'status' && e.to === 'shipped');
  if (!shipping || ask.kind !== 'enhancement') return;
  const note = change.find((e) => e.note)?.note ?? null;
  const asks = { asks: deps.repositories.asks, clock: deps.clock };
  for (const shipped of await shipGroup(asks, ask, shipping.by, note)) {
    deps.consequences.owe('ask', shipped.ask.id);
  }
}
