/**
 * Socket Mode, Slack's side: `apps.connections.open` hands out single-use `ws://` URLs; each connection
 * is greeted with `hello`, then carries envelopes to the app and its acks back. An envelope stays
 * pending until acked: when its connection closes first, it is re-sent on the next one (after `hello`),
 * its `retry_attempt` one higher, as Slack does. Envelopes delivered while no connection is open wait.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  type DisconnectReason,
  type Envelope,
  type EnvelopeType,
  helloMessage,
  parseAck,
  type SocketAck,
} from './socket-envelopes.js';

interface Pending {
  envelope: Envelope;
  /** The connection it was last written to; null when it waits for one. */
  sentOn: WebSocket | null;
  /** How often it was written: every write after the first is a retry. */
  writes: number;
  acked: (ack: SocketAck) => void;
  timer: NodeJS.Timeout;
}

/** Slack gives an ack 3 s; a delivery here may also wait out a reconnect (Bolt waits 5 s before it). */
const ACK_TIMEOUT_MS = 20_000;

export class SocketModeHub {
  /** Every envelope written to a connection, re-sends included, oldest first. */
  readonly sent: Envelope[] = [];
  /** Every ack that arrived (lost ones excluded), oldest first. */
  readonly acks: SocketAck[] = [];
  /** Connections accepted so far (each after its own apps.connections.open). */
  connectionsAccepted = 0;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly open: WebSocket[] = [];
  private readonly tickets = new Set<string>();
  private readonly pending = new Map<string, Pending>();
  private acksToLose = 0;
  private port = 0;

  constructor(
    private readonly appId: string,
    private readonly violation: (problem: string) => void,
  ) {}

  /** Takes WebSocket upgrades of `server` (the fake's HTTP server) for the URLs handed out. */
  attach(server: Server): void {
    this.port = (server.address() as AddressInfo).port;
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = new URL(req.url ?? '/', 'ws://127.0.0.1');
      if (url.pathname !== '/link/' || !this.tickets.delete(url.searchParams.get('ticket') ?? '')) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.welcome(ws));
    });
  }

  /** apps.connections.open: a URL good for one connection. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `ws://127.0.0.1:${this.port}/link/?ticket=${ticket}&app_id=${this.appId}`;
  }

  get openConnections(): number {
    return this.open.length;
  }

  /** Envelopes not acked yet. */
  get unacknowledged(): number {
    return this.pending.size;
  }

  /** Sends an envelope (or keeps it until a connection opens); resolves with the app's ack. */
  deliver(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    retry: { attempt: number; reason: string } = { attempt: 0, reason: '' },
  ): Promise<SocketAck> {
    const envelope: Envelope = {
      envelope_id: randomUUID(),
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      retry_attempt: retry.attempt,
      retry_reason: retry.reason,
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope.envelope_id);
        reject(new Error(`FakeSlack: no ack of ${type} envelope within ${ACK_TIMEOUT_MS} ms`));
      }, ACK_TIMEOUT_MS);
      const acked = (ack: SocketAck) => {
        clearTimeout(timer);
        resolve(ack);
      };
      const entry: Pending = { envelope, sentOn: null, writes: 0, acked, timer };
      this.pending.set(envelope.envelope_id, entry);
      this.send(entry);
    });
  }

  /** Slack announces a close (`refresh_requested`, `warning`, `link_disabled`); the app is to reconnect. */
  announceDisconnect(reason: DisconnectReason): void {
    const message = JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } });
    for (const ws of this.open) ws.send(message);
  }

  /** Closes every connection abruptly (no close frame), as a network failure would. */
  dropConnections(): void {
    for (const ws of [...this.open]) ws.terminate();
  }

  /** The next ack is lost: its connection drops as it arrives, so the envelope is re-sent after a reconnect. */
  dropConnectionOnNextAck(): void {
    this.acksToLose += 1;
  }

  /** Clears the records and the armed drop; connections and pending envelopes stay. */
  reset(): void {
    this.sent.length = 0;
    this.acks.length = 0;
    this.acksToLose = 0;
  }

  /** Closes every connection; envelopes still waiting are forgotten, never settled. */
  close(): void {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
    this.dropConnections();
    this.wss.close();
  }

  private welcome(ws: WebSocket): void {
    this.connectionsAccepted += 1;
    this.open.push(ws);
    ws.on('message', (data) => this.receive(ws, String(data)));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => this.forget(ws));
    ws.send(JSON.stringify(helloMessage(this.open.length, this.appId)));
    this.resendWaiting();
  }

  private forget(ws: WebSocket): void {
    this.open.splice(this.open.indexOf(ws), 1);
    for (const entry of this.pending.values()) if (entry.sentOn === ws) entry.sentOn = null;
    this.resendWaiting();
  }

  private resendWaiting(): void {
    for (const entry of this.pending.values()) if (entry.sentOn === null) this.send(entry);
  }

  /** Writes the envelope to the newest open connection; a second write is a retry. */
  private send(entry: Pending): void {
    const ws = this.open.at(-1);
    if (ws === undefined) return;
    if (entry.writes > 0) {
      entry.envelope = {
        ...entry.envelope,
        retry_attempt: entry.envelope.retry_attempt + 1,
        retry_reason: 'timeout',
      };
    }
    entry.sentOn = ws;
    entry.writes += 1;
    this.sent.push(entry.envelope);
    ws.send(JSON.stringify(entry.envelope));
  }

  private receive(ws: WebSocket, text: string): void {
    const ack = parseAck(text, this.violation);
    if (ack === undefined) return;
    if (this.acksToLose > 0) {
      this.acksToLose -= 1;
      ws.terminate();
      return;
    }
    const entry = this.pending.get(ack.envelope_id);
    if (entry === undefined) {
      this.violation(`ack of ${ack.envelope_id}: no such envelope is waiting (acked twice, or never sent)`);
      return;
    }
    this.pending.delete(ack.envelope_id);
    this.acks.push(ack);
    entry.acked(ack);
  }
}
