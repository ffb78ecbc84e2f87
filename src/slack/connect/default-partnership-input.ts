import { DEFAULT_DIGEST_CRON } from '../../domain/digests/digest-schedule.js';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_ESCALATION,
  DEFAULT_REACTIONS,
  DEFAULT_SLA,
  type PartnershipInput,
} from '../../domain/partnerships/partnership.js';

/** The zone the setup form offers when Slack gives none for its user. */
export const FALLBACK_TIME_ZONE = 'UTC';

/**
 * A new partnership with what the setup form would pre-fill: working hours, response targets,
 * escalation, reactions and the weekly digest in the partnership's zone. Customer contacts, a backup
 * owner and a triage channel come later, from `/rapport setup` once the customer has joined.
 */
export function defaultPartnershipInput(values: {
  accountName: string;
  ownerId: string;
  timeZone: string | null;
}): PartnershipInput {
  const timeZone = values.timeZone || FALLBACK_TIME_ZONE;
  return {
    accountName: values.accountName,
    ownerId: values.ownerId,
    backupOwnerId: null,
    contacts: [],
    timeZone,
    businessHours: { ...DEFAULT_BUSINESS_HOURS, days: [...DEFAULT_BUSINESS_HOURS.days], holidays: [] },
    triageChannelId: null,
    reactions: { ...DEFAULT_REACTIONS },
    sla: { ...DEFAULT_SLA, firstResponse: { ...DEFAULT_SLA.firstResponse } },
    escalation: { ...DEFAULT_ESCALATION },
    digest: { cron: DEFAULT_DIGEST_CRON, timeZone },
    tags: [],
  };
}
