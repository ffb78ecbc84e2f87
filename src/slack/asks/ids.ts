/** The ask modal, its update modal and the add-details modal. */
export const ASK_VIEWS = {
  ask: 'rapport.ask',
  update: 'rapport.ask.update',
  addDetails: 'rapport.ask.add_details',
} as const;

export const ASK_SHORTCUTS = {
  raise: 'rapport.raise_as_request',
} as const;

/** The buttons on an ask's card and on the ask list. */
export const ASK_ACTIONS = {
  update: 'ask.update',
  take: 'ask.take',
  vote: 'ask.vote',
  withdraw: 'ask.withdraw',
  addDetails: 'ask.add_details',
  listPrevious: 'asks.list_previous',
  listNext: 'asks.list_next',
} as const;

export const DETAILS_BLOCKS = { text: 'details.text' } as const;

/** Input blocks of the ask modal (all kinds) and of the update modal. */
export const ASK_BLOCKS = {
  kind: 'ask.kind',
  title: 'ask.title',
  details: 'ask.details',
  urgency: 'ask.urgency',
  businessImpact: 'ask.business_impact',
  workaround: 'ask.workaround',
  dueDate: 'ask.due_date',
  contactId: 'ask.contact',
} as const;

export const UPDATE_BLOCKS = {
  status: 'update.status',
  note: 'update.note',
  internalNote: 'update.internal_note',
  promisedDate: 'update.promised_date',
  ownerId: 'update.owner',
} as const;
