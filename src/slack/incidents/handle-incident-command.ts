import type { KnownBlock } from '@slack/types';
import type { Announcement } from '../../domain/announcements/announcement.js';
import { incidentStartedAt } from '../../domain/incidents/incident.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import type { CommandArgs } from '../commands/command-args.js';
import { COMMAND } from '../commands/ids.js';
import { section } from '../shared/blocks.js';
import { slackDate } from '../shared/describe-due.js';
import { safeText } from '../shared/escape.js';
import { describeStatus } from './incident-message.js';
import { postUpdateButton } from './post-update-button.js';

/** Enough for the incidents anyone is still working on; each takes two blocks of the 50 a message may have. */
const LISTED = 10;

function incidentBlock(a: Announcement): KnownBlock[] {
  const incident = a.incident;
  if (!incident) return [];
  const last = incident.updates.at(-1)?.at ?? incidentStartedAt(a);
  const updates = `${incident.count} update${incident.count === 1 ? '' : 's'}`;
  const going = a.state === 'sending' || incident.sending ? ' · going out now' : '';
  const text = `*${safeText(a.title, 150)}* — ${describeStatus(a, incident)} · last update ${slackDate(last)} · ${updates}, to ${a.partnershipIds.length} partnerships${going}`;
  return [{ type: 'section', text: { type: 'mrkdwn', text }, accessory: postUpdateButton(a, incident) }];
}

/**
 * `/rapport incident`: the latest incidents, open ones first, each with Post update (Reopen once
 * resolved), privately (vendor only).
 */
export const handleIncidentCommand = async ({
  respond,
  context,
}: CommandArgs<ActorContext>): Promise<void> => {
  const recent = await context.workspace.repositories.incidents.listRecent(LISTED);
  const ordered = [
    ...recent.filter((a) => a.incident?.status !== 'resolved'),
    ...recent.filter((a) => a.incident?.status === 'resolved'),
  ];
  const blocks =
    ordered.length === 0
      ? [section(`No incidents. \`${COMMAND} announce\` starts one (choose the kind *Incident*).`)]
      : [section('*Incidents*'), ...ordered.flatMap(incidentBlock)];
  await respond({ response_type: 'ephemeral', text: 'Incidents', blocks });
};
