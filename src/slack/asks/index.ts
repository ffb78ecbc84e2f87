import { autoAcknowledge, type MessageShortcut } from '@slack/bolt';
import { assignAskTo, voteFor, withdrawAskAsRequester } from '../../app/asks/act-on-ask.js';
import { countAnnouncementReaction } from '../announcements/count-reactions.js';
import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onButton, onSubmission, type SubmissionArgs } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import type { ListenerContext } from '../bolt/rapport-context.js';
import {
  channelOfAction,
  channelOfCommand,
  inChannel,
  requirePartnership,
} from '../bolt/request-partnership.js';
import type { Subcommands } from '../commands/command-args.js';
import { limitButton } from '../limits/limit-person.js';
import { WELCOME_ACTIONS } from '../setup/ids.js';
import { handleAddDetails } from './handle-add-details.js';
import { type AskAction, handleAskAction } from './handle-ask-action.js';
import { handleAskSubmission } from './handle-ask-submission.js';
import { handleAskUpdateSubmission } from './handle-ask-update-submission.js';
import { handleRaiseShortcut, type RaiseShortcutArgs } from './handle-raise-shortcut.js';
import { channelOfReaction, handleReactionAdded, hintOutsidePartnership } from './handle-reaction-added.js';
import { handleAddDetailsButton, handleUpdateButton } from './handle-update-button.js';
import { handleAskButton, handleListPage, handleSeeOpenAsks } from './handle-welcome-buttons.js';
import { ASK_ACTIONS, ASK_SHORTCUTS, ASK_VIEWS } from './ids.js';
import { linkAsks } from './link-asks.js';
import { openAskModal } from './open-ask-modal.js';
import { askFormChannel } from './parse-ask-submission.js';
import { showList } from './show-list.js';

const inCommandPartnership = requirePartnership(channelOfCommand);

export const askSubcommands = (deps: SlackDeps): Subcommands => ({
  ask: [inCommandPartnership, openAskModal('help')],
  idea: [inCommandPartnership, openAskModal('enhancement')],
  need: [inCommandPartnership, openAskModal('vendor')],
  list: [inCommandPartnership, identifyActor, showList],
  link: [inCommandPartnership, identifyActor, linkAsks(deps)],
});

const take: AskAction = (deps, askId, actor) => assignAskTo(deps, askId, actor, actor.userId);

/** Asks: the ask and update modals, the card's buttons, the list, the raise shortcut and reactions. */
export function registerAsks(listeners: Listeners, deps: SlackDeps): void {
  const inButtonPartnership = requirePartnership(channelOfAction);
  const opensForm = limitButton(deps.limiter, 'form');
  onButton(listeners, ASK_ACTIONS.update, identifyActor, opensForm, handleUpdateButton);
  onButton(listeners, ASK_ACTIONS.addDetails, identifyActor, opensForm, handleAddDetailsButton);
  onButton(listeners, ASK_ACTIONS.take, identifyActor, handleAskAction(deps, take));
  const votes = limitButton(deps.limiter, 'vote');
  onButton(listeners, ASK_ACTIONS.vote, identifyActor, votes, handleAskAction(deps, voteFor));
  onButton(listeners, ASK_ACTIONS.withdraw, identifyActor, handleAskAction(deps, withdrawAskAsRequester));
  for (const [actionId, kind] of [
    [WELCOME_ACTIONS.askForHelp, 'help'],
    [WELCOME_ACTIONS.suggestImprovement, 'enhancement'],
  ] as const) {
    onButton(listeners, actionId, inButtonPartnership, identifyActor, opensForm, handleAskButton(kind));
  }
  onButton(listeners, WELCOME_ACTIONS.seeOpenAsks, inButtonPartnership, identifyActor, handleSeeOpenAsks);
  for (const page of [ASK_ACTIONS.listPrevious, ASK_ACTIONS.listNext]) {
    onButton(listeners, page, inButtonPartnership, identifyActor, handleListPage);
  }
  const inFormPartnership = requirePartnership(({ view }: SubmissionArgs) =>
    inChannel(askFormChannel(view.private_metadata)),
  );
  onSubmission(listeners, ASK_VIEWS.ask, inFormPartnership, identifyActor, handleAskSubmission(deps));
  onSubmission(listeners, ASK_VIEWS.update, identifyActor, handleAskUpdateSubmission(deps));
  onSubmission(listeners, ASK_VIEWS.addDetails, identifyActor, handleAddDetails(deps));
  listeners.shortcut<MessageShortcut, ListenerContext>(
    ASK_SHORTCUTS.raise,
    autoAcknowledge,
    requirePartnership(({ shortcut }: RaiseShortcutArgs) => inChannel(shortcut.channel.id)),
    handleRaiseShortcut,
  );
  const reactionPartnership = requirePartnership(channelOfReaction, hintOutsidePartnership);
  const counted = countAnnouncementReaction(1);
  listeners.event('reaction_added', counted, reactionPartnership, handleReactionAdded(deps));
}
