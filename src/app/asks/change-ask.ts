import {
  type AskChange,
  type UpdateAskError,
  type UpdateAskRequest,
  updateAsk,
} from '../../domain/asks/update-ask.js';
import type { Result } from '../../domain/result.js';
import type { AskUseCaseDeps } from './ask-use-case-deps.js';

/** The update form's change: status, notes for the customer and internal ones, promise, owner. */
export async function changeAsk(
  deps: AskUseCaseDeps,
  request: UpdateAskRequest,
): Promise<Result<AskChange, UpdateAskError>> {
  const result = await updateAsk(
    { asks: deps.repositories.asks, clock: deps.clock, directory: deps.directory },
    request,
  );
  if (result.ok) deps.consequences.owe('ask', result.value.ask.id);
  return result;
}
