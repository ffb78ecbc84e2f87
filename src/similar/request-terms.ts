import { stemmer } from 'stemmer';

/**
 * How enhancement text becomes search terms: lower case, words only, filler dropped, stemmed (Porter),
 * and common product vocabulary mapped to one word, so "exporting reports" and "export of the report"
 * meet. The lists are general English and SaaS vocabulary, not tuned to any one set of asks.
 */
export function requestTerm(word: string): string | null {
  const known = termOf.get(word);
  if (known !== undefined) return known;
  // A workspace's vocabulary is bounded; the cap only guards against unbounded growth.
  if (termOf.size >= TERMS_KEPT) termOf.clear();
  const term = termFor(word);
  termOf.set(word, term);
  return term;
}

/** Stemming is most of the cost of indexing: each word is stemmed once. */
const termOf = new Map<string, string | null>();
const TERMS_KEPT = 200_000;

function termFor(word: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 2 && !/\d/.test(lower)) return null;
  if (STOP_WORDS.has(lower)) return null;
  const stem = stemmer(lower);
  return SYNONYMS.get(stem) ?? stem;
}

/** Splits on anything but letters and digits ("e-mail" and "sign-on" stay one word). */
export const splitWords = (text: string): string[] =>
  text
    .replace(/(\p{L})[-'’](\p{L})/gu, '$1$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

const STOP_WORDS = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers him his how i if in into is it its itself just me more most my no nor not ' +
    'now of off on once only or other our ours out over own same she should so some such than that the ' +
    'their them then there these they this those through to too under until up very was we were what ' +
    'when where which while who whom why will with would you your yours us let lets etc eg ie via ' +
    // How requests are phrased rather than what they ask for.
    'want wants wanted need needs needed like please able ability allow allows allowing option options ' +
    'feature features request requests requesting support supported way ways currently today possible ' +
    'really would could might must thing things get gets getting make makes lot lots much many new ' +
    'ask asking asked wish hope love nice great good better easier easy instead right now moment ' +
    'someone something anything everything'
  ).split(' '),
);

/** Words customers use for the same product idea, each group mapped to its first word. */
const SYNONYM_GROUPS = [
  'export download extract',
  'import upload ingest',
  'login signin logon log-in',
  'sso saml okta singlesignon',
  'mfa 2fa twofactor otp totp authenticator',
  'password passphrase passcode',
  'email mail emails e-mail',
  'notification notify notifications alert alerts alerting',
  'permission permissions role roles privilege privileges rights',
  'delete remove erase purge',
  'spreadsheet excel xlsx xls',
  'mobile phone smartphone ios android iphone tablet',
  'language languages locale translation translate translated localization localisation i18n',
  'timezone timezones tz',
  'calendar outlook gcal ical',
  'integration integrate connector connectors plugin plugins addon',
  'bulk batch mass',
  'audit audits trail',
  'attachment attachments attach',
  'invoice invoices billing bill',
  'slow slowness performance latency lag laggy sluggish speed',
  'customize customise customizable customisable custom configurable personalize personalise',
  'template templates preset presets',
  'chart charts graph graphs visualization visualisation plot',
  'duplicate clone copy',
  'undo revert restore recover',
  'encrypt encryption encrypted',
  'approve approval approvals signoff',
  'tag tags label labels',
  'dark night',
  'schedule scheduled recurring',
  'webhook webhooks callback',
  'archive archived archiving',
  'quota limit limits cap',
  'search find lookup',
  'reply answer respond response',
  'comment note remark',
  'private internal hidden',
  'fast faster quick quicker',
  'status state stage',
  'domain url subdomain hostname',
  'brand branding',
  'chat messaging livechat',
  'survey rating feedback csat satisfaction nps',
  'assign assignee assignment allocate distribute dispatch route routing',
  'escalate escalation',
  'overdue breach breached missed late',
  'policy rule rules',
  'merge combine consolidate',
  'sync synchronize synchronise',
  'print printable printout',
  'shortcut hotkey keybinding',
  'snippet macro canned',
  'outage incident downtime disruption',
  'subtask child nested checklist subitem',
  'sandbox staging',
  'region datacenter datacentre residency hosting',
  'guest external outside visitor',
  'readonly viewer viewonly',
  'seat licence license',
  'department division unit',
  'provision provisioning scim deprovision',
  'directory ldap',
  'mention ping',
  'colleague teammate coworker',
  'manager supervisor lead boss',
  'shift rota roster',
  'availability available duty',
  'offline disconnected',
  'accessibility a11y wcag screenreader',
  'deadline due',
  'priority severity urgency',
  'report reporting analytics statistics stats metrics',
];

/** Keyed and valued by stem, so every form of a word in a group ("notified", "notifying") maps too. */
const SYNONYMS = new Map(
  SYNONYM_GROUPS.flatMap((group) => {
    const [head, ...rest] = group.split(' ').map((word) => stemmer(word.replace(/-/g, '')));
    return rest.map((stem) => [stem, head as string] as const);
  }),
);
