/** The communication plan (`/rapport plan`): its edit form and the Edit plan button (value: partnership id). */
export const PLAN_VIEWS = { edit: 'rapport.plan.edit' } as const;
export const PLAN_ACTIONS = { edit: 'plan.edit' } as const;
/** Input blocks of the plan form: one users_select per purpose and side, then the two texts. */
export const PLAN_BLOCKS = {
  technical: { vendor: 'plan.technical.vendor', customer: 'plan.technical.customer' },
  billing: { vendor: 'plan.billing.vendor', customer: 'plan.billing.customer' },
  escalation: { vendor: 'plan.escalation.vendor', customer: 'plan.escalation.customer' },
  executive: { vendor: 'plan.executive.vendor', customer: 'plan.executive.customer' },
  meetingCadence: 'plan.meeting_cadence',
  shared: 'plan.shared',
} as const;
