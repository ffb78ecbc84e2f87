/**
 * What the fake Linear keeps and how it answers Rapport's operations (named `Rapport…`), with the shapes
 * Linear's GraphQL API documents: issues with their team, workflow state, cycle and assignee; comments;
 * customers and customer needs (only where the plan has Customers); errors with `extensions.code`.
 */
import { randomUUID } from 'node:crypto';

export type StateType =
  | 'triage'
  | 'backlog'
  | 'unstarted'
  | 'started'
  | 'completed'
  | 'canceled'
  | 'duplicate';

export const STATE_NAMES: Record<StateType, string> = {
  triage: 'Triage',
  backlog: 'Backlog',
  unstarted: 'Todo',
  started: 'In Progress',
  completed: 'Done',
  canceled: 'Canceled',
  duplicate: 'Duplicate',
};

export interface FakeLinearIssue {
  id: string;
  teamKey: string;
  number: number;
  title: string;
  description: string;
  labelIds: string[];
  stateType: StateType;
  dueDate: string | null;
  cycleEndsAt: string | null;
  assignee: string | null;
  comments: { id: string; body: string; createdAt: string }[];
  trashed: boolean;
}

export interface FakeTeam {
  id: string;
  key: string;
  labels: { id: string; name: string }[];
}

/** A GraphQL error as Linear answers it; `status` is the HTTP status it comes with. */
export class LinearFault extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

type Variables = Record<string, unknown>;
type Filter = Record<string, unknown>;

export class FakeLinearWorkspace {
  readonly teams: FakeTeam[] = [];
  readonly issues: FakeLinearIssue[] = [];
  readonly customers: { id: string; externalId: string; name: string }[] = [];
  readonly needs: { id: string; issueId: string; customerId: string; body: string }[] = [];
  /** Plans without Customers refuse customer operations. */
  customersEnabled = true;

  constructor(private readonly now: () => Date) {}

  addTeam(key: string, labels: string[] = []): FakeTeam {
    const team = { id: randomUUID(), key, labels: labels.map((name) => ({ id: randomUUID(), name })) };
    this.teams.push(team);
    return team;
  }

  identifier = (issue: FakeLinearIssue) => `${issue.teamKey}-${issue.number}`;

  /** An issue someone made in Linear (not through Rapport). */
  openIssue(teamKey: string, title: string, id: string = randomUUID()): FakeLinearIssue {
    const number = this.issues.filter((i) => i.teamKey === teamKey).length + 1;
    const issue: FakeLinearIssue = {
      id,
      teamKey,
      number,
      title,
      description: '',
      labelIds: [],
      stateType: 'backlog',
      dueDate: null,
      cycleEndsAt: null,
      assignee: null,
      comments: [],
      trashed: false,
    };
    this.issues.push(issue);
    return issue;
  }

  url = (issue: FakeLinearIssue) =>
    `https://linear.app/acme/issue/${this.identifier(issue).toLowerCase()}/${issue.title.toLowerCase().replace(/\W+/g, '-')}`;

  /** The issue as Rapport's fields select it. */
  toNode(issue: FakeLinearIssue) {
    return {
      id: issue.id,
      identifier: this.identifier(issue),
      number: issue.number,
      url: this.url(issue),
      dueDate: issue.dueDate,
      trashed: issue.trashed ? true : null,
      team: { key: issue.teamKey },
      state: { type: issue.stateType },
      assignee: issue.assignee ? { name: issue.assignee } : null,
      cycle: issue.cycleEndsAt ? { endsAt: issue.cycleEndsAt } : null,
    };
  }

