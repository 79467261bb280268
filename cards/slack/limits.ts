// Slack's documented Block Kit limits, and a checker the builders' tests run on everything they
// build. Slack rejects a whole message or view (`invalid_blocks`) when one field is too long,
// so the builders clamp every piece of outside text to these numbers.
import type { AnyBlock, View } from '@slack/types';

export const SLACK_LIMITS = {
  /** Blocks per message. */
  messageBlocks: 50,
  /** Slack allows 100 per modal; we keep modals to 50 like messages. */
  modalBlocks: 50,
  homeBlocks: 100,
  /** Our cap for a message's `text` (notification fallback); Slack truncates at 40,000. */
  fallbackText: 3000,
  sectionText: 3000,
  sectionFields: 10,
  sectionFieldText: 2000,
  headerText: 150,
  /** Slack documents no separate figure for context text; the text-object maximum applies. */
  contextText: 3000,
  contextElements: 10,
  actionsElements: 25,
  blockId: 255,
  actionId: 255,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  /** plain_text_input max_length (and so its initial value). */
  textInput: 3000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  /** Radio buttons and checkboxes. */
  choiceOptions: 10,
} as const;

export type Surface = 'message' | 'modal' | 'home';

const BLOCKS_PER_SURFACE: Readonly<Record<Surface, number>> = {
  message: SLACK_LIMITS.messageBlocks,
  modal: SLACK_LIMITS.modalBlocks,
  home: SLACK_LIMITS.homeBlocks,
};

type Json = Record<string, unknown>;

/** Every Block Kit limit `blocks` break on `surface`, as readable lines (empty when all is well). */
export function checkBlockKitLimits(blocks: readonly AnyBlock[], surface: Surface = 'message'): string[] {
  const out: string[] = [];
  const max = BLOCKS_PER_SURFACE[surface];
  if (blocks.length > max) out.push(`${blocks.length} blocks (max ${max} in a ${surface})`);
  const blockIds = new Set<string>();
  blocks.forEach((block, i) => {
    const b = block as unknown as Json;
    const where = `blocks[${i}] (${block.type}${typeof b.block_id === 'string' ? ` ${b.block_id}` : ''})`;
    const problem = (what: string) => out.push(`${where}: ${what}`);
    if (typeof b.block_id === 'string') {
      maxLength(b.block_id, SLACK_LIMITS.blockId, 'block_id', problem);
      if (blockIds.has(b.block_id)) problem('block_id is used twice');
      blockIds.add(b.block_id);
    }
    switch (block.type) {
      case 'section': {
        if (b.text === undefined && b.fields === undefined) problem('a section needs text or fields');
        if (b.text !== undefined) textObject(b.text, SLACK_LIMITS.sectionText, 'text', problem);
        if (b.fields !== undefined) {
          const fields = asArray(b.fields);
          if (fields.length > SLACK_LIMITS.sectionFields) problem(`${fields.length} fields (max ${SLACK_LIMITS.sectionFields})`);
          fields.forEach((f, j) => textObject(f, SLACK_LIMITS.sectionFieldText, `fields[${j}]`, problem));
        }
        if (b.accessory !== undefined) element(b.accessory, 'accessory', problem);
        break;
      }
      case 'header':
        textObject(b.text, SLACK_LIMITS.headerText, 'text', problem, 'plain_text');
        break;
      case 'context': {
        const elements = asArray(b.elements);
        if (elements.length === 0 || elements.length > SLACK_LIMITS.contextElements) problem(`${elements.length} elements (1–${SLACK_LIMITS.contextElements})`);
        elements.forEach((e, j) => {
          if (isJson(e) && e.type !== 'image') textObject(e, SLACK_LIMITS.contextText, `elements[${j}]`, problem);
        });
        break;
      }
      case 'actions': {
        const elements = asArray(b.elements);
        if (elements.length === 0 || elements.length > SLACK_LIMITS.actionsElements) problem(`${elements.length} elements (1–${SLACK_LIMITS.actionsElements})`);
        const actionIds = new Set<string>();
        elements.forEach((e, j) => {
          element(e, `elements[${j}]`, problem);
          const id = isJson(e) ? e.action_id : undefined;
          if (typeof id === 'string') {
            if (actionIds.has(id)) problem(`action_id ${id} is used twice`);
            actionIds.add(id);
          }
        });
        break;
      }
      case 'input':
        if (surface === 'message') problem('input blocks belong in modals and the home tab');
        textObject(b.label, SLACK_LIMITS.inputLabel, 'label', problem, 'plain_text');
        if (b.hint !== undefined) textObject(b.hint, SLACK_LIMITS.inputHint, 'hint', problem, 'plain_text');
        element(b.element, 'element', problem);
        break;
      default:
        break;
    }
  });
  return out;
}

/** The limits of a whole view: its blocks plus title, buttons, callback_id and private_metadata. */
export function checkViewLimits(view: View): string[] {
  const out = checkBlockKitLimits(view.blocks, view.type === 'home' ? 'home' : 'modal');
  const problem = (what: string) => out.push(`view: ${what}`);
  if (view.callback_id !== undefined) maxLength(view.callback_id, SLACK_LIMITS.callbackId, 'callback_id', problem);
  if (view.private_metadata !== undefined) maxLength(view.private_metadata, SLACK_LIMITS.privateMetadata, 'private_metadata', problem);
  if (view.type === 'modal') {
    textObject(view.title, SLACK_LIMITS.modalTitle, 'title', problem, 'plain_text');
    if (view.submit) textObject(view.submit, SLACK_LIMITS.modalButton, 'submit', problem, 'plain_text');
    if (view.close) textObject(view.close, SLACK_LIMITS.modalButton, 'close', problem, 'plain_text');
    if (!view.submit && view.blocks.some((b) => b.type === 'input')) problem('a modal with inputs needs a submit button');
  }
  return out;
}

