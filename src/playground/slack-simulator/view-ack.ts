/** What Slack does with the app's ack to a view_submission: close, clear, update, push, or show errors. */
import { isObject } from './block-kit-elements.js';
import { validateView } from './block-kit-limits.js';
import { VIEW_STACK_MAX } from './interaction-state.js';
import { storeView } from './methods-views.js';
import type { CallRecorder } from './recorder.js';

const SOURCE = 'view_submission.ack';

/**
 * Applies the ack body of a view_submission for `viewId` to the fake's modal stacks. Invalid views and
 * `errors` keys that are not input block_ids of the view are recorded in `fake.violations`.
 */
export function applyViewSubmissionAck(fake: CallRecorder, viewId: string, ack: unknown): void {
  const action = isObject(ack) ? ack.response_action : undefined;
  if (!isObject(ack) || action === undefined) {
    fake.closeView(viewId);
    return;
  }
  if (action === 'clear') {
    fake.closeView(viewId, true);
    return;
  }
  if (action === 'errors') {
    const view = fake.view(viewId);
    const inputIds = new Set(
      (view?.blocks ?? [])
        .filter((b: unknown) => isObject(b) && b.type === 'input')
        .map((b: { block_id: string }) => b.block_id),
    );
    if (!isObject(ack.errors) || Object.keys(ack.errors).length === 0) {
      fake.addViolations(SOURCE, ['/errors: response_action errors needs a non-empty errors object']);
      return;
    }
    const bad = Object.keys(ack.errors).filter((k) => !inputIds.has(k));
    fake.addViolations(
      SOURCE,
      bad.map((k) => `/errors/${k}: '${k}' is not the block_id of an input block in view ${viewId}`),
    );
    return;
  }
  if (action !== 'update' && action !== 'push') {
    fake.addViolations(SOURCE, [`/response_action: unknown response_action '${String(action)}'`]);
    return;
  }
  const problems = validateView(ack.view);
  if (problems.length > 0 || !isObject(ack.view)) {
    fake.addViolations(SOURCE, problems.length > 0 ? problems : ['/view: view is required']);
    return;
  }
  if (action === 'update') {
    storeView(fake, viewId, ack.view);
    return;
  }
  const stack = fake.stackOf(viewId);
  if (stack === undefined || stack.length >= VIEW_STACK_MAX) {
    fake.addViolations(SOURCE, [
      `/view: cannot push onto view ${viewId} (push_limit_reached or no open stack)`,
    ]);
    return;
  }
  const id = fake.nextId('V');
  const pushed = storeView(fake, id, ack.view, stack[0]);
  pushed.previous_view_id = viewId;
  stack.push(id);
}
