export { FakeLinear, type FakeLinearCall, LINEAR_API_KEY } from './server.js';
export {
  changeIssue,
  commentOn,
  deliverLinear,
  issueData,
  LINEAR_WEBHOOK_SECRET,
  type LinearDelivery,
  moveIssue,
  removeIssue,
  signLinear,
} from './webhooks.js';
export type { FakeLinearIssue, StateType } from './workspace.js';
