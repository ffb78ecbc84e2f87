/**
 * SlackDriver: sends correctly signed Slack requests (commands, interactions, events) to the app's
 * `POST /slack/events`, or the same as Socket Mode envelopes (`transport: 'socket'`), using the FakeSlack
 * for response URLs, trigger ids and modal state.
 */
import { EventDriver } from './driver-events.js';
import {
  type BlockActionInput,
  blockActionPayload,
  channelPayload,
  type DriverUser,
  nowTs,
  TOKEN,
  teamPayload,
  userPayload,
} from './driver-payloads.js';
import type { DriverResponse } from './driver-transport.js';
import { messagePayload } from './message-payload.js';
import type { StoredMessage, StoredView } from './types.js';
import { applyViewSubmissionAck } from './view-ack.js';
import { buildStateValues, type StateValues, type StateValuesInput } from './view-state.js';

type Message = StoredMessage | Record<string, unknown>;

export class SlackDriver extends EventDriver {
  /** A slash command (form-encoded). Only installing-workspace users can run commands in Slack. */
  async command(opts: {
    user: DriverUser;
    channelId: string;
    text: string;
    command?: string;
    allowNonInstallingTeam?: boolean;
  }): Promise<DriverResponse & { responseUrl: string; triggerId: string }> {
    this.assertInstallingTeam(opts.user, 'slash commands', opts.allowNonInstallingTeam);
    const responseUrl = this.fake.responseUrl({ channelId: opts.channelId, userId: opts.user.id });
    const triggerId = this.fake.issueTriggerId();
    const fields = {
      token: TOKEN,
      team_id: opts.user.teamId,
      team_domain: teamPayload(this.fake, opts.user.teamId).domain ?? '',
      channel_id: opts.channelId,
      channel_name: channelPayload(this.fake, opts.channelId).name ?? '',
      user_id: opts.user.id,
      user_name: userPayload(this.fake, opts.user).name ?? '',
      command: opts.command ?? '/rapport',
      text: opts.text,
      api_app_id: this.fake.appId,
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
    };
    const res = await this.postCommand(fields);
    return { ...res, responseUrl, triggerId };
  }

  /** A block_actions interaction from a message or a view. */
  async blockAction(
    opts: BlockActionInput,
  ): Promise<DriverResponse & { triggerId: string; responseUrl?: string }> {
    const { payload, triggerId, responseUrl } = blockActionPayload(this.fake, opts, this.installTeamId);
    const res = await this.interaction(payload);
    return { ...res, triggerId, ...(responseUrl === undefined ? {} : { responseUrl }) };
  }

  /**
   * Submits a modal as `user`. `view` is the view the app opened (the fake's current version is used);
   * `values[block_id][action_id]` override initial values (see view-state.ts for the accepted forms).
   * The app's ack is then applied to the fake's modal stack (close / clear / update / push / errors).
   */
  async viewSubmission(opts: {
    user: DriverUser;
    view: StoredView;
    values?: StateValuesInput;
  }): Promise<DriverResponse & { triggerId: string; stateValues: StateValues }> {
    const view = this.openView(opts.view, 'viewSubmission');
    const stateValues = buildStateValues(view, opts.values);
    const triggerId = this.fake.issueTriggerId({ viewId: view.id });
    const res = await this.interaction({
      type: 'view_submission',
      team: teamPayload(this.fake, opts.user.teamId),
      user: userPayload(this.fake, opts.user),
      api_app_id: this.fake.appId,
      token: TOKEN,
      trigger_id: triggerId,
      view: { ...view, state: { values: stateValues }, app_installed_team_id: this.installTeamId },
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
    if (res.status === 200) applyViewSubmissionAck(this.fake, view.id, res.body);
    return { ...res, triggerId, stateValues };
  }

  /** The user closes a modal; Slack only sends view_closed when the view has notify_on_close. */
  async viewClosed(opts: {
    user: DriverUser;
    view: StoredView;
    isCleared?: boolean;
  }): Promise<DriverResponse> {
    const view = this.openView(opts.view, 'viewClosed');
    if (view.notify_on_close !== true) {
      throw new Error(
        `viewClosed: view ${view.id} lacks notify_on_close, Slack sends nothing (use fake.closeView)`,
      );
    }
    this.fake.closeView(view.id, opts.isCleared === true);
    return this.interaction({
      type: 'view_closed',
      team: teamPayload(this.fake, opts.user.teamId),
      user: userPayload(this.fake, opts.user),
      api_app_id: this.fake.appId,
      token: TOKEN,
      view: { ...view, state: { values: buildStateValues(view) }, app_installed_team_id: this.installTeamId },
      is_cleared: opts.isCleared === true,
      is_enterprise_install: false,
      enterprise: null,
    });
  }

  async messageShortcut(opts: {
    user: DriverUser;
    channelId: string;
    callbackId: string;
    message: Message;
    allowNonInstallingTeam?: boolean;
  }): Promise<DriverResponse & { triggerId: string; responseUrl: string }> {
    this.assertInstallingTeam(opts.user, 'message shortcuts', opts.allowNonInstallingTeam);
    const triggerId = this.fake.issueTriggerId();
    const responseUrl = this.fake.responseUrl({ channelId: opts.channelId, userId: opts.user.id });
    const res = await this.interaction({
      type: 'message_action',
      callback_id: opts.callbackId,
      trigger_id: triggerId,
      message_ts: opts.message.ts,
      response_url: responseUrl,
      ...this.common(opts.user),
      channel: channelPayload(this.fake, opts.channelId),
      message: messagePayload(opts.message),
      action_ts: nowTs(),
    });
    return { ...res, triggerId, responseUrl };
  }

  async globalShortcut(opts: {
    user: DriverUser;
    callbackId: string;
  }): Promise<DriverResponse & { triggerId: string }> {
    const triggerId = this.fake.issueTriggerId();
    const res = await this.interaction({
      type: 'shortcut',
      callback_id: opts.callbackId,
      trigger_id: triggerId,
      ...this.common(opts.user),
      action_ts: nowTs(),
    });
    return { ...res, triggerId };
  }
}
