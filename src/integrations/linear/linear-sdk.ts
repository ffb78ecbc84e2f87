import type { LinearError } from '@linear/sdk';
import { loadOnFirstUse } from '../load-on-first-use.js';

let sdk: typeof import('@linear/sdk') | null = null;

/** @linear/sdk, loaded when Rapport first talks to Linear. */
export const linearSdk = loadOnFirstUse(async () => {
  sdk = await import('@linear/sdk');
  return sdk;
});

/** Whether `error` is the SDK's: none can exist before the SDK is loaded. */
export const isLinearError = (error: unknown): error is LinearError =>
  sdk !== null && error instanceof sdk.LinearError;
