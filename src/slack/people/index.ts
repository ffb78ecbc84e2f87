import type { App } from '@slack/bolt';
import type { SlackDeps } from '../bolt/deps.js';
import { guardSubmission } from '../bolt/guarded-write.js';
import type { Subcommands } from '../commands/command-args.js';
import { handleMemberJoined, handleMemberLeft, handleUserChange } from './handle-membership.js';
import { handlePeopleSubmission } from './handle-people-submission.js';
import { PEOPLE_VIEWS } from './ids.js';
import { openPeopleModal } from './open-people-modal.js';

export const peopleSubcommands: Subcommands = { people: openPeopleModal };

/** The stakeholder map: `/rapport people`, its form, and who joins, leaves or departs. */
export function registerPeople(app: App, deps: SlackDeps): void {
  app.view(PEOPLE_VIEWS.edit, guardSubmission(deps, handlePeopleSubmission(deps)));
  app.event('member_joined_channel', handleMemberJoined(deps));
  app.event('member_left_channel', handleMemberLeft(deps));
  app.event('user_change', handleUserChange(deps));
}
