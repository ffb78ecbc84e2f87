/** `/rapport webhooks`: buttons on its private list (value: endpoint id) and in the delivery log (value: delivery id). */
export const WEBHOOK_ACTIONS = {
  add: 'webhooks.add',
  edit: 'webhooks.edit',
  rotate: 'webhooks.rotate',
  log: 'webhooks.log',
  remove: 'webhooks.remove',
  resend: 'webhooks.resend',
} as const;
export const WEBHOOK_VIEWS = { endpoint: 'rapport.webhooks.endpoint' } as const;
export const WEBHOOK_BLOCKS = {
  url: 'webhooks.url',
  events: 'webhooks.events',
  tags: 'webhooks.tags',
  internal: 'webhooks.internal',
} as const;
export const INTERNAL_CHOICE = 'internal';
