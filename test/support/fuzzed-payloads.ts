/** fast-check arbitraries of signed-but-wrong Slack requests (see test/e2e/fuzzed-requests.test.ts). */
import fc from 'fast-check';
import type { FakeSlack, RawRequest } from '../../src/playground/slack-simulator/index.js';
import { APPROVAL_ACTIONS, APPROVAL_VIEWS } from '../../src/slack/approvals/ids.js';
import { ASK_ACTIONS, ASK_VIEWS } from '../../src/slack/asks/ids.js';
import { DIGEST_ACTIONS } from '../../src/slack/digests/ids.js';
import { FEEDBACK_ACTIONS, FEEDBACK_VIEWS } from '../../src/slack/feedback/ids.js';
import { PLAN_ACTIONS, PLAN_VIEWS } from '../../src/slack/plan/ids.js';
import { REMINDER_ACTIONS, REMINDER_VIEWS } from '../../src/slack/reminders/ids.js';
import { SETUP_VIEWS, WELCOME_ACTIONS } from '../../src/slack/setup/ids.js';
import { SIMILAR_ACTIONS } from '../../src/slack/similar/ids.js';
import { WEBHOOK_ACTIONS, WEBHOOK_VIEWS } from '../../src/slack/webhooks/ids.js';
import { channels, people, VENDOR_TEAM } from './rapport-harness.js';

const FORM = 'application/x-www-form-urlencoded';
const asForm = (fields: Record<string, string>): RawRequest => ({
  body: new URLSearchParams(fields).toString(),
  contentType: FORM,
});
const asInteraction = (payload: object): RawRequest => asForm({ payload: JSON.stringify(payload) });

const valuesOf = (...groups: Record<string, string>[]) => groups.flatMap((ids) => Object.values(ids));
const actionIds = valuesOf(
  ASK_ACTIONS,
  APPROVAL_ACTIONS,
  DIGEST_ACTIONS,
  FEEDBACK_ACTIONS,
  PLAN_ACTIONS,
).concat(valuesOf(REMINDER_ACTIONS, WELCOME_ACTIONS, SIMILAR_ACTIONS, WEBHOOK_ACTIONS));
const callbackIds = valuesOf(
  ASK_VIEWS,
  APPROVAL_VIEWS,
  FEEDBACK_VIEWS,
  PLAN_VIEWS,
  REMINDER_VIEWS,
  SETUP_VIEWS,
  WEBHOOK_VIEWS,
);

/** Text as odd as a person (or a sender) can make it: any code points, mentions, control characters. */
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('<!channel>', '<@UALICE001>', '\u0000\u202e', '  ', '%00', '{"a":1}', '../../etc/passwd'),
);
const huge = fc.integer({ min: 10_000, max: 200_000 }).map((n) => 'x'.repeat(n));
const anyValue = fc.oneof(oddText, fc.integer(), fc.constant(null), fc.boolean(), fc.object({ maxDepth: 2 }));
/** Someone of the vendor or of the customer, who can see the channel's buttons. */
const member = fc.constantFrom(people.alice, people.carol);
/** The same, or someone of a team that has nothing to do with Rapport: a form can come from anyone. */
const person = fc.oneof(member, fc.constant({ id: 'UOTHER001', teamId: 'TOTHER001' }));
const idOrUnknown = (known: string[]) => fc.oneof(fc.constantFrom(...known), fc.string({ minLength: 1 }));

/** Every family of fuzzed requests; payloads valid as Slack would send them before a field is taken away. */
export function fuzzedRequests(fake: FakeSlack) {
  const responseUrl = (userId: string) => fake.responseUrl({ channelId: channels.shared, userId });
  const command = (text: string, user = people.alice) => ({
    token: 'fake-verification-token',
    team_id: VENDOR_TEAM,
    channel_id: channels.shared,
    user_id: user.id,
    command: '/rapport',
    text,
    response_url: responseUrl(user.id),
    trigger_id: fake.issueTriggerId(),
  });
  // A click in a partnership channel records the member's activity (a write, even for a button that does
  // nothing else), so buttons are clicked in a shared channel that is not set up.
  const button = (user: { id: string; teamId: string }, actionId: string, value: unknown, type: unknown) => ({
    type: 'block_actions',
    team: { id: VENDOR_TEAM },
    user: { id: user.id, team_id: user.teamId },
    api_app_id: fake.appId,
    trigger_id: fake.issueTriggerId(),
    channel: { id: channels.otherShared },
    container: { type: 'message', channel_id: channels.otherShared, message_ts: '1795000000.000100' },
    response_url: fake.responseUrl({ channelId: channels.otherShared, userId: user.id }),
    actions: [{ action_id: actionId, block_id: 'b', type, value, action_ts: '1795000000.1' }],
  });
  const submission = (
    user: { id: string; teamId: string },
    callbackId: string,
    metadata: string,
    value: unknown,
  ) => ({
    type: 'view_submission',
    team: { id: user.teamId },
    user: { id: user.id, team_id: user.teamId },
    api_app_id: fake.appId,
    trigger_id: fake.issueTriggerId(),
    view: {
      id: `V${fake.nextId('')}`,
      type: 'modal',
      callback_id: callbackId,
      private_metadata: metadata,
      app_installed_team_id: VENDOR_TEAM,
      blocks: [{ type: 'input', block_id: 'b', element: { type: 'plain_text_input', action_id: 'input' } }],
      state: { values: { b: { input: { type: 'plain_text_input', value } } } },
    },
  });
  const event = (type: string, fields: object) => ({
    type: 'event_callback',
    team_id: VENDOR_TEAM,
    api_app_id: fake.appId,
    event_id: `Ev${fake.nextId('')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: VENDOR_TEAM, user_id: fake.botUserId, is_bot: true }],
    event: { ...fields, type },
  });
  const complete = fc.oneof(
    fc.constant(null).map(() => command('help')),
    fc.constant(null).map(() => button(people.alice, ASK_ACTIONS.vote, 'a-1', 'button')),
    fc.constant(null).map(() => submission(people.alice, ASK_VIEWS.ask, '{}', 'x')),
  );
  return {
    commands: fc
      .tuple(
        fc.constantFrom('', 'ask ', 'setup ', 'digest ', 'approval ', 'plan ', 'people ', 'list '),
        oddText,
      )
      .map(([sub, text]) => asForm(command(`${sub}${text}`))),
    buttons: fc
      .tuple(member, idOrUnknown(actionIds), anyValue, fc.oneof(fc.constant('button'), anyValue))
      .map(([user, actionId, value, type]) => asInteraction(button(user, actionId, value, type))),
    submissions: fc
      .tuple(
        person,
        idOrUnknown(callbackIds),
        fc.oneof(oddText, fc.json(), huge),
        fc.oneof(oddText, huge, anyValue),
      )
      .map(([user, callbackId, metadata, value]) =>
        asInteraction(submission(user, callbackId, metadata, value)),
      ),
    missingFields: complete.chain((payload) =>
      fc.constantFrom(...Object.keys(payload)).map((key) => {
        const { [key]: _gone, ...rest } = payload as Record<string, unknown>;
        return 'command' in payload ? asForm(rest as Record<string, string>) : asInteraction(rest);
      }),
    ),
    events: fc
      .tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.object({ maxDepth: 2 }))
      .map(([type, fields]) => ({ body: JSON.stringify(event(type, fields)) })),
    bodies: fc
      .oneof(
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        oddText,
      )
      .chain((body) =>
        fc.constantFrom({ body }, { body: `payload=${encodeURIComponent(body)}`, contentType: FORM }),
      ),
  };
}
