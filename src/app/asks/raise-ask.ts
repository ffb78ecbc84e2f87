import type { Ask } from '../../domain/asks/ask.js';
import { type CreateAskError, type CreateAskRequest, createAsk } from '../../domain/asks/create-ask.js';
import type { Result } from '../../domain/result.js';
import type { AskUseCaseDeps } from './ask-use-case-deps.js';

/** A new ask from a form, a reaction or a shortcut: stored with its number, its card and notices owed. */
export async function raiseAsk(
  deps: AskUseCaseDeps,
  request: CreateAskRequest,
): Promise<Result<Ask, CreateAskError>> {
  const { repositories, clock, newId } = deps;
  const result = await createAsk({ ...repositories, clock, newId }, request);
  if (result.ok) deps.consequences.owe('ask', result.value.id);
  return result;
}
