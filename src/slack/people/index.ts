import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor } from '../bolt/identify-actor.js';
import { onSubmission, type SubmissionArgs } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import { channelOfCommand, ignore, inChannel, requirePartnership } from '../bolt/request-partnership.js';
import type { Subcommands } from '../commands/command-args.js';
import {
  handleMemberJoined,
  handleMemberLeft,
  handleUserChange,
  type JoinedArgs,
  type LeftArgs,
} from './handle-membership.js';
import { handlePeopleSubmission } from './handle-people-submission.js';
import { PEOPLE_VIEWS } from './ids.js';
import { openPeopleModal } from './open-people-modal.js';
import { peopleFormChannel } from './parse-people-submission.js';

export const peopleSubcommands = (deps: SlackDeps): Subcommands => ({
  people: [requirePartnership(channelOfCommand), openPeopleModal(deps.clock)],
});

/** The stakeholder map: `/rapport people`, its form, and who joins, leaves or departs. */
export function registerPeople(listeners: Listeners, deps: SlackDeps): void {
  const inFormPartnership = requirePartnership(({ view }: SubmissionArgs) =>
    inChannel(peopleFormChannel(view.private_metadata)),
  );
  onSubmission(listeners, PEOPLE_VIEWS.edit, inFormPartnership, identifyActor, handlePeopleSubmission(deps));
  const joinedPartnership = requirePartnership(({ event }: JoinedArgs) => inChannel(event.channel), ignore);
  const leftPartnership = requirePartnership(({ event }: LeftArgs) => inChannel(event.channel), ignore);
  listeners.event('member_joined_channel', joinedPartnership, handleMemberJoined(deps));
  listeners.event('member_left_channel', leftPartnership, handleMemberLeft(deps));
  listeners.event('user_change', handleUserChange(deps));
}
