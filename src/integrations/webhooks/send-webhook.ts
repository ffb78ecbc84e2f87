import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { AttemptOutcome } from '../../domain/webhooks/webhook-delivery.js';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from './address-guard.js';

export interface SendOptions {
  timeoutMs: number;
  /** Lets webhooks reach loopback and private networks (a receiver on the same host or network). */
  allowPrivateAddresses: boolean;
}

/**
 * POSTs one signed webhook. Redirects are not followed (a 3xx is a failed attempt), the whole exchange is
 * bounded by `timeoutMs`, and unless allowed, a private address (literal or resolved) is refused.
 */
export function sendWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<AttemptOutcome> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateAddresses && isIP(host) !== 0 && isPrivateAddress(host)) {
    return Promise.resolve({ kind: 'refused', error: `${host} is a private address` });
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        ...headers,
      },
      ...(options.allowPrivateAddresses ? {} : { lookup: guardedLookup }),
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      resolve({ kind: 'answered', status: res.statusCode ?? 0 });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      resolve(
        error instanceof PrivateAddressError
          ? { kind: 'refused', error: error.message }
          : { kind: 'failed', error: error.message },
      );
    });
    req.end(body);
  });
}
