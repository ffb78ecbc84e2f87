/**
 * A TCP proxy on 127.0.0.1 for fault tests: the app connects to the proxy, the proxy to the real
 * server. `cut()` stands for the server (or the network to it) going away: live connections are
 * reset and new ones are reset as soon as they are accepted, like a refused connection. `restore()`
 * forwards again. The server itself keeps running, so its data survives the "outage" (an in-memory
 * mongo-java-server loses everything on a real restart).
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';

export interface TcpProxy {
  /** The proxy's port; point the client at 127.0.0.1:<port>. */
  readonly port: number;
  /** Whether connections are being refused now. */
  readonly isCut: boolean;
  /** Connections accepted and forwarded since start (refused ones are not counted). */
  readonly forwarded: number;
  /** Resets every live connection and refuses new ones until `restore()`. */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const live = new Set<Socket>();
  let isCut = false;
  let forwarded = 0;
  const drop = (socket: Socket) => {
    live.delete(socket);
    socket.resetAndDestroy();
  };
  const server: Server = createServer((client) => {
    client.on('error', () => {});
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    forwarded += 1;
    const upstream = tcpConnect(target.port, target.host);
    upstream.on('error', () => drop(client));
    client.on('error', () => drop(upstream));
    client.on('close', () => drop(upstream));
    upstream.on('close', () => drop(client));
    live.add(client);
    live.add(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('tcp proxy: no port');
  return {
    port: address.port,
    get isCut() {
      return isCut;
    },
    get forwarded() {
      return forwarded;
    },
    cut() {
      isCut = true;
      for (const socket of [...live]) drop(socket);
    },
    restore() {
      isCut = false;
    },
    async close() {
      isCut = true;
      for (const socket of [...live]) drop(socket);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
