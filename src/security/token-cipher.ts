import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One encryption key: an id stored beside each sealed value, and 32 bytes of key material. */
export interface TokenKey {
  id: string;
  key: Buffer;
}

export interface TokenCipher {
  /** Seals with the current (first) key: `v1.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts. */
  seal(plaintext: string): string;
  /** Opens a value sealed with any configured key; throws on an unknown key or tampering. */
  open(sealed: string): string;
  /** True when the value was sealed with an older key and should be sealed again. */
  isStale(sealed: string): boolean;
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/**
 * Reads `TOKEN_ENCRYPTION_KEYS`: comma-separated `id:base64key` pairs, the current key first. Rotation
 * is adding a new key in front and keeping the old ones until every value was sealed again.
 */
export function parseTokenKeys(text: string): TokenKey[] {
  const keys = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [id, encoded, extra] = part.split(':');
      if (!id || !encoded || extra !== undefined || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
        throw new Error('each token key is `id:base64key`, the id made of letters, digits, - and _');
      }
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== 32) throw new Error(`token key ${id} must be 32 bytes (it is ${key.length})`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error('at least one token key is needed');
  if (new Set(keys.map((k) => k.id)).size < keys.length) throw new Error('token key ids must be unique');
  return keys;
}

/** AES-256-GCM with a fresh random IV per value: confidentiality and tamper detection for tokens at rest. */
export function createTokenCipher(keys: readonly TokenKey[]): TokenCipher {
  const current = keys[0];
  if (!current) throw new Error('at least one token key is needed');
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const parts = (sealed: string) => {
    const [version, id, iv, tag, data, extra] = sealed.split('.');
    if (version !== VERSION || !id || !iv || !tag || data === undefined || extra !== undefined) {
      throw new Error('not a sealed token');
    }
    return { id, iv, tag, data };
  };
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current.key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const fields = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
      return [VERSION, current.id, ...fields].join('.');
    },
    open(sealed) {
      const { id, iv, tag, data } = parts(sealed);
      const key = byId.get(id);
      if (!key) throw new Error(`token sealed with unknown key ${id}: keep old keys until rotation is done`);
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    isStale: (sealed) => parts(sealed).id !== current.id,
  };
}
