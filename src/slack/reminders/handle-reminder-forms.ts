import type { AllMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { reassignFromReminder } from '../../app/reminders/reassign-from-reminder.js';
import {
  type FollowUpActionDeps,
  type FollowUpActionError,
  snoozeFollowUp,
} from '../../domain/follow-ups/follow-up-actions.js';
import { SNOOZE_CHOICES } from '../../domain/follow-ups/snooze-until.js';
import { inRequest, type RequestDeps, type SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { REASSIGN_BLOCKS, SNOOZE_BLOCKS } from './ids.js';

type ViewArgs = SubmissionArgs & AllMiddlewareArgs<ActorContext>;

const metadataSchema = z.object({ followUpId: z.string() });

const actionDeps = (deps: RequestDeps): FollowUpActionDeps => ({
  ...deps.repositories,
  directory: deps.directory,
  clock: deps.clock,
});

/** Domain refusals shown inline on the right field; anything else on `fallbackBlock`. */
function errorsOf(error: FollowUpActionError, fallbackBlock: string): Record<string, string> {
  if (error.code !== 'invalid') return { [fallbackBlock]: error.message };
  const byField: Record<string, string> = {
    until: SNOOZE_BLOCKS.until,
    reason: SNOOZE_BLOCKS.reason,
    ownerId: REASSIGN_BLOCKS.ownerId,
  };
  return Object.fromEntries(
    Object.entries(error.fields).map(([field, message]) => [byField[field], message]),
  );
}

export const handleSnoozeSubmission =
  (services: SlackDeps) =>
  async ({ ack, view, context }: ViewArgs): Promise<void> => {
    const fail = (errors: Record<string, string>) => ack({ response_action: 'errors', errors });
    const metadata = parseMetadata(view.private_metadata, metadataSchema);
    const values = viewStateValues.safeParse(view.state.values);
    if (!metadata || !values.success) {
      return fail({ [SNOOZE_BLOCKS.reason]: 'This form could not be read. Close it and try again.' });
    }
    const read = (blockId: string) => element(values.data, blockId, INPUT);
    const choice = z.enum(SNOOZE_CHOICES).safeParse(read(SNOOZE_BLOCKS.until).selected_option?.value);
    const date = read(SNOOZE_BLOCKS.date).selected_date ?? null;
    if (!choice.success) return fail({ [SNOOZE_BLOCKS.until]: 'Choose how long to snooze.' });
    if (choice.data === 'date' && date === null) return fail({ [SNOOZE_BLOCKS.date]: 'Pick the date.' });

    const deps = inRequest(services, context);
    const { actor } = context;
    const timeZone = (await deps.directory.user(actor.userId))?.timeZone ?? null;
    const result = await guardedWrite(
      deps,
      (message) => fail({ [SNOOZE_BLOCKS.reason]: message }),
      () =>
        snoozeFollowUp(actionDeps(deps), {
          actor,
          followUpId: metadata.followUpId,
          until: { choice: choice.data, date },
          timeZone,
          reason: read(SNOOZE_BLOCKS.reason).value ?? '',
        }),
    );
    if (!result) return;
    if (!result.ok) {
      const errors = errorsOf(result.error, SNOOZE_BLOCKS.reason);
      // A date that turns out to be in the past belongs on the date field when one was picked.
      if (choice.data === 'date' && errors[SNOOZE_BLOCKS.until]) {
        return fail({ [SNOOZE_BLOCKS.date]: errors[SNOOZE_BLOCKS.until] as string });
      }
      return fail(errors);
    }
    await ack();
  };

export const handleReassignSubmission =
  (services: SlackDeps) =>
  async ({ ack, view, context }: ViewArgs): Promise<void> => {
    const fail = (errors: Record<string, string>) => ack({ response_action: 'errors', errors });
    const metadata = parseMetadata(view.private_metadata, metadataSchema);
    const values = viewStateValues.safeParse(view.state.values);
    const newOwnerId = values.success
      ? element(values.data, REASSIGN_BLOCKS.ownerId, INPUT).selected_user
      : null;
    if (!metadata)
      return fail({ [REASSIGN_BLOCKS.ownerId]: 'This form could not be read. Close it and try again.' });
    if (!newOwnerId) return fail({ [REASSIGN_BLOCKS.ownerId]: 'Choose the new owner.' });
    const deps = inRequest(services, context);
    const { actor } = context;
    const result = await guardedWrite(
      deps,
      (message) => fail({ [REASSIGN_BLOCKS.ownerId]: message }),
      () =>
        reassignFromReminder(
          { ...actionDeps(deps), consequences: deps.consequences },
          { actor, followUpId: metadata.followUpId, newOwnerId },
        ),
    );
    if (!result) return;
    if (!result.ok) return fail(errorsOf(result.error, REASSIGN_BLOCKS.ownerId));
    await ack();
  };
