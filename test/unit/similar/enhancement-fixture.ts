/**
 * Enhancement requests as different customers word them, for measuring similar-request suggestions.
 * `same` lists the requests that are one product change asked twice (by two customers, in their own
 * words); `alone` lists requests nobody else made, many of them close in vocabulary to another one
 * (the hard part: same area, different change).
 */
export interface FixtureRequest {
  customer: string;
  title: string;
  details: string;
}

type Entry = [customer: string, title: string, details: string];

const r = ([customer, title, details]: Entry): FixtureRequest => ({ customer, title, details });

export const same: [FixtureRequest, FixtureRequest][] = (
  [
    [
      [
        'Acme',
        'Export dashboards as PDF',
        'Our managers print the weekly dashboard for the board meeting. Today we take screenshots and paste them into Word.',
      ],
      [
        'Globex',
        'Download a dashboard to a printable file',
        'We need to hand a PDF version of each dashboard to executives who never log into the tool.',
      ],
    ],
    [
      [
        'Initech',
        'Single sign-on with Okta',
        'IT requires every vendor tool to authenticate through our Okta tenant; separate passwords fail our audit.',
      ],
      [
        'Umbrella',
        'SAML login for our staff',
        'Security policy: employees must sign in through our identity provider using SAML, not a local password.',
      ],
    ],
    [
      [
        'Hooli',
        'Dark mode',
        'Our support agents work night shifts and the bright white interface hurts their eyes.',
      ],
      [
        'Soylent',
        'A night theme for the web app',
        'Please offer a darker colour scheme; staff on late shifts complain about glare.',
      ],
    ],
    [
      [
        'Stark',
        'Bulk edit ticket status',
        'When a release ships we close forty tickets one by one. Selecting many and changing the status at once would save hours.',
      ],
      [
        'Wayne',
        'Change the state of many tickets in one go',
        'Mass update: tick several tickets in the list and set them all to resolved together.',
      ],
    ],
    [
      [
        'Wonka',
        'Two-factor authentication for admins',
        'Admin accounts should require a second factor such as an authenticator app code.',
      ],
      [
        'Tyrell',
        'Require MFA at sign in',
        'Our insurer asks that all SaaS tools enforce multi-factor authentication for privileged users.',
      ],
    ],
    [
      [
        'Cyberdyne',
        'Scheduled email of reports',
        'Send the monthly usage report automatically to a distribution list on the first of each month.',
      ],
      [
        'Vandelay',
        'Recurring report delivery by mail',
        'We want reports mailed to finance every Monday morning without someone pressing export.',
      ],
    ],
    [
      [
        'Acme',
        'Audit log of admin changes',
        'Compliance needs a record of who changed permissions or settings, and when.',
      ],
      [
        'Initech',
        'History of configuration changes for auditors',
        'Our SOC 2 auditor asked for a trail showing which administrator modified roles and workspace settings.',
      ],
    ],
    [
      [
        'Globex',
        'Import contacts from a CSV file',
        'We have 12,000 contacts in a spreadsheet and typing them in is not an option.',
      ],
      [
        'Hooli',
        'Upload customer list from Excel',
        'Let us load our existing contact spreadsheet instead of creating every record by hand.',
      ],
    ],
    [
      [
        'Umbrella',
        'Webhook when a ticket is closed',
        'Our ERP should be told the moment a ticket closes so billing can start.',
      ],
      [
        'Stark',
        'Callback to our system on ticket resolution',
        'Post a JSON payload to a URL we configure whenever a ticket gets resolved.',
      ],
    ],
    [
      [
        'Soylent',
        'Mobile app for field technicians',
        'Technicians on site have only their phones; the website is unusable on a small screen.',
      ],
      [
        'Wonka',
        'Native iPhone and Android app',
        'Our engineers travel and need to update jobs from a smartphone, ideally offline too.',
      ],
    ],
    [
      [
        'Wayne',
        'Custom fields on tickets',
        'We track contract number and region on every ticket; there is nowhere to put them.',
      ],
      [
        'Cyberdyne',
        'Add our own attributes to tickets',
        'Let admins define extra fields such as plant location and purchase order on tickets.',
      ],
    ],
    [
      [
        'Tyrell',
        'German and French translations',
        'Half of our users are in Germany and France and struggle with the English-only interface.',
      ],
      [
        'Acme',
        'Localise the interface into European languages',
        'Our teams in Lyon and Munich want the product in their own language.',
      ],
    ],
    [
      [
        'Vandelay',
        'Slack notifications when assigned',
        'Tell me in Slack when a ticket is assigned to me instead of only by email.',
      ],
      [
        'Globex',
        'Alert assignees in Slack',
        'Engineers live in Slack; notify the person a ticket was given to there.',
      ],
    ],
    [
      [
        'Initech',
        'Faster loading of the ticket list',
        'The list takes 8 seconds to open with 50,000 tickets. It used to be instant.',
      ],
      [
        'Umbrella',
        'Ticket queue is very slow',
        'Opening the queue view lags badly since our volume grew; agents wait several seconds every time.',
      ],
    ],
    [
      [
        'Hooli',
        'Restrict who can delete records',
        'Only admins should be able to delete contacts; today any agent can and mistakes happen.',
      ],
      [
        'Soylent',
        'Permission to remove contacts',
        'We need a role setting so regular agents cannot erase customer records.',
      ],
    ],
    [
      [
        'Stark',
        'Undo a deleted ticket',
        'Someone removed an important ticket by accident and there was no way to get it back.',
      ],
      [
        'Tyrell',
        'Recycle bin to restore deleted items',
        'Keep deleted tickets for 30 days so we can recover them after a mistake.',
      ],
    ],
    [
      [
        'Wonka',
        'Google Calendar sync for due dates',
        'Show ticket due dates in our Google calendars so people plan their week.',
      ],
      [
        'Vandelay',
        'Put deadlines into Outlook calendar',
        'Due dates of tasks should appear in Outlook so nothing is missed.',
      ],
    ],
    [
      [
        'Cyberdyne',
        'REST API to create tickets',
        'Our monitoring should open tickets programmatically through an API endpoint.',
      ],
      [
        'Acme',
        'Create tickets from our own software via API',
        'We want to raise tickets automatically from our internal tools using an HTTP endpoint.',
      ],
    ],
    [
      [
        'Globex',
        'Time zone per user',
        'Our staff are in Sydney and London; every timestamp shows in US Eastern time.',
      ],
      [
        'Wayne',
        'Show times in each person’s local timezone',
        'Dates and times are displayed in the account owner’s zone, confusing our Asian offices.',
      ],
    ],
    [
      [
        'Umbrella',
        'Attach files larger than 25 MB',
        'Engineers share log bundles of 100 MB and the upload limit blocks them.',
      ],
      [
        'Initech',
        'Raise the attachment size limit',
        'We cannot attach crash dumps because files over 25 megabytes are rejected.',
      ],
    ],
    [
      [
        'Soylent',
        'SLA timers that pause outside business hours',
        'Our contract SLA counts business hours only, but the timer runs over the weekend.',
      ],
      [
        'Stark',
        'Business-hours aware response targets',
        'Response time targets should stop counting at night and on public holidays.',
      ],
    ],
    [
      [
        'Tyrell',
        'Merge duplicate contacts',
        'Imports create the same person twice; we want to combine the two records and keep the history.',
      ],
      [
        'Hooli',
        'Combine two records of the same customer',
        'When a contact exists twice, let us merge them into one without losing tickets.',
      ],
    ],
    [
      [
        'Vandelay',
        'Saved filters on the ticket list',
        'Each agent rebuilds the same filter every morning; let them save and name it.',
      ],
      [
        'Cyberdyne',
        'Save a view with my search criteria',
        'Store my favourite combination of filters so I can open it with one click.',
      ],
    ],
    [
      [
        'Acme',
        'Customer satisfaction survey after resolution',
        'Send a short rating request to the requester when their ticket is resolved.',
      ],
      [
        'Wonka',
        'CSAT rating when a ticket closes',
        'Ask customers to rate the support they got once the issue is closed.',
      ],
    ],
    [
      [
        'Globex',
        'Invoices in the admin console',
        'Finance wants to download past invoices themselves instead of asking our account manager.',
      ],
      [
        'Tyrell',
        'Self-service access to billing documents',
        'Let our accountants fetch billing statements and receipts from the settings page.',
      ],
    ],
    [
      [
        'Initech',
        'Data residency in the EU',
        'Our legal team requires that customer data is stored in European data centres only.',
      ],
      [
        'Soylent',
        'Host our data in Europe',
        'GDPR counsel insists our records never leave the EU; offer an EU region.',
      ],
    ],
    [
      [
        'Wayne',
        'Keyboard shortcuts for agents',
        'Power users want to assign, close and reply without touching the mouse.',
      ],
      [
        'Umbrella',
        'Hotkeys for common actions',
        'Let agents press a key to reply, close or assign a ticket; clicking slows them down.',
      ],
    ],
    [
      [
        'Stark',
        'Charts of ticket volume over time',
        'We need a graph of tickets opened and closed per week to staff the team.',
      ],
      [
        'Globex',
        'Trend graph for incoming requests',
        'Plot how many requests arrive each week so we can see seasonal peaks.',
      ],
    ],
    [
      [
        'Hooli',
        'Ticket templates for common requests',
        'New-laptop and access requests always need the same fields; a preset form would help.',
      ],
      [
        'Vandelay',
        'Predefined forms for recurring ticket types',
        'Give us reusable templates so requesters fill the right information for routine requests.',
      ],
    ],
    [
      [
        'Cyberdyne',
        'Approval step before a change is made',
        'Changes to production need a manager to approve the ticket before work starts.',
      ],
      [
        'Initech',
        'Manager sign-off on change requests',
        'Add an approval gate so a lead must sign off before engineers act on a change ticket.',
      ],
    ],
    [
      ['Tyrell', 'Tags on tickets', 'We want to label tickets by product area to filter and report on them.'],
      [
        'Stark',
        'Label tickets with free-form keywords',
        'Agents should mark tickets with labels like billing or onboarding for later filtering.',
      ],
    ],
    [
      [
        'Wonka',
        'Archive old projects',
        'Finished projects clutter the sidebar; we want to hide them without deleting.',
      ],
      [
        'Hooli',
        'Hide completed projects from the navigation',
        'Archiving closed projects would tidy the menu while keeping their history searchable.',
      ],
    ],
    [
      [
        'Soylent',
        'Search inside attachments',
        'Finding a ticket by text that appears in an attached PDF is impossible today.',
      ],
      [
        'Wayne',
        'Full-text search of attached documents',
        'Index the content of uploaded files so a search finds words inside them.',
      ],
    ],
    [
      [
        'Umbrella',
        'Salesforce integration',
        'Show open tickets on the account page in Salesforce so sales reps see support issues.',
      ],
      [
        'Cyberdyne',
        'Sync support cases to our CRM (Salesforce)',
        'Our account executives want the customer’s tickets visible inside Salesforce.',
      ],
    ],
    [
      [
        'Acme',
        'Auto-assign tickets round robin',
        'Distribute new tickets evenly between available agents instead of a manual triage.',
      ],
      [
        'Vandelay',
        'Automatic ticket distribution across the team',
        'Assign incoming tickets to agents in turn so the load is balanced without a dispatcher.',
      ],
    ],
    [
      ['Initech', 'Canned responses', 'Agents type the same answers all day; let them insert saved replies.'],
      [
        'Tyrell',
        'Reusable reply snippets for agents',
        'A library of stored answers agents can drop into a reply with a shortcut.',
      ],
    ],
    [
      [
        'Globex',
        'Usage limits per department',
        'Cap how many seats each department can assign so budgets hold.',
      ],
      [
        'Soylent',
        'Seat quotas by business unit',
        'Each business unit pays for its own licences; set a maximum per unit.',
      ],
    ],
    [
      [
        'Stark',
        'Password rules for local accounts',
        'Enforce minimum length and complexity for passwords, and expiry after 90 days.',
      ],
      [
        'Umbrella',
        'Configurable password policy',
        'Our security standard needs longer passphrases with symbols and periodic rotation.',
      ],
    ],
    [
      [
        'Hooli',
        'Customer portal with ticket history',
        'Our clients want to log in and see all their past and open tickets in one place.',
      ],
      [
        'Initech',
        'Self-service page where end customers track requests',
        'Give requesters a portal to follow the status of everything they raised.',
      ],
    ],
    [
      [
        'Wayne',
        'Encrypt data at rest with our own keys',
        'Bring-your-own-key encryption is required by our bank regulator.',
      ],
      [
        'Wonka',
        'Customer-managed encryption keys',
        'We must control the keys used to encrypt our stored data and be able to revoke them.',
      ],
    ],
    [
      [
        'Vandelay',
        'Duplicate a project with its settings',
        'Starting a new client project, we rebuild the same columns and rules each time.',
      ],
      [
        'Stark',
        'Clone an existing project as a starting point',
        'Copy a project including workflows and fields so setup takes minutes.',
      ],
    ],
    [
      [
        'Cyberdyne',
        'Read-only guest access',
        'External auditors need to view tickets without being able to change anything.',
      ],
      [
        'Hooli',
        'Viewer role for outside reviewers',
        'A permission level that lets consultants look but not edit.',
      ],
    ],
    [
      [
        'Tyrell',
        'Export all data for backup',
        'We want a full dump of our account’s data every night for our own backups.',
      ],
      [
        'Globex',
        'Complete data extract for archiving',
        'Provide a way to download everything in our workspace so we keep an offline copy.',
      ],
    ],
    [
      [
        'Soylent',
        'Markdown in ticket comments',
        'Engineers paste code and lists; formatting is lost in plain text comments.',
      ],
      [
        'Acme',
        'Rich text formatting for replies',
        'Support headings, bullet lists and code blocks in comments, for example with Markdown.',
      ],
    ],
    [
      [
        'Umbrella',
        'Microsoft Teams notifications',
        'We do not use Slack; post ticket updates to our Teams channels.',
      ],
      [
        'Wonka',
        'Send alerts to a Teams channel',
        'Our company runs on Microsoft Teams; updates should arrive there.',
      ],
    ],
    [
      [
        'Initech',
        'Escalate tickets that breach SLA',
        'When a ticket misses its target, notify the team lead automatically.',
      ],
      [
        'Vandelay',
        'Notify a manager when a response target is missed',
        'An overdue ticket should alert the supervisor so it does not sit unnoticed.',
      ],
    ],
    [
      [
        'Wayne',
        'Multiple brands in one account',
        'We run two product lines with separate logos and email addresses for support.',
      ],
      [
        'Tyrell',
        'Separate branding per product line',
        'Each of our brands needs its own portal look and sender address, under one subscription.',
      ],
    ],
    [
      [
        'Stark',
        'Custom domain for the help centre',
        'Serve the portal on help.stark.com instead of your subdomain.',
      ],
      [
        'Cyberdyne',
        'Use our own URL for the support portal',
        'We want the help site under our domain with our TLS certificate.',
      ],
    ],
    [
      [
        'Hooli',
        'Offline mode for the mobile app',
        'Warehouses have no signal; let technicians record work offline and sync later.',
      ],
      [
        'Soylent',
        'Work without a connection on phones',
        'Field staff lose coverage underground; keep changes on the phone and upload when back online.',
      ],
    ],
    [
      [
        'Globex',
        'Round-trip email replies into tickets',
        'When a customer replies to a notification email, add their reply to the ticket.',
      ],
      [
        'Initech',
        'Customer email responses should update the ticket',
        'Answers sent by mail go nowhere; thread them into the ticket conversation.',
      ],
    ],
    [
      [
        'Acme',
        'Time tracking on tickets',
        'Agents should log minutes spent per ticket so we can bill customers.',
      ],
      [
        'Umbrella',
        'Record hours worked per request',
        'We invoice by the hour and need to capture time spent on each ticket.',
      ],
    ],
    [
      [
        'Wonka',
        'Priority levels beyond high and low',
        'We need critical and urgent priorities with their own colours.',
      ],
      [
        'Stark',
        'More granular ticket priorities',
        'Two priority values are not enough; add a scale such as P1 to P4.',
      ],
    ],
    [
      [
        'Tyrell',
        'Jira integration for escalations',
        'Create a linked Jira issue from a ticket when engineering must fix a bug.',
      ],
      [
        'Hooli',
        'Push bugs from support to Jira',
        'Agents should hand a ticket to developers as a Jira issue and see its status.',
      ],
    ],
    [
      ['Vandelay', 'IP allowlist for logins', 'Only allow access from our office and VPN addresses.'],
      [
        'Wayne',
        'Restrict access by network address',
        'Block sign-ins coming from outside our corporate IP ranges.',
      ],
    ],
    [
      [
        'Cyberdyne',
        'Automatic user provisioning (SCIM)',
        'When HR adds or removes someone in Azure AD, their account should follow.',
      ],
      [
        'Soylent',
        'Sync accounts from our directory',
        'Create and deactivate users automatically from our identity provider via SCIM.',
      ],
    ],
    [
      [
        'Initech',
        'Knowledge base articles suggested while typing',
        'Show relevant help articles to customers as they write a ticket to deflect simple questions.',
      ],
      [
        'Acme',
        'Recommend FAQ answers on the request form',
        'Suggest matching articles before a customer submits, so common questions are answered at once.',
      ],
    ],
    [
      ['Umbrella', 'Kanban board view', 'Visualise tickets as cards moving through columns by status.'],
      [
        'Globex',
        'Board with columns per stage',
        'We would like to drag tickets between status columns like a Kanban.',
      ],
    ],
    [
      [
        'Soylent',
        'Subtasks inside a ticket',
        'Big requests have several steps owned by different people; split them into child tasks.',
      ],
      [
        'Tyrell',
        'Break tickets into smaller child items',
        'Allow nested tasks under a ticket, each with its own assignee and checkbox.',
      ],
    ],
    [
      [
        'Hooli',
        'Show customer’s plan and contract on the ticket',
        'Agents need to see the account tier and renewal date while replying.',
      ],
      [
        'Wonka',
        'Account details panel in the ticket view',
        'Display the requester’s subscription level and contract dates next to the conversation.',
      ],
    ],
    [
      [
        'Stark',
        'Reopen tickets when the customer replies',
        'A closed ticket gets a new reply and nobody sees it.',
      ],
      [
        'Vandelay',
        'Closed ticket should come back to life on a new answer',
        'If the requester writes again after closure, put the ticket back into the open queue.',
      ],
    ],
    [
      [
        'Wayne',
        'Data retention policy',
        'Delete tickets and attachments automatically after seven years, as our policy requires.',
      ],
      [
        'Initech',
        'Automatically purge old records',
        'Configure how long tickets are kept and erase them after that period for compliance.',
      ],
    ],
    [
      [
        'Globex',
        'Internal notes visible only to agents',
        'Agents discuss a case privately without the customer seeing it.',
      ],
      [
        'Cyberdyne',
        'Private comments on tickets',
        'Add a comment type hidden from the requester for team discussion.',
      ],
    ],
    [
      [
        'Acme',
        'Export ticket list to Excel',
        'We analyse tickets in spreadsheets; give us an export of the filtered list.',
      ],
      [
        'Soylent',
        'Download filtered tickets as a spreadsheet',
        'Let us extract the current list view to XLSX for our own analysis.',
      ],
    ],
    [
      [
        'Tyrell',
        'Accessibility: screen reader support',
        'A blind colleague cannot use the ticket form with NVDA; labels are missing.',
      ],
      [
        'Umbrella',
        'WCAG compliance for the agent interface',
        'Our accessibility audit found unlabeled buttons and poor contrast; we need AA conformance.',
      ],
    ],
    [
      [
        'Wonka',
        'Merge tickets about the same issue',
        'Several customers report one outage in separate tickets; combine them into one.',
      ],
      [
        'Globex',
        'Combine duplicate tickets',
        'Link or merge tickets that describe the same problem so we answer once.',
      ],
    ],
    [
      [
        'Vandelay',
        'Sandbox environment for testing configuration',
        'We want to try workflow changes somewhere that does not affect production.',
      ],
      [
        'Hooli',
        'Staging copy of our workspace',
        'A test instance to rehearse changes to rules and fields before going live.',
      ],
    ],
    [
      [
        'Initech',
        'Mention colleagues in comments',
        'Type @name in a comment to bring a colleague into the ticket and notify them.',
      ],
      [
        'Stark',
        'Tag a teammate in an internal note so they get notified',
        'We want to ping another agent from inside a ticket comment.',
      ],
    ],
    [
      [
        'Cyberdyne',
        'Working hours per agent',
        'Shifts differ by person; routing should know who is on duty.',
      ],
      [
        'Wayne',
        'Agent schedules and availability',
        'Record each agent’s shift so tickets only go to people currently working.',
      ],
    ],
    [
      [
        'Soylent',
        'Public status page for outages',
        'Customers should see current incidents and maintenance on a status page.',
      ],
      [
        'Acme',
        'Incident status website for our clients',
        'Publish ongoing outages and planned maintenance on a public page.',
      ],
    ],
    [
      [
        'Hooli',
        'Chat widget on our website',
        'Visitors should start a live chat with an agent from our homepage.',
      ],
      [
        'Tyrell',
        'Live chat for website visitors',
        'Embed a messaging window on our site that creates a conversation for agents.',
      ],
    ],
  ] as [Entry, Entry][]
).map(([a, b]) => [r(a), r(b)]);

