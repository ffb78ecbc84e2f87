/** The HTTP server of a fake service (GitHub, Jira, Linear, a webhook receiver) on a free local port. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Closes the server, its open connections included. */
  stop(): Promise<void>;
}

/** Starts a server whose every request `handle` answers. */
export async function startLocalServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | undefined,
): Promise<LocalServer> {
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
