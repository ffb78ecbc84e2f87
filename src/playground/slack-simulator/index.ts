/** Public API of the Slack test harness: the fake Web API server and the signed-request driver. */
export { validateMessage, validateView } from './block-kit-limits.js';
export type { HeldCall, HoldOptions } from './call-hold.js';
export { SlackDriver } from './driver.js';
export type { ActionInput, BlockActionInput, DriverUser } from './driver-payloads.js';
export type { DriverOptions, DriverResponse, RawRequest } from './driver-transport.js';
export type { ResponseUrlContext, SharedInvite } from './interaction-state.js';
export type { PostLimitOptions, RateLimitReason } from './post-limiter.js';
export { FakeSlack, SUPPORTED_METHODS } from './server.js';
export { signSlackRequest } from './signing.js';
export type { DisconnectReason, Envelope, EnvelopeType, SocketAck } from './socket-envelopes.js';
export type { SocketModeHub } from './socket-mode.js';
export type { FakeSlackOptions } from './state.js';
export { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET, type InstallApproval } from './token-registry.js';
export type {
  CallArgs,
  EphemeralMessage,
  FakeChannelInput,
  FakeUserInput,
  RecordedCall,
  StoredMessage,
  StoredView,
  UploadedFile,
} from './types.js';
export { applyViewSubmissionAck } from './view-ack.js';
export type { FriendlyValue, OptionInput, StateValues, StateValuesInput } from './view-state.js';
export { buildStateValues } from './view-state.js';