/** The limits of a message: its blocks and its fallback text. */
export function checkMessageLimits(message: { text: string; blocks: readonly AnyBlock[] }): string[] {
  const out = checkBlockKitLimits(message.blocks, 'message');
  if (message.text.trim() === '') out.push('text: empty (it is the notification fallback)');
  if (message.text.length > SLACK_LIMITS.fallbackText) out.push(`text: ${message.text.length} characters (max ${SLACK_LIMITS.fallbackText})`);
  return out;
}

type Problem = (what: string) => void;

function element(value: unknown, where: string, problem: Problem): void {
  if (!isJson(value)) return problem(`${where} is not an object`);
  const at = (what: string) => problem(`${where}: ${what}`);
  if (value.action_id !== undefined) maxLength(value.action_id, SLACK_LIMITS.actionId, 'action_id', at);
  if (value.placeholder !== undefined) textObject(value.placeholder, SLACK_LIMITS.placeholder, 'placeholder', at, 'plain_text');
  if (value.confirm !== undefined) confirm(value.confirm, at);
  switch (value.type) {
    case 'button':
      textObject(value.text, SLACK_LIMITS.buttonText, 'text', at, 'plain_text');
      if (value.value !== undefined) maxLength(value.value, SLACK_LIMITS.buttonValue, 'value', at);
      if (value.url !== undefined) maxLength(value.url, SLACK_LIMITS.url, 'url', at);
      break;
    case 'plain_text_input': {
      const cap = typeof value.max_length === 'number' ? value.max_length : SLACK_LIMITS.textInput;
      if (cap > SLACK_LIMITS.textInput) at(`max_length ${cap} (max ${SLACK_LIMITS.textInput})`);
      if (value.initial_value !== undefined) maxLength(value.initial_value, Math.min(cap, SLACK_LIMITS.textInput), 'initial_value', at);
      break;
    }
    case 'static_select':
    case 'multi_static_select': {
      const options = asArray(value.options);
      if (options.length === 0 || options.length > SLACK_LIMITS.selectOptions) at(`${options.length} options (1–${SLACK_LIMITS.selectOptions})`);
      options.forEach((o, j) => option(o, `options[${j}]`, at));
      const initial = value.type === 'static_select' ? (value.initial_option === undefined ? [] : [value.initial_option]) : asArray(value.initial_options);
      for (const o of initial) {
        if (!options.some((known) => JSON.stringify(known) === JSON.stringify(o))) at(`initial option ${JSON.stringify(o)} is not one of the options`);
      }
      break;
    }
    case 'radio_buttons':
    case 'checkboxes': {
      const options = asArray(value.options);
      if (options.length === 0 || options.length > SLACK_LIMITS.choiceOptions) at(`${options.length} options (1–${SLACK_LIMITS.choiceOptions})`);
      options.forEach((o, j) => option(o, `options[${j}]`, at));
      break;
    }
    default:
      break;
  }
}

function option(value: unknown, where: string, problem: Problem): void {
  if (!isJson(value)) return problem(`${where} is not an object`);
  const at = (what: string) => problem(`${where}: ${what}`);
  textObject(value.text, SLACK_LIMITS.optionText, 'text', at);
  maxLength(value.value, SLACK_LIMITS.optionValue, 'value', at);
  if (value.description !== undefined) textObject(value.description, SLACK_LIMITS.optionDescription, 'description', at);
}

function confirm(value: unknown, problem: Problem): void {
  if (!isJson(value)) return problem('confirm is not an object');
  const at = (what: string) => problem(`confirm: ${what}`);
  if (value.title !== undefined) textObject(value.title, SLACK_LIMITS.confirmTitle, 'title', at, 'plain_text');
  textObject(value.text, SLACK_LIMITS.confirmText, 'text', at);
  if (value.confirm !== undefined) textObject(value.confirm, SLACK_LIMITS.confirmButton, 'confirm', at, 'plain_text');
  if (value.deny !== undefined) textObject(value.deny, SLACK_LIMITS.confirmButton, 'deny', at, 'plain_text');
}

/** A text object: the right type, not empty (Slack refuses empty text), at most `max` characters. */
function textObject(value: unknown, max: number, where: string, problem: Problem, only?: 'plain_text'): void {
  if (!isJson(value) || typeof value.text !== 'string') return problem(`${where} is not a text object`);
  if (value.type !== 'plain_text' && value.type !== 'mrkdwn') problem(`${where} has type ${String(value.type)}`);
  if (only !== undefined && value.type !== only) problem(`${where} must be ${only}`);
  if (value.text.length === 0) problem(`${where} is empty`);
  maxLength(value.text, max, where, problem);
}

function maxLength(value: unknown, max: number, where: string, problem: Problem): void {
  if (typeof value !== 'string') return problem(`${where} is not a string`);
  if (value.length > max) problem(`${where} is ${value.length} characters (max ${max})`);
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
