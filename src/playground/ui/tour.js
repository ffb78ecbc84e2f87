// The guided tour: a few steps through what Rapport does, each able to take the visitor to the right
// person and channel. It only moves the page; every action is still the visitor's own.

export const TOUR = [
  {
    title: 'Set up a partnership',
    as: 'UOLIVIA01',
    channel: 'CPILOT001',
    text: 'You are Olivia, who owns Acme’s customer relationships. In #northwind-pilot, send `/rapport setup` and fill in the form: leave the account name empty first to see the form’s own error.',
  },
  {
    title: 'Raise an ask as the customer',
    as: 'UCHLOE001',
    channel: 'CNORTHWND',
    text: 'You are Chloe at Northwind. Customers cannot use slash commands in Slack Connect: press “Ask for help” on Rapport’s welcome message and describe a problem. A status card appears.',
  },
  {
    title: 'Answer it as the vendor',
    as: 'UEVAN0001',
    channel: 'CNORTHWND',
    text: 'You are Evan, an Acme engineer. Press “Update” on Chloe’s card, set it to In progress and write a note to the customer.',
  },
  {
    title: 'See what the customer sees',
    as: 'UCHLOE001',
    channel: 'CNORTHWND',
    text: 'Back as Chloe: the card shows the new status and its thread carries Evan’s note. The triage channel and Evan’s internal note are not there for her.',
  },
  {
    title: 'Travel a day',
    as: 'UOLIVIA01',
    channel: 'dm',
    text: 'Press “next working morning”. Rapport’s reminder job runs at the new time: Olivia finds in her direct messages with Rapport what is due soon, or already overdue.',
  },
  {
    title: 'Read the digest',
    as: 'UCHLOE001',
    channel: 'CNORTHWND',
    text: 'Press “next Monday 09:00”: the weekly status digest is posted in the shared channel for the customer, and an internal one in #acme-triage for Acme.',
  },
  {
    title: 'Ask for a sign-off',
    as: 'UOLIVIA01',
    channel: 'CNORTHWND',
    text: 'As Olivia, send `/rapport approval Go-live date` and name approvers on both sides. Each gets the approval card; the decision is recorded with who agreed.',
  },
];
