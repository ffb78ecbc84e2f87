import type { SlackDeps } from '../bolt/deps.js';
import { identifyActor, onlyVendor } from '../bolt/identify-actor.js';
import { onButton } from '../bolt/listen.js';
import type { Listeners } from '../bolt/listeners.js';
import { handleNotTheSame, handleSameRequest } from './handle-similar-buttons.js';
import { SIMILAR_ACTIONS } from './ids.js';

const vendorOnly = onlyVendor('Only people at the vendor can judge similar requests.');

/** The buttons of similar-request suggestions (on triage twins and in private messages): vendor side only. */
export function registerSimilar(listeners: Listeners, deps: SlackDeps): void {
  onButton(listeners, SIMILAR_ACTIONS.link, identifyActor, vendorOnly, handleSameRequest(deps));
  onButton(listeners, SIMILAR_ACTIONS.notSame, identifyActor, vendorOnly, handleNotTheSame(deps));
}