export const alone: FixtureRequest[] = (
  [
    [
      'Globex',
      'Export dashboard data as CSV',
      'Analysts want the raw numbers behind a widget as a CSV file, not a picture.',
    ],
    [
      'Wayne',
      'Print a single ticket',
      'Some field offices want a paper copy of one ticket with its conversation.',
    ],
    ['Umbrella', 'Login page with our logo', 'Put our company logo and colours on the sign-in screen.'],
    [
      'Stark',
      'Session timeout setting',
      'Sign users out after 15 minutes of inactivity on shared terminals.',
    ],
    [
      'Acme',
      'High contrast colour scheme for colour-blind users',
      'Red and green status badges are indistinguishable for some of our staff.',
    ],
    [
      'Initech',
      'Bulk import of knowledge base articles',
      'Move 300 existing help articles from Confluence in one step.',
    ],
    ['Wonka', 'Remember the last used filter', 'The list forgets my sort order every time I leave the page.'],
    [
      'Tyrell',
      'Email digest of my assigned tickets',
      'One morning summary of what is on my plate instead of a message per change.',
    ],
    [
      'Cyberdyne',
      'Weekly report of agent performance',
      'Show each agent’s solved count and average handling time for coaching.',
    ],
    [
      'Vandelay',
      'Export audit log to our SIEM',
      'Stream security events to Splunk for our security operations centre.',
    ],
    [
      'Globex',
      'Import tickets from Zendesk',
      'We are migrating and need our historical tickets brought over with comments.',
    ],
    [
      'Hooli',
      'Webhook retries and delivery log',
      'When our endpoint is down, events are lost; show failed deliveries and retry them.',
    ],
    [
      'Soylent',
      'Tablet layout for the dashboard',
      'Managers review the dashboard on iPads in meetings and the charts overflow.',
    ],
    [
      'Wayne',
      'Custom fields on the customer portal form',
      'Ask end customers for their asset number when they open a request.',
    ],
    [
      'Umbrella',
      'Right-to-left language support',
      'Our Arabic and Hebrew speaking customers see broken layouts.',
    ],
    [
      'Stark',
      'Slack command to create a ticket',
      'Raise a ticket from Slack with a slash command without leaving the conversation.',
    ],
    ['Acme', 'Performance of the reporting page', 'Reports covering a full year time out after 60 seconds.'],
    ['Initech', 'Per-project permissions', 'Contractors should only see the projects they work on.'],
    [
      'Wonka',
      'Delete my account and personal data on request',
      'GDPR erasure requests from our end users must be honoured completely.',
    ],
    [
      'Tyrell',
      'Restore a previous version of an article',
      'Knowledge base edits overwrite each other; keep versions to roll back.',
    ],
    [
      'Cyberdyne',
      'Outlook add-in to turn emails into tickets',
      'Agents forward emails manually; a button in Outlook would create the ticket.',
    ],
    ['Vandelay', 'API rate limit increase', 'Our nightly sync hits the 100 requests per minute limit.'],
    [
      'Globex',
      'Time zone of scheduled reports',
      'Scheduled reports go out at 3 a.m. local time because they use UTC.',
    ],
    ['Hooli', 'Preview attachments in the browser', 'Opening images and PDFs should not force a download.'],
    ['Soylent', 'Business hours per region', 'Our APAC and EMEA desks keep different hours and holidays.'],
    [
      'Wayne',
      'Merge two projects into one',
      'After a reorganisation two projects should become one with all their tickets.',
    ],
    [
      'Umbrella',
      'Saved replies shared across teams',
      'Marketing and support should not keep separate copies of the same answer.',
    ],
    [
      'Stark',
      'Satisfaction score on the dashboard',
      'Show our average CSAT per month next to ticket volume.',
    ],
    ['Acme', 'Billing in euros', 'Our subsidiary must be invoiced in EUR, not dollars.'],
    [
      'Initech',
      'EU holidays in the business calendar',
      'Pre-load public holidays of EU countries so SLAs skip them.',
    ],
    [
      'Wonka',
      'Shortcut to jump between tickets',
      'Move to the next ticket in the queue without going back to the list.',
    ],
    ['Tyrell', 'Pie chart widget', 'Our dashboard needs a share-of-category pie chart in addition to bars.'],
    [
      'Cyberdyne',
      'Template for project status emails',
      'Send clients a formatted weekly status email built from project data.',
    ],
    [
      'Vandelay',
      'Approval by two managers',
      'High-value purchases require both finance and the department head.',
    ],
    ['Globex', 'Colour for each tag', 'Give labels colours so they stand out in the list.'],
    ['Hooli', 'Unarchive projects', 'We archived a project by mistake and cannot bring it back.'],
    [
      'Soylent',
      'Search by ticket number',
      'Typing a ticket number in search should open that ticket directly.',
    ],
    [
      'Wayne',
      'HubSpot integration',
      'Our marketing team uses HubSpot and wants tickets on contact timelines.',
    ],
    ['Umbrella', 'Assign tickets based on skills', 'Route database questions to agents who know databases.'],
    [
      'Stark',
      'Canned responses in the customer’s language',
      'Our saved replies exist in English only; customers write in Spanish.',
    ],
    ['Acme', 'Seat usage report', 'Finance wants to see how many licences are assigned versus used.'],
    [
      'Initech',
      'Password reset by SMS',
      'Users locked out without email access should reset their password by text message.',
    ],
    [
      'Wonka',
      'Portal in our customers’ language',
      'The self-service portal should follow the browser language of the visitor.',
    ],
    [
      'Tyrell',
      'Encrypt attachments with a password',
      'Sensitive files sent to customers should be password protected.',
    ],
    [
      'Cyberdyne',
      'Copy a ticket to another project',
      'Sometimes a request belongs to two teams and both need their own ticket.',
    ],
    [
      'Vandelay',
      'Guest access to a single ticket by link',
      'Share one ticket with a supplier through a link without an account.',
    ],
    [
      'Globex',
      'Backup of configuration only',
      'Export our workflows, fields and rules as a file to version them in Git.',
    ],
    [
      'Hooli',
      'Markdown in knowledge base articles',
      'Writers prefer Markdown to the visual editor for help articles.',
    ],
    [
      'Soylent',
      'Teams app to search tickets',
      'Look up a ticket from inside Microsoft Teams without opening the browser.',
    ],
    [
      'Wayne',
      'Escalation to a second-line team',
      'First-line agents should hand a ticket to second line with one click and a reason.',
    ],
    ['Umbrella', 'Logo on invoices and emails', 'Outgoing notifications should carry our brand, not yours.'],
    [
      'Stark',
      'Custom domain for outgoing email',
      'Send notification emails from support@stark.com with SPF and DKIM.',
    ],
    ['Acme', 'Offline access to knowledge base', 'Download help articles to read on a plane.'],
    [
      'Initech',
      'Reply by email to internal notes',
      'Agents want to answer colleagues’ internal notes from their inbox.',
    ],
    [
      'Wonka',
      'Track time spent in each status',
      'Measure how long tickets wait in each stage to find bottlenecks.',
    ],
    [
      'Tyrell',
      'Priority set automatically from keywords',
      'Tickets mentioning outage or down should start as urgent.',
    ],
    [
      'Cyberdyne',
      'Jira issue status visible to the customer',
      'Customers ask whether the bug is fixed; show them progress without Jira access.',
    ],
    [
      'Vandelay',
      'Login with Google accounts',
      'Small partners use Google Workspace and want to sign in with it.',
    ],
    [
      'Globex',
      'Deactivate users who left',
      'Former employees keep their seats; we need a deactivate button that frees the licence.',
    ],
    ['Hooli', 'Article feedback buttons', 'Let readers say whether a help article was useful.'],
    ['Soylent', 'Kanban swimlanes by assignee', 'On the board, group cards into rows per person.'],
    ['Wayne', 'Due dates on subtasks', 'Each checklist item of a task needs its own deadline.'],
    [
      'Umbrella',
      'Show related tickets from the same company',
      'While answering, list other open tickets from the requester’s organisation.',
    ],
    [
      'Stark',
      'Auto-close tickets waiting on the customer',
      'Close a ticket after 10 days without an answer, with a warning first.',
    ],
    [
      'Acme',
      'Legal hold on tickets',
      'Prevent deletion of tickets involved in a lawsuit, overriding retention.',
    ],
  ] as Entry[]
).map(r);