  /** Answers one of Rapport's operations, by its name. */
  answer(operation: string, variables: Variables): unknown {
    const input = (variables.input ?? {}) as Variables;
    switch (operation) {
      case 'RapportViewer':
        return { viewer: { id: 'user-rapport', name: 'Rapport Bot', email: 'rapport-bot@vendor.example' } };
      case 'RapportTeam': {
        const teams = this.teams.filter((t) => t.key === variables.key);
        return {
          teams: { nodes: teams.map(({ id, key }) => ({ id, key })) },
          issueLabels: { nodes: teams.flatMap((t) => t.labels) },
        };
      }
      case 'RapportIssueCreate':
        return { issueCreate: { success: true, issue: this.toNode(this.createIssue(input)) } };
      case 'RapportIssues': {
        const found = this.issues.filter((i) => this.matches(i, variables.filter as Filter));
        return { issues: { nodes: found.slice(0, Number(variables.first)).map((i) => this.toNode(i)) } };
      }
      case 'RapportIssueComments': {
        const since = Date.parse(String(variables.since));
        const found = this.issues.filter((i) => this.matches(i, variables.filter as Filter)).slice(0, 1);
        const nodes = found.map((i) => ({
          id: i.id,
          comments: {
            nodes: i.comments.filter((c) => Date.parse(c.createdAt) >= since).map(({ id }) => ({ id })),
          },
        }));
        return { issues: { nodes } };
      }
      case 'RapportCommentCreate':
        return { commentCreate: { success: true, comment: { id: this.createComment(input) } } };
      case 'RapportCustomerUpsert':
        return { customerUpsert: { success: true, customer: { id: this.upsertCustomer(input) } } };
      case 'RapportCustomerNeed':
        this.requireCustomers();
        return {
          customerNeeds: { nodes: this.needs.filter((n) => n.id === variables.id).map(({ id }) => ({ id })) },
        };
      case 'RapportCustomerNeedCreate':
        return { customerNeedCreate: { success: true, need: { id: this.createNeed(input) } } };
      default:
        throw new LinearFault('GRAPHQL_VALIDATION_FAILED', `Unknown operation ${operation}`);
    }
  }

  /** Linear's IssueFilter, as far as Rapport uses it: `or`, `id`, `team.key`, `number`. */
  private matches(issue: FakeLinearIssue, filter: Filter): boolean {
    const eq = (comparator: unknown) => (comparator as { eq?: unknown } | undefined)?.eq;
    if (Array.isArray(filter.or)) return filter.or.some((f) => this.matches(issue, f as Filter));
    if ('id' in filter && eq(filter.id) !== issue.id) return false;
    if ('team' in filter && eq((filter.team as Filter).key) !== issue.teamKey) return false;
    if ('number' in filter && eq(filter.number) !== issue.number) return false;
    return true;
  }

  private createIssue(input: Variables): FakeLinearIssue {
    const team = this.teams.find((t) => t.id === input.teamId);
    if (!team) throw new LinearFault('INVALID_INPUT', 'Entity not found: Team');
    if (typeof input.title !== 'string' || !input.title)
      throw new LinearFault('INVALID_INPUT', 'title must not be empty');
    const id = typeof input.id === 'string' ? input.id : randomUUID();
    if (this.issues.some((i) => i.id === id)) throw new LinearFault('INVALID_INPUT', 'Entity already exists');
    const issue = this.openIssue(team.key, input.title, id);
    issue.description = String(input.description ?? '');
    issue.labelIds = (input.labelIds as string[] | undefined) ?? [];
    return issue;
  }

  private createComment(input: Variables): string {
    const issue = this.issues.find((i) => i.id === input.issueId && !i.trashed);
    if (!issue) throw new LinearFault('INVALID_INPUT', 'Entity not found: Issue');
    const id = typeof input.id === 'string' ? input.id : randomUUID();
    if (this.issues.some((i) => i.comments.some((c) => c.id === id)))
      throw new LinearFault('INVALID_INPUT', 'Entity already exists');
    issue.comments.push({ id, body: String(input.body ?? ''), createdAt: this.now().toISOString() });
    return id;
  }

  private requireCustomers(): void {
    if (!this.customersEnabled)
      throw new LinearFault('FEATURE_NOT_ACCESSIBLE', 'Customers are not available on your plan');
  }

  private upsertCustomer(input: Variables): string {
    this.requireCustomers();
    const known = this.customers.find((c) => c.externalId === input.externalId);
    if (known) {
      known.name = String(input.name ?? known.name);
      return known.id;
    }
    const customer = { id: randomUUID(), externalId: String(input.externalId), name: String(input.name) };
    this.customers.push(customer);
    return customer.id;
  }

  private createNeed(input: Variables): string {
    this.requireCustomers();
    const customer = this.customers.find((c) => c.externalId === input.customerExternalId);
    const issue = this.issues.find((i) => i.id === input.issueId);
    if (!customer || !issue) throw new LinearFault('INVALID_INPUT', 'Entity not found: Customer or Issue');
    const id = typeof input.id === 'string' ? input.id : randomUUID();
    if (this.needs.some((n) => n.id === id)) throw new LinearFault('INVALID_INPUT', 'Entity already exists');
    this.needs.push({ id, issueId: issue.id, customerId: customer.id, body: String(input.body ?? '') });
    return id;
  }
}
