/**
 * The GraphQL operations Rapport sends to Linear: small, named, asking only for the fields it reads, so
 * each costs little of Linear's complexity budget.
 */

const ISSUE_FIELDS =
  'id identifier number url dueDate trashed team { key } state { type } assignee { name } cycle { endsAt }';

/** Who the API key acts as: the one cheap call that checks a connection. */
export const VIEWER = `query RapportViewer {
  viewer { id name email }
}`;

export const TEAM_AND_LABELS = `query RapportTeam($key: String!) {
  teams(filter: { key: { eq: $key } }) { nodes { id key } }
  issueLabels(first: 250, filter: { or: [{ team: { key: { eq: $key } } }, { team: { null: true } }] }) {
    nodes { id name }
  }
}`;

export const CREATE_ISSUE = `mutation RapportIssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { ${ISSUE_FIELDS} } }
}`;

/** Issues by filter, archived ones included (Linear archives closed issues after a while). */
export const ISSUES = `query RapportIssues($filter: IssueFilter!, $first: Int!) {
  issues(first: $first, filter: $filter, includeArchived: true) { nodes { ${ISSUE_FIELDS} } }
}`;

export const ISSUE_COMMENTS = `query RapportIssueComments($filter: IssueFilter!, $since: DateTimeOrDuration!) {
  issues(first: 1, filter: $filter, includeArchived: true) {
    nodes { id comments(first: 100, filter: { createdAt: { gte: $since } }) { nodes { id } } }
  }
}`;

export const CREATE_COMMENT = `mutation RapportCommentCreate($input: CommentCreateInput!) {
  commentCreate(input: $input) { success comment { id } }
}`;

export const UPSERT_CUSTOMER = `mutation RapportCustomerUpsert($input: CustomerUpsertInput!) {
  customerUpsert(input: $input) { success customer { id } }
}`;

export const CUSTOMER_NEED = `query RapportCustomerNeed($id: ID!) {
  customerNeeds(filter: { id: { eq: $id } }) { nodes { id } }
}`;

export const CREATE_CUSTOMER_NEED = `mutation RapportCustomerNeedCreate($input: CustomerNeedCreateInput!) {
  customerNeedCreate(input: $input) { success need { id } }
}`;

/** The parts of Linear's Issue that Rapport reads. */
export interface LinearIssueNode {
  id: string;
  identifier: string;
  number: number;
  url: string;
  dueDate: string | null;
  trashed?: boolean | null;
  team: { key: string };
  state: { type: string };
  assignee: { name: string } | null;
  cycle: { endsAt: string } | null;
}
