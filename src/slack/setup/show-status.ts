import type { Clock } from '../../domain/ports.js';
import type { PartnershipContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildPartnershipSummary } from './partnership-summary.js';

/** `/rapport status` in a partnership channel: how its partnership is set up, privately. */
export const showStatus =
  (clock: Clock) =>
  async ({ respond, context }: CommandArgs<PartnershipContext>): Promise<void> => {
    await respond({
      response_type: 'ephemeral',
      ...buildPartnershipSummary(context.partnership, clock.now()),
    });
  };
