/**
 * A TCP proxy on 127.0.0.1 for fault tests: the app connects to the proxy, the proxy to the real
 * server. The server itself keeps running, so its data survives the "outage" (an in-memory
 * mongo-java-server loses everything on a real restart).
 * - `cut()` stands for the server going away: live connections are reset and new ones are reset as
 *   soon as they are accepted, like a refused connection.
 * - `silence()` stands for a network black hole: connections stay open and new ones are accepted, but
 *   no byte goes through in either direction and nothing is closed, so only the client's own timeouts
 *   end a wait.
 * - `silenceOn(match)` goes silent as the client sends a chunk that `match`es, holding that chunk: a
 *   request sent just as the network fails.
 * - `slow(ms)` stands for a slow server: every chunk it sends waits `ms` before it goes on (one after
 *   the other on each connection), so each round trip takes `ms` longer.
 * - `restore()` forwards again, at full speed. After a silence, what was held is delivered then, as TCP
 *   would once the network heals: a request the client gave up on may still reach the server.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { Transform } from 'node:stream';

export interface TcpProxy {
  /** The proxy's port; point the client at 127.0.0.1:<port>. */
  readonly port: number;
  /** Whether connections are being refused now. */
  readonly isCut: boolean;
  /** Connections accepted and forwarded since start (refused ones are not counted). */
  readonly forwarded: number;
  /** Resets every live connection and refuses new ones until `restore()`. */
  cut(): void;
  /** Holds every byte of live and new connections, closing nothing, until `restore()`. */
  silence(): void;
  /** Forwards until the client sends a chunk that `match`es, then holds it and goes silent. */
  silenceOn(match: (chunk: Buffer) => boolean): void;
  /** Holds each chunk from the server `ms` before passing it on, until `restore()`. */
  slow(ms: number): void;
  restore(): void;
  close(): Promise<void>;
}

type Mode = 'forward' | 'cut' | 'silent';

/** A connection: bytes go client -> toServer -> upstream and upstream -> toClient -> client. */
interface Pair {
  client: Socket;
  upstream: Socket;
  toServer: Transform;
  toClient: Transform;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const live = new Set<Socket>();
  const pairs = new Set<Pair>();
  /** Clients accepted while silent: connected to the server only when forwarding resumes. */
  const held = new Set<Socket>();
  let mode: Mode = 'forward';
  let forwarded = 0;
  let silenceMatch: ((chunk: Buffer) => boolean) | null = null;
  let delayMs = 0;
  const silence = () => {
    mode = 'silent';
    silenceMatch = null;
    for (const { client, upstream, toServer, toClient } of pairs) {
      toServer.unpipe(upstream).pause();
      toClient.unpipe(client).pause();
    }
  };
  const flowing = (pair: Pair) => {
    pair.toServer.pipe(pair.upstream);
    pair.toClient.pipe(pair.client);
  };
  const drop = (socket: Socket) => {
    live.delete(socket);
    socket.resetAndDestroy();
  };
  const forward = (client: Socket) => {
    forwarded += 1;
    const upstream = tcpConnect(target.port, target.host);
    const toServer = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (mode === 'forward' && silenceMatch?.(chunk)) silence(); // this chunk is then held
        done(null, chunk);
      },
    });
    const toClient = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (delayMs === 0) done(null, chunk);
        else setTimeout(() => done(null, chunk), delayMs);
      },
    });
    const pair: Pair = { client, upstream, toServer, toClient };
    // A reset is passed on as a reset; a graceful close as a graceful one, after what was sent before it.
    upstream.on('error', () => drop(client));
    client.on('error', () => drop(upstream));
    for (const [socket, other] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      socket.on('close', () => {
        live.delete(socket);
        pairs.delete(pair);
        other.end();
      });
    }
    live.add(client);
    live.add(upstream);
    pairs.add(pair);
    client.pipe(toServer);
    upstream.pipe(toClient);
    flowing(pair);
  };
  const server: Server = createServer((client) => {
    client.on('error', () => {});
    if (mode === 'cut') client.resetAndDestroy();
    else if (mode === 'silent') {
      client.pause();
      held.add(client);
    } else forward(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('tcp proxy: no port');
  const resetAll = () => {
    for (const socket of [...live, ...held]) drop(socket);
    held.clear();
  };
  return {
    port: address.port,
    get isCut() {
      return mode === 'cut';
    },
    get forwarded() {
      return forwarded;
    },
    cut() {
      mode = 'cut';
      resetAll();
    },
    silence,
    silenceOn(match) {
      silenceMatch = match;
    },
    slow(ms) {
      delayMs = ms;
    },
    restore() {
      if (mode === 'silent') {
        for (const pair of pairs) flowing(pair);
        for (const client of held) forward(client);
        held.clear();
      }
      mode = 'forward';
      silenceMatch = null;
      delayMs = 0;
    },
    async close() {
      mode = 'cut';
      resetAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
