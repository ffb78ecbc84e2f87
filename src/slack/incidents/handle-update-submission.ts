import type { AllMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { postIncidentUpdate } from '../../app/incidents/post-incident-update.js';
import { INCIDENT_STATUSES } from '../../domain/incidents/incident.js';
import { inWorkspace, type SlackDeps } from '../bolt/deps.js';
import { guardedWrite } from '../bolt/guarded-write.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { refreshHomes } from '../home/publish-home.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { INCIDENT_BLOCKS as B } from './ids.js';

const metadataSchema = z.object({ id: z.string().min(1) });
const statusSchema = z.enum(INCIDENT_STATUSES);

/**
 * Post update: checked and stored before the ack (problems on their fields, the input kept), then the
 * update goes out in the background; the poster follows it in a private progress message.
 */
export const handleUpdateSubmission =
  (deps: SlackDeps) =>
  async ({ ack, view, context }: SubmissionArgs & AllMiddlewareArgs<ActorContext>) => {
    const fail = (blockId: string, message: string) =>
      ack({ response_action: 'errors', errors: { [blockId]: message } });
    const values = viewStateValues.safeParse(view.state.values);
    const metadata = parseMetadata(view.private_metadata, metadataSchema);
    const status = statusSchema.safeParse(
      values.success ? element(values.data, B.status, INPUT).selected_option?.value : undefined,
    );
    if (!values.success || metadata === null || !status.success) {
      return fail(B.text, 'This form could not be read. Close it and open it again from the incident list.');
    }
    const { repositories } = context.workspace;
    const result = await guardedWrite(
      deps,
      (message) => fail(B.text, message),
      () =>
        postIncidentUpdate(
          { ...repositories, clock: deps.clock },
          {
            actor: context.actor,
            id: metadata.id,
            status: status.data,
            text: element(values.data, B.text, INPUT).value ?? '',
          },
        ),
    );
    if (!result) return;
    if (!result.ok) {
      const error = result.error;
      if (error.code === 'invalid') {
        const errors = Object.fromEntries(
          Object.entries(error.fields).map(([field, message]) => [
            field === 'status' ? B.status : B.text,
            message,
          ]),
        );
        return ack({ response_action: 'errors', errors });
      }
      return fail(B.text, error.code === 'not_found' ? 'This incident no longer exists.' : error.message);
    }
    await ack();
    // The sender's Home tab lists the incident with its status, and Post update while it is not resolved.
    const { workspace } = context;
    await refreshHomes(workspace.client, inWorkspace(deps, workspace), [result.value.incident.createdBy]);
    await deps.sendIncidentUpdates(workspace);
  };
