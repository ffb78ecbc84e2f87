export { FakeJira, type FakeJiraCall, type FakeJiraIssue, JIRA_API_TOKEN, JIRA_EMAIL } from './server.js';
export {
  type ChangelogItem,
  commentCreated,
  deliverJira,
  issueDeleted,
  issueUpdated,
  JIRA_ENGINEER,
  JIRA_WEBHOOK_SECRET,
  type JiraDelivery,
  signJira,
  transitionIssue,
} from './webhooks.js';
