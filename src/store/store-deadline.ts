import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { DocumentCollection, StoredDocument } from './documents.js';

/**
 * How long store calls may go unanswered before their caller gets a StoreDeadlineError. The MongoDB
 * driver has no overall operation timeout (`timeoutMS` is a no-op since driver 7.8), and a server behind
 * a network black hole holds a call until the driver's heartbeat gives up (2 to 6 s measured), which
 * can miss Slack's 3 s. The call itself is not cancelled: it ends when the driver gives up, and a write
 * may still reach the server if the network comes back.
 */
export const STORE_DEADLINES = {
  /**
   * For all the store calls of a Slack request together, and of the work it starts: leaves time to answer
   * "try again" within Slack's 3 s however many calls a slow store answers late.
   */
  request: 1_500,
  /** /readyz: a load balancer hears "not ready" well within 5 s. */
  ping: 2_000,
  /** Anything else (scheduled jobs, the command-line tool): slow is allowed, hanging is not. */
  background: 30_000,
} as const;

export class StoreDeadlineError extends Error {
  readonly code = 'store_deadline';
  constructor(what: string, ms: number) {
    super(`the store did not answer ${what} within ${ms} ms`);
    this.name = 'StoreDeadlineError';
  }
}

/**
 * What a call still gets once its scope's time is spent: a healthy store answers within it (the work a
 * request starts after its answer goes on), a slow one fails at once.
 */
const FLOOR_MS = 250;

/** When the calls of the current scope must be answered by (performance.now() time). */
const scope = new AsyncLocalStorage<number>();

/**
 * Whether any store with deadlines is open in this process. Only a store over a network can leave a
 * call unanswered; the embedded store answers each call before it returns. Until a store needs them, no
 * scope is entered, so a process on the embedded store never pays for a second AsyncLocalStorage
 * following every promise of every request (about 4% of a request's time on Node 20).
 */
let inForce = false;

/** Called by a store whose calls are held to deadlines, when it opens. */
export function holdStoreCallsToDeadlines(): void {
  inForce = true;
}

/** Runs `work` with all the store calls it makes, across awaits, held to `ms` from now, together. */
export function withStoreDeadline<T>(ms: number, work: () => T): T {
  return inForce ? scope.run(performance.now() + ms, work) : work();
}

/** The time the current scope has left (at least the floor), or the background deadline outside any. */
function timeLeft(): number {
  const until = scope.getStore();
  if (until === undefined) return STORE_DEADLINES.background;
  return Math.max(Math.round(until - performance.now()), FLOOR_MS);
}

/** Settles as `call` does, or rejects with a StoreDeadlineError once `ms` have passed. */
export async function withinDeadline<T>(what: string, call: Promise<T>, ms: number = timeLeft()): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreDeadlineError(what, ms)), ms);
  });
  try {
    return await Promise.race([call, late]); // the race also handles a late rejection of `call`
  } finally {
    clearTimeout(timer);
  }
}

/** The same collection, each call held to the deadline in force where it is made. */
export function withDeadlines<D extends StoredDocument>(
  name: string,
  collection: DocumentCollection<D>,
): DocumentCollection<D> {
  const within = <T>(operation: string, call: Promise<T>) => withinDeadline(`${operation} on ${name}`, call);
  return {
    findOne: (filter) => within('findOne', collection.findOne(filter)),
    find: (filter, options) => within('find', collection.find(filter, options)),
    count: (filter) => within('count', collection.count(filter)),
    findPage: (filter, options) => within('findPage', collection.findPage(filter, options)),
    countBy: (fields) => within('countBy', collection.countBy(fields)),
    insertOne: (doc) => within('insertOne', collection.insertOne(doc)),
    replaceOne: (filter, doc) => within('replaceOne', collection.replaceOne(filter, doc)),
    updateOne: (filter, update) => within('updateOne', collection.updateOne(filter, update)),
    upsertAndGet: (filter, update) => within('upsertAndGet', collection.upsertAndGet(filter, update)),
    claimOne: (filter, update) => within('claimOne', collection.claimOne(filter, update)),
    deleteMany: (filter) => within('deleteMany', collection.deleteMany(filter)),
  };
}
