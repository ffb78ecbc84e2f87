import type { AllMiddlewareArgs } from '@slack/bolt';
import { judgeNotTheSame, linkToEnhancement } from '../../app/asks/act-on-ask.js';
import { linkedText } from '../asks/link-asks.js';
import { answerPrivately } from '../bolt/answer-privately.js';
import { inRequest, type SlackDeps } from '../bolt/deps.js';
import type { ButtonArgs } from '../bolt/listen.js';
import type { ActorContext } from '../bolt/rapport-context.js';
import { parsePair } from './parse-pair.js';

type Args = ButtonArgs & AllMiddlewareArgs<ActorContext>;

/** Both buttons of a suggestion, after onlyVendor: the two enhancements it names, or a private answer. */
async function pairOf(services: SlackDeps, args: Args) {
  const pair = parsePair(args.action.value);
  const deps = inRequest(services, args.context);
  const [ask, other] = pair
    ? await Promise.all([
        deps.repositories.asks.findById(pair.ask),
        deps.repositories.asks.findById(pair.other),
      ])
    : [null, null];
  if (!ask || !other) {
    await answerPrivately(args, { text: 'One of these requests no longer exists.' });
    return null;
  }
  return { deps, ask, other };
}

/** **Same request: link**: exactly `/rapport link <this one> <the suggested one>`. */
export const handleSameRequest = (services: SlackDeps) => async (args: Args) => {
  const found = await pairOf(services, args);
  if (!found) return;
  const { deps, ask, other } = found;
  const result = await linkToEnhancement(deps, {
    actor: args.context.actor,
    askId: ask.id,
    target: { id: other.id },
  });
  if (!result.ok) {
    const text = result.error.code === 'not_found' ? 'That request no longer exists.' : result.error.message;
    await answerPrivately(args, { text });
    return;
  }
  // The answer follows the cards and the twin, which now show the group (and no longer suggest it).
  await deps.consequences.settled('ask', ask.id);
  await answerPrivately(args, { text: linkedText(ask.ref, other.ref) });
};

/** **Not the same**: remembered on the enhancement, so the pair is never suggested again. */
export const handleNotTheSame = (services: SlackDeps) => async (args: Args) => {
  const found = await pairOf(services, args);
  if (!found) return;
  const { deps, ask, other } = found;
  const request = { actor: args.context.actor, askId: ask.id, otherId: other.id };
  const result = await judgeNotTheSame(deps, request);
  if (!result.ok) {
    const text = result.error.code === 'not_found' ? 'That request no longer exists.' : result.error.message;
    await answerPrivately(args, { text });
    return;
  }
  await deps.consequences.settled('ask', ask.id);
  await answerPrivately(args, {
    text: `Noted: *${other.ref}* will not be suggested for *${ask.ref}* again.`,
  });
};
