import { leaveOutPartnership } from '../../app/announcements/leave-out-partnership.js';
import type { SlackDeps } from '../bolt/deps.js';
import { count } from '../shared/describe-duration.js';
import { safeText } from '../shared/escape.js';
import { mention } from '../shared/mention.js';

import { type AnnounceButtonArgs, idOf, refuse } from './handle-announce-buttons.js';
import { parseLeaveOutValue } from './hold-notice.js';

/**
 * Leave out, in an owner's hold-window DM: that partnership's owner or a vendor admin takes its customer
 * out of the announcement; they are answered privately and the sender is told by DM who left out what.
 */
export const handleLeaveOut =
  (deps: SlackDeps) =>
  async ({ body, client, respond, context }: AnnounceButtonArgs): Promise<void> => {
    const target = parseLeaveOutValue(idOf(body));
    if (target === null) return refuse(respond, { code: 'not_found' });
    const { repositories, directory } = context.workspace;
    const isAdmin = (await directory.user(context.actor.userId))?.admin === true;
    const result = await leaveOutPartnership(
      {
        announcements: repositories.announcements,
        partnerships: repositories.partnerships,
        clock: deps.clock,
      },
      { actor: context.actor, isAdmin, ...target },
    );
    if (!result.ok) return refuse(respond, result.error);
    const { announcement: a, exclusion, changed } = result.value;
    const account = safeText(exclusion.accountName, 80);
    const title = safeText(a.title, 150);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: `Left out ${account}: it will not get *${title}*.`,
    });
    if (!changed) return;
    await client.chat.postMessage({
      channel: a.createdBy,
      text: `${mention(exclusion.by)} left out ${account} from *${title}*: it now goes to ${count(a.partnershipIds.length, 'partnership')}.`,
    });
  };
