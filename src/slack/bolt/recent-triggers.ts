import type { Clock } from '../../domain/ports.js';

/** A request's signature is accepted for 5 minutes: a replay of its trigger_id can only come that soon. */
const REPLAY_WINDOW_MS = 5 * 60_000;
/** Claims are kept in buckets of this span, each dropped whole once all of its claims are past the window. */
const BUCKET_MS = 10_000;

/** Claims of trigger ids kept in this process's memory. */
export interface RecentTriggers {
  /** True for the first claim of `triggerId` within the replay window, false for a replay. */
  claim(triggerId: string): boolean;
}

/**
 * For a single process (the embedded store): memory is then as authoritative as the store and costs
 * nothing on the way to the ack, where a stored claim is a file append per interaction. Only a replay
 * sent across a restart gets through, which the store's claim would have stopped.
 *
 * A claim is kept as a 64-bit fingerprint in typed arrays rather than as a string in a Map: at a thousand
 * interactions a second the window holds 300,000 of them, which as strings and their expiry times the
 * garbage collector would copy out of the young generation and then mark again and again. A claim is
 * forgotten between REPLAY_WINDOW_MS and REPLAY_WINDOW_MS + BUCKET_MS after it was made. Two ids share a
 * fingerprint with a chance of about one in 10^13 over a full window.
 */
export function createRecentTriggers(clock: Clock): RecentTriggers {
  const buckets: { start: number; claims: FingerprintSet }[] = [];
  return {
    claim(triggerId) {
      const now = clock.now().getTime();
      while (buckets.length > 0 && (buckets[0]?.start as number) + BUCKET_MS + REPLAY_WINDOW_MS <= now)
        buckets.shift();
      const high = hash32(triggerId, 0x811c9dc5, 0x01000193);
      const low = hash32(triggerId, 0x9747b28c, 0x5bd1e995);
      if (buckets.some((bucket) => bucket.claims.has(high, low))) return false;
      let current = buckets.at(-1);
      if (current === undefined || now >= current.start + BUCKET_MS) {
        current = { start: now - (now % BUCKET_MS), claims: new FingerprintSet() };
        buckets.push(current);
      }
      current.claims.add(high, low);
      return true;
    },
  };
}

/** 32 bits of a multiply-xor hash over the id's UTF-16 code units, mixed at the end (MurmurHash3's fmix32). */
function hash32(text: string, seed: number, multiplier: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), multiplier);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** A set of (high, low) pairs in one typed array, open addressing with linear probing. */
class FingerprintSet {
  #slots = new Uint32Array(2 * 1024);
  #size = 0;

  has(high: number, low: number): boolean {
    return this.#slots[this.#slotOf(high, nonZero(low)) + 1] !== 0;
  }

  add(high: number, low: number): void {
    if (this.#size * 4 >= this.#slots.length) this.#grow();
    const slot = this.#slotOf(high, nonZero(low));
    if (this.#slots[slot + 1] !== 0) return;
    this.#slots[slot] = high;
    this.#slots[slot + 1] = nonZero(low);
    this.#size += 1;
  }

  /** Where the pair is, or the empty slot (a low half of 0) where it would go: at most half are taken. */
  #slotOf(high: number, low: number): number {
    const mask = this.#slots.length / 2 - 1;
    for (let i = (high ^ low) & mask; ; i = (i + 1) & mask) {
      const slot = 2 * i;
      const storedLow = this.#slots[slot + 1];
      if (storedLow === 0 || (storedLow === low && this.#slots[slot] === high)) return slot;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    this.#size = 0;
    for (let slot = 0; slot < old.length; slot += 2)
      if (old[slot + 1] !== 0) this.add(old[slot] as number, old[slot + 1] as number);
  }
}

/** A stored low half is never 0, which marks an empty slot. */
const nonZero = (low: number) => low || 1;
