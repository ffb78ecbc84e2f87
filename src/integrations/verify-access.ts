import type { VerifiedAccess } from '../domain/trackers/tracker-connection.js';

/** A connection check must answer within Slack's 3 seconds for a form, with time to spare. */
export const VERIFY_TIMEOUT_MS = 2_000;

/** Which of a tracker's connection fields holds its credential and which its address. */
export interface VerifyFields {
  credential: { name: string; label: string };
  address: string;
}

/**
 * Why a connection check failed, at the field to change: a refusal (401, 403) is blamed on the credential,
 * anything else (no answer, an answer nothing like the tracker's) on the address.
 */
export function refusedAccess(
  tracker: string,
  fields: VerifyFields,
  failure: { status: number | undefined; said: string },
): VerifiedAccess {
  const said = failure.said.slice(0, 200);
  const { credential } = fields;
  if (failure.status === 401)
    return {
      ok: false,
      field: credential.name,
      message: `${tracker} refused the ${credential.label} (bad credentials): ${said}`,
    };
  if (failure.status === 403)
    return {
      ok: false,
      field: credential.name,
      message: `${tracker} refused the ${credential.label}: ${said}`,
    };
  const answered = failure.status ? ` (it answered ${failure.status})` : '';
  return {
    ok: false,
    field: fields.address,
    message: `${tracker} could not be reached at this address${answered}: ${said}`,
  };
}
