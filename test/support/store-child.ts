/**
 * A separate process that opens the embedded store, for tests of what only another process can show:
 *   open DIR           open, print "opened", wait for stdin to close
 *   write DIR          insert partnerships forever, printing "ack <channel>" after each acknowledged write
 */
import { openStore } from '../../src/store/open-store.js';
import { aPartnership } from './partnership-fixture.js';

const [mode, dataDir] = process.argv.slice(2);
try {
  const store = await openStore({ dataDir: dataDir as string });
  if (mode === 'open') {
    process.stdout.write('opened\n');
    process.stdin.resume();
    process.stdin.on('end', () => store.close().then(() => process.exit(0)));
  } else {
    for (let i = 0; ; i++) {
      const p = aPartnership({ id: `kill-${i}`, channelId: `CKILL${i}` });
      await store.partnerships.insert(p);
      process.stdout.write(`ack ${p.channelId}\n`);
    }
  }
} catch (error) {
  process.stdout.write(`error ${(error as Error).message}\n`);
  process.exit(3);
}
