import type { Clock } from '../../domain/ports.js';
import { parseStatusMap } from '../../domain/trackers/status-mapping.js';
import type { TrackerName } from '../../domain/trackers/tracker.js';
import {
  type TrackerAccess,
  type TrackerConnection,
  type TrackerConnectionRepository,
  WEBHOOK_SECRET_FIELD,
} from '../../domain/trackers/tracker-connection.js';
import type { TrackerPeople } from '../../domain/trackers/tracker-people.js';

export interface ConnectDeps {
  connections: TrackerConnectionRepository;
  clock: Clock;
  /** A fresh webhook secret. */
  newSecret(): string;
  /** Seals a secret for the store. */
  seal(secret: string): string;
}

/** Where a refusal belongs: one of the tracker's fields, or the status mapping. */
export const MAPPING_FIELD = 'statusMap';

export type ConnectRefusal = { field: string; message: string };

export interface ConnectInput {
  /** The tracker's fields as typed, by name. */
  settings: Record<string, string>;
  /** Changes to the default mapping as typed (`not_planned=declined, …`); empty: the defaults. */
  statusMap: string;
}

const isWebAddress = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** The fields as the tracker needs them: each given (or its default), addresses without a trailing '/'. */
function checkFields(
  access: TrackerAccess,
  typed: Record<string, string>,
): { ok: true; settings: Record<string, string> } | { ok: false; error: ConnectRefusal } {
  const settings: Record<string, string> = {};
  for (const field of access.fields) {
    const value = (typed[field.name] ?? '').trim() || field.initial || '';
    const refuse = (message: string) => ({ ok: false as const, error: { field: field.name, message } });
    if (!value) return refuse(`Enter the ${field.label.toLowerCase()}.`);
    if (field.url && !isWebAddress(value)) return refuse('Enter a full address, starting with https://.');
    settings[field.name] = field.url ? value.replace(/\/+$/, '') : value;
  }
  return { ok: true, settings };
}

/**
 * Connects a tracker to the workspace (or connects it again, with new settings): the settings are
 * checked with one call to the tracker before anything is stored, refused at their field with the
 * tracker's reason. A new webhook secret is made each time, returned once to be shown to the admin
 * (null when the tracker made its own, typed in the form); it and the secret settings are sealed at
 * rest. People mapped before are kept.
 */
export async function connectTracker(
  deps: ConnectDeps,
  request: { tracker: TrackerName; access: TrackerAccess; input: ConnectInput; by: string },
): Promise<
  | { ok: true; connection: TrackerConnection; webhookSecret: string | null }
  | { ok: false; error: ConnectRefusal }
> {
  const { access, tracker } = request;
  const fields = checkFields(access, request.input.settings);
  if (!fields.ok) return fields;
  const mapping = parseStatusMap(access.states, request.input.statusMap);
  if (!mapping.ok) return { ok: false, error: { field: MAPPING_FIELD, message: mapping.message } };
  const verified = await access.verify(fields.settings);
  if (!verified.ok) return { ok: false, error: { field: verified.field, message: verified.message } };
  const sealed = Object.fromEntries(
    access.fields.map(({ name, secret }) => {
      const value = fields.settings[name] as string;
      return [name, secret ? deps.seal(value) : value];
    }),
  );
  const trackers = fields.settings[WEBHOOK_SECRET_FIELD];
  const webhookSecret = trackers ?? deps.newSecret();
  const now = deps.clock.now();
  const previous = await deps.connections.find(tracker);
  const connection: TrackerConnection = {
    tracker,
    settings: sealed,
    webhookSecret: deps.seal(webhookSecret),
    statusMap: mapping.map,
    people: previous?.people ?? {},
    account: verified.account,
    connectedBy: request.by,
    connectedAt: now,
    updatedAt: now,
    lastUsedAt: now,
    lastError: null,
  };
  await deps.connections.save(connection);
  return { ok: true, connection, webhookSecret: trackers ? null : webhookSecret };
}

type Changed = { ok: true; connection: TrackerConnection } | { ok: false; message: string };

/** Stores a change of a connected tracker's mapping or people; refused when it is not connected. */
async function changeConnection(
  deps: Pick<ConnectDeps, 'connections' | 'clock'>,
  tracker: TrackerName,
  change: Partial<Pick<TrackerConnection, 'statusMap' | 'people'>>,
): Promise<Changed> {
  const connection = await deps.connections.find(tracker);
  if (!connection) return { ok: false, message: 'It is not connected.' };
  const changed = { ...connection, ...change, updatedAt: deps.clock.now() };
  await deps.connections.save(changed);
  return { ok: true, connection: changed };
}

/** Changes what the tracker's states mean for asks; refused, with why, for an unknown state or phase. */
export async function mapTrackerStatuses(
  deps: Pick<ConnectDeps, 'connections' | 'clock'>,
  request: { tracker: TrackerName; access: TrackerAccess; text: string },
): Promise<Changed> {
  const mapping = parseStatusMap(request.access.states, request.text);
  if (!mapping.ok) return mapping;
  return changeConnection(deps, request.tracker, { statusMap: mapping.map });
}

/** Who tracker logins are at the vendor, so a marked comment reaches the customer as its author's note. */
export const mapTrackerPeople = (
  deps: Pick<ConnectDeps, 'connections' | 'clock'>,
  request: { tracker: TrackerName; people: TrackerPeople },
): Promise<Changed> => changeConnection(deps, request.tracker, { people: { ...request.people } });
