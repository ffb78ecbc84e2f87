import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor, onlyVendor } from '../bolt/identify-actor.js';
import { onButton, onSubmission } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import type { Subcommands } from '../commands/command-args.js';
import { countAnnouncementReaction } from './count-reactions.js';
import {
  handleCancelAnnouncement,
  handleSendAnnouncement,
  handleTestAnnouncement,
} from './handle-announce-buttons.js';
import { handleAnnounceSubmission } from './handle-announce-submission.js';
import { handleAnnouncementsCommand } from './handle-announcements-command.js';
import { handleDeleteSent, handleEditSentButton, handleEditSentSubmission } from './handle-change-sent.js';
import { handleEditUnsent } from './handle-edit-unsent.js';
import { handleLeaveOut } from './handle-leave-out.js';
import { handleSignOff } from './handle-sign-off-buttons.js';
import { ANNOUNCE_ACTIONS, ANNOUNCE_VIEWS } from './ids.js';
import { ANNOUNCE_REFUSAL, openAnnounceModal } from './open-announce-modal.js';

const vendorOnly = [identifyActor, onlyVendor(ANNOUNCE_REFUSAL)] as const;

export const announcementSubcommands = (deps: SlackDeps): Subcommands => ({
  announce: [...vendorOnly, openAnnounceModal(deps)],
  announcements: [...vendorOnly, handleAnnouncementsCommand],
});

/**
 * Announcements: the form's Preview, the preview's Send, test and Cancel buttons, the colleague's
 * sign-off, the owners' Leave out, and editing or deleting everywhere once sent (each checks who may).
 */
export function registerAnnouncements(listeners: Listeners, deps: SlackDeps): void {
  onSubmission(listeners, ANNOUNCE_VIEWS.form, identifyActor, handleAnnounceSubmission(deps));
  onButton(listeners, ANNOUNCE_ACTIONS.send, ...vendorOnly, handleSendAnnouncement(deps));
  onButton(listeners, ANNOUNCE_ACTIONS.cancel, ...vendorOnly, handleCancelAnnouncement(deps));
  onButton(listeners, ANNOUNCE_ACTIONS.testSend, ...vendorOnly, handleTestAnnouncement);
  onButton(listeners, ANNOUNCE_ACTIONS.edit, ...vendorOnly, handleEditUnsent(deps));
  onButton(listeners, ANNOUNCE_ACTIONS.approve, ...vendorOnly, handleSignOff(deps, 'approved'));
  onButton(listeners, ANNOUNCE_ACTIONS.decline, ...vendorOnly, handleSignOff(deps, 'rejected'));
  onButton(listeners, ANNOUNCE_ACTIONS.leaveOut, ...vendorOnly, handleLeaveOut(deps));
  onButton(listeners, ANNOUNCE_ACTIONS.editSent, ...vendorOnly, handleEditSentButton);
  onButton(listeners, ANNOUNCE_ACTIONS.deleteSent, ...vendorOnly, handleDeleteSent(deps));
  onSubmission(listeners, ANNOUNCE_VIEWS.editSent, identifyActor, handleEditSentSubmission(deps));
  listeners.event('reaction_removed', countAnnouncementReaction(-1));
}
