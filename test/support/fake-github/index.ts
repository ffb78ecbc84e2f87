export { FakeGithub, type FakeGithubCall, type FakeIssue, GITHUB_TOKEN } from './server.js';
export {
  closeIssue,
  commentEvent,
  type Delivery,
  deliver,
  issuesEvent,
  signGithub,
  WEBHOOK_SECRET,
} from './webhooks.js';
