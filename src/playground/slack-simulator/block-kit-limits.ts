/**
 * Pure Block Kit validator enforcing the limits in /work/shared/slack-platform.md.
 * `validateMessage` / `validateView` return a list of problems (`<json-pointer>: <what>`), empty when valid.
 */
import { BLOCK_TYPES } from './block-kit-catalog.js';
import { checkElement, checkLength, checkText, isObject, type Problems } from './block-kit-elements.js';

export const MESSAGE_MAX_BLOCKS = 50;
export const VIEW_MAX_BLOCKS = 100;

function checkBlock(problems: Problems, path: string, block: unknown, seenBlockIds: Set<string>): void {
  if (!isObject(block)) {
    problems.push(`${path}: block must be an object`);
    return;
  }
  const type = String(block.type);
  if (!BLOCK_TYPES.has(type)) problems.push(`${path}/type: unknown block type '${type}'`);
  if (block.block_id !== undefined) {
    checkLength(problems, `${path}/block_id`, block.block_id, 255, 'block_id');
    const id = String(block.block_id);
    if (seenBlockIds.has(id)) problems.push(`${path}/block_id: duplicate block_id '${id}'`);
    seenBlockIds.add(id);
  }
  switch (type) {
    case 'section': {
      checkText(problems, `${path}/text`, block.text, 3000, 'section text');
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields)) {
          problems.push(`${path}/fields: must be an array`);
        } else {
          if (block.fields.length > 10)
            problems.push(`${path}/fields: ${block.fields.length} fields (max 10)`);
          block.fields.forEach((f, i) => {
            checkText(problems, `${path}/fields/${i}`, f, 2000, 'section field');
          });
        }
      }
      if (block.text === undefined && block.fields === undefined) {
        problems.push(`${path}: section needs text or fields`);
      }
      if (block.accessory !== undefined) checkElement(problems, `${path}/accessory`, block.accessory);
      break;
    }
    case 'header':
      if (block.text === undefined) problems.push(`${path}/text: header text is required`);
      checkText(problems, `${path}/text`, block.text, 150, 'header text', true);
      break;
    case 'actions': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > 25) {
        problems.push(`${path}/elements: actions block needs 1..25 elements (got ${elements.length})`);
      }
      const actionIds = new Set<string>();
      elements.forEach((el, i) => {
        checkElement(problems, `${path}/elements/${i}`, el);
        if (isObject(el) && el.action_id !== undefined) {
          const id = String(el.action_id);
          if (actionIds.has(id))
            problems.push(`${path}/elements/${i}/action_id: duplicate action_id '${id}'`);
          actionIds.add(id);
        }
      });
      break;
    }
    case 'context': {
      const elements = Array.isArray(block.elements) ? block.elements : [];
      if (elements.length === 0 || elements.length > 10) {
        problems.push(`${path}/elements: context block needs 1..10 elements (got ${elements.length})`);
      }
      elements.forEach((el, i) => {
        if (isObject(el) && el.type !== 'image')
          checkText(problems, `${path}/elements/${i}`, el, 3000, 'context text');
      });
      break;
    }
    case 'input':
      if (block.label === undefined) problems.push(`${path}/label: input label is required`);
      checkText(problems, `${path}/label`, block.label, 2000, 'input label', true);
      checkText(problems, `${path}/hint`, block.hint, 2000, 'input hint', true);
      if (block.element === undefined) problems.push(`${path}/element: input element is required`);
      else checkElement(problems, `${path}/element`, block.element);
      break;
    case 'image':
      checkLength(problems, `${path}/alt_text`, block.alt_text, 2000, 'image alt_text');
      checkLength(problems, `${path}/image_url`, block.image_url, 3000, 'image_url');
      checkText(problems, `${path}/title`, block.title, 2000, 'image title', true);
      break;
    case 'markdown':
      checkLength(problems, `${path}/text`, block.text, 12000, 'markdown text');
      break;
  }
}

function checkBlocks(problems: Problems, path: string, blocks: unknown, max: number, surface: string): void {
  if (blocks === undefined) return;
  if (!Array.isArray(blocks)) {
    problems.push(`${path}: blocks must be an array`);
    return;
  }
  if (blocks.length > max) problems.push(`${path}: ${blocks.length} blocks in a ${surface} (max ${max})`);
  const seen = new Set<string>();
  blocks.forEach((b, i) => {
    checkBlock(problems, `${path}/${i}`, b, seen);
  });
}

/** Checks a chat.postMessage / postEphemeral / update / response_url payload. */
export function validateMessage(payload: unknown): string[] {
  const problems: Problems = [];
  if (!isObject(payload)) return ['/: message payload must be an object'];
  const { blocks, text, attachments } = payload;
  checkBlocks(problems, '/blocks', blocks, MESSAGE_MAX_BLOCKS, 'message');
  if (Array.isArray(blocks) && blocks.length > 0 && (typeof text !== 'string' || text.trim() === '')) {
    problems.push('/text: a message with blocks must carry a top-level `text` fallback');
  }
  if (attachments !== undefined) {
    if (!Array.isArray(attachments)) problems.push('/attachments: must be an array');
    else
      attachments.forEach((a, i) => {
        if (isObject(a))
          checkBlocks(problems, `/attachments/${i}/blocks`, a.blocks, MESSAGE_MAX_BLOCKS, 'message');
      });
  }
  return problems;
}

/** Checks a views.open / push / update / publish view (modal or home tab). */
export function validateView(view: unknown): string[] {
  const problems: Problems = [];
  if (!isObject(view)) return ['/: view must be an object'];
  const type = view.type;
  if (type !== 'modal' && type !== 'home')
    problems.push(`/type: view type must be modal or home (got ${String(type)})`);
  if (!Array.isArray(view.blocks)) problems.push('/blocks: view blocks are required');
  checkBlocks(problems, '/blocks', view.blocks, VIEW_MAX_BLOCKS, String(type));
  checkLength(problems, '/callback_id', view.callback_id, 255, 'callback_id');
  checkLength(problems, '/external_id', view.external_id, 255, 'external_id');
  checkLength(problems, '/private_metadata', view.private_metadata, 3000, 'private_metadata');
  if (type === 'modal') {
    if (view.title === undefined) problems.push('/title: modal title is required');
    checkText(problems, '/title', view.title, 24, 'modal title', true);
    checkText(problems, '/submit', view.submit, 24, 'modal submit', true);
    checkText(problems, '/close', view.close, 24, 'modal close', true);
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) {
      problems.push('/submit: a modal containing an input block must have `submit`');
    }
  }
  return problems;
}
