export const ANNOUNCE_VIEWS = { form: 'rapport.announce', editSent: 'rapport.announce_edit_sent' } as const;

/** Input block ids of the announcement form; each holds one element whose action_id is INPUT. */
export const ANNOUNCE_BLOCKS = {
  title: 'announce.title',
  body: 'announce.body',
  notifyChannel: 'announce.notify_channel',
  audience: 'announce.audience',
  tags: 'announce.tags',
  excludedTags: 'announce.excluded_tags',
  picked: 'announce.picked',
  excludedPicked: 'announce.excluded_picked',
  signOffBy: 'announce.sign_off_by',
  when: 'announce.when',
  date: 'announce.date',
  time: 'announce.time',
} as const;

/** The private preview's buttons; their value is the announcement's id. */
export const ANNOUNCE_ACTIONS = {
  send: 'announce.send',
  cancel: 'announce.cancel',
  testSend: 'announce.test_send',
  /** Reopens an unsent one's form, prefilled: what is previewed and sent replaces it. */
  edit: 'announce.edit',
  /** The colleague's sign-off DM; value: the announcement's id. */
  approve: 'announce.approve',
  decline: 'announce.decline',
  /** An owner's hold-window DM; value: `${announcementId} ${partnershipId}`. */
  leaveOut: 'announce.leave_out',
  /** The sender's report, once sent; value: the announcement's id. */
  editSent: 'announce.edit_sent',
  deleteSent: 'announce.delete_sent',
} as const;

/** The metadata key of an announcement's message in one partnership's channel. */
export const announcementMessageKey = (deliveryId: string) => `announcement:${deliveryId}`;
