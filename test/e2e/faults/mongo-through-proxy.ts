import { mongoUri, uniqueDbName } from '../../support/mongo.js';
import { type StoreKind, withDatabase } from '../../support/stores.js';
import type { TcpProxy } from '../../support/tcp-proxy.js';

/**
 * The test MongoDB server's address, or null when it cannot be proxied: only a single-host URI can be
 * (the test server's); a replica set would hand the driver its members' own addresses.
 */
export const mongoTarget = (() => {
  const match = /^mongodb:\/\/([^/,@?]+):(\d+)\/?(?:\?|$)/.exec(mongoUri());
  return match ? { host: match[1] as string, port: Number(match[2]) } : null;
})();

/** Fresh MongoDB databases reached through `proxy()` (the proxy is started once per file, later). */
export const mongoThroughProxy = (proxy: () => TcpProxy, prefix: string): StoreKind => ({
  name: 'mongo',
  available: true,
  freshLocation: () => ({
    mongodbUri: withDatabase(
      `mongodb://127.0.0.1:${proxy().port}/?directConnection=true`,
      uniqueDbName(prefix),
    ),
  }),
});
