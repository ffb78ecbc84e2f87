import { DateTime } from 'luxon';
import type { SlackDeps } from '../bolt/deps.js';
import type { CommandArgs } from '../commands/command-args.js';
import { buildAnnounceModal } from './announce-modal.js';

export const ANNOUNCE_REFUSAL = 'Only people at the vendor can send announcements.';

/** `/rapport announce`, after onlyVendor: the form, with times in the sender's own zone. */
export const openAnnounceModal =
  ({ clock, announcementSettings }: SlackDeps) =>
  async ({ command, client, context }: CommandArgs): Promise<void> => {
    const facts = await context.workspace.directory.user(command.user_id);
    const timeZone = facts?.timeZone ?? 'UTC';
    const today = DateTime.fromJSDate(clock.now(), { zone: timeZone }).toISODate() ?? '';
    await client.views.open({
      trigger_id: command.trigger_id,
      view: buildAnnounceModal({ timeZone }, today, announcementSettings.signOffThreshold),
    });
  };
