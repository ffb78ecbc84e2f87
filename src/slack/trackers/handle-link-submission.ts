import type { AllMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import { linkExistingIssue } from '../../app/trackers/send-to-tracker.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { SubmissionArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { INPUT } from '../shared/ids.js';
import { parseMetadata } from '../shared/json-metadata.js';
import { element, viewStateValues } from '../shared/view-state.js';
import { describeIssueRefusal, describeTrackerFailure } from './describe-issue-refusal.js';
import { LINK_BLOCKS } from './ids.js';

/** The link form: the issue is read from the tracker before the ack, so a wrong address is said in the form. */
export const handleLinkSubmission =
  (services: SlackDeps) =>
  async ({ ack, view, context }: SubmissionArgs & AllMiddlewareArgs<ActorContext>): Promise<void> => {
    const fail = (message: string) =>
      ack({ response_action: 'errors', errors: { [LINK_BLOCKS.issue]: message } });
    const metadata = parseMetadata(view.private_metadata, z.object({ askId: z.string() }));
    const values = viewStateValues.safeParse(view.state.values);
    const issueText = values.success ? (element(values.data, LINK_BLOCKS.issue, INPUT).value ?? '') : '';
    if (!metadata) return fail('This form could not be read. Close it and try again.');
    const deps = inRequest(services, context);
    const trackers = await services.trackersOf(context.workspace);
    try {
      const result = await linkExistingIssue(deps, trackers, {
        actor: context.actor,
        askId: metadata.askId,
        issueText,
      });
      if (!result.ok) return fail(describeIssueRefusal(result.error));
    } catch (error) {
      const failure = describeTrackerFailure(error);
      if (!failure) throw error;
      return fail(failure);
    }
    await ack();
  };
