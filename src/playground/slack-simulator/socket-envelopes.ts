/** Socket Mode's messages, as Slack sends them and as the app must answer (see socket-mode.ts). */
import { isObject } from './block-kit-elements.js';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';
export type DisconnectReason = 'warning' | 'refresh_requested' | 'link_disabled';

export interface Envelope {
  envelope_id: string;
  type: EnvelopeType;
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt: number;
  retry_reason: string;
}

/** What the app sent back: `{ envelope_id, payload? }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** Slack's greeting on every new connection. */
export function helloMessage(numConnections: number, appId: string) {
  return {
    type: 'hello',
    num_connections: numConnections,
    debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 3600 },
    connection_info: { app_id: appId },
  };
}

/** The ack in a message from the app, or undefined (the problem told to `violation`) when it is none. */
export function parseAck(text: string, violation: (problem: string) => void): SocketAck | undefined {
  let ack: unknown;
  try {
    ack = JSON.parse(text);
  } catch {
    violation(`socket message is not JSON: ${text.slice(0, 100)}`);
    return undefined;
  }
  if (!isObject(ack) || typeof ack.envelope_id !== 'string') {
    violation(`socket message is not an ack { envelope_id, payload? }: ${text.slice(0, 100)}`);
    return undefined;
  }
  if (ack.payload !== undefined && !isObject(ack.payload)) {
    violation(`ack of ${ack.envelope_id}: payload must be an object`);
  }
  return { envelope_id: ack.envelope_id, ...(isObject(ack.payload) ? { payload: ack.payload } : {}) };
}
