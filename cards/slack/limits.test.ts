import type { KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { checkBlockKitLimits, checkMessageLimits, checkViewLimits } from './limits.js';

const section = (text: string, block_id?: string): KnownBlock => ({ type: 'section', ...(block_id ? { block_id } : {}), text: { type: 'mrkdwn', text } });

describe('checkBlockKitLimits', () => {
  it('passes what Slack takes', () => {
    expect(checkBlockKitLimits([section('hello'), { type: 'divider' }])).toEqual([]);
    expect(checkBlockKitLimits(Array.from({ length: 100 }, () => ({ type: 'divider' }) as KnownBlock), 'home')).toEqual([]);
  });

  it('counts blocks per surface', () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }) as KnownBlock);
    expect(checkBlockKitLimits(blocks)).toEqual(['51 blocks (max 50 in a message)']);
    expect(checkBlockKitLimits(blocks, 'modal')).toEqual(['51 blocks (max 50 in a modal)']);
    expect(checkBlockKitLimits(blocks, 'home')).toEqual([]);
  });

  it('finds long, empty or mistyped text and duplicate ids', () => {
    const problems = checkBlockKitLimits([
      section('x'.repeat(3001), 'a'),
      section('', 'a'),
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
      { type: 'header', text: { type: 'mrkdwn', text: 'h' } } as unknown as KnownBlock,
      { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'f'.repeat(2001) })) },
      { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn' as const, text: 'c' })) },
    ]);
    expect(problems).toEqual([
      'blocks[0] (section a): text is 3001 characters (max 3000)',
      'blocks[1] (section a): block_id is used twice',
      'blocks[1] (section a): text is empty',
      'blocks[2] (header): text is 151 characters (max 150)',
      'blocks[3] (header): text must be plain_text',
      'blocks[4] (section): 11 fields (max 10)',
      ...Array.from({ length: 11 }, (_, j) => `blocks[4] (section): fields[${j}] is 2001 characters (max 2000)`),
      'blocks[5] (context): 11 elements (1–10)',
    ]);
  });

  it('checks buttons, confirms, selects and inputs', () => {
    const problems = checkBlockKitLimits(
      [
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'a'.repeat(256), text: { type: 'plain_text', text: 'b'.repeat(76) }, value: 'v'.repeat(2001) },
            {
              type: 'button',
              action_id: 'ok',
              text: { type: 'plain_text', text: 'ok' },
              confirm: { title: { type: 'plain_text', text: 't'.repeat(101) }, text: { type: 'plain_text', text: 'x'.repeat(301) }, confirm: { type: 'plain_text', text: 'c'.repeat(31) } },
            },
            { type: 'button', action_id: 'ok', text: { type: 'plain_text', text: 'again' } },
          ],
        },
        {
          type: 'input',
          block_id: 'i',
          label: { type: 'plain_text', text: 'l'.repeat(2001) },
          element: {
            type: 'static_select',
            action_id: 's',
            options: Array.from({ length: 101 }, (_, k) => ({ text: { type: 'plain_text' as const, text: k === 0 ? 'o'.repeat(76) : `o${k}` }, value: k === 1 ? 'v'.repeat(151) : `v${k}` })),
            initial_option: { text: { type: 'plain_text', text: 'nope' }, value: 'nope' },
          },
        },
        { type: 'input', block_id: 'p', label: { type: 'plain_text', text: 'p' }, element: { type: 'plain_text_input', action_id: 'p', max_length: 10, initial_value: 'x'.repeat(11) } },
      ],
      'modal',
    );
    expect(problems).toEqual([
      `blocks[0] (actions): elements[0]: action_id is 256 characters (max 255)`,
      'blocks[0] (actions): elements[0]: text is 76 characters (max 75)',
      'blocks[0] (actions): elements[0]: value is 2001 characters (max 2000)',
      'blocks[0] (actions): elements[1]: confirm: title is 101 characters (max 100)',
      'blocks[0] (actions): elements[1]: confirm: text is 301 characters (max 300)',
      'blocks[0] (actions): elements[1]: confirm: confirm is 31 characters (max 30)',
      'blocks[0] (actions): action_id ok is used twice',
      'blocks[1] (input i): label is 2001 characters (max 2000)',
      'blocks[1] (input i): element: 101 options (1–100)',
      'blocks[1] (input i): element: options[0]: text is 76 characters (max 75)',
      'blocks[1] (input i): element: options[1]: value is 151 characters (max 150)',
      'blocks[1] (input i): element: initial option {"text":{"type":"plain_text","text":"nope"},"value":"nope"} is not one of the options',
      'blocks[2] (input p): element: initial_value is 11 characters (max 10)',
    ]);
  });

  it('keeps inputs out of messages', () => {
    const input: KnownBlock = { type: 'input', label: { type: 'plain_text', text: 'l' }, element: { type: 'plain_text_input', action_id: 'x' } };
    expect(checkBlockKitLimits([input])).toEqual(['blocks[0] (input): input blocks belong in modals and the home tab']);
  });
});

describe('checkViewLimits and checkMessageLimits', () => {
  it('check the modal around the blocks', () => {
    const modal: ModalView = {
      type: 'modal',
      title: { type: 'plain_text', text: 'A title that is far too long' },
      close: { type: 'plain_text', text: 'c'.repeat(25) },
      private_metadata: 'm'.repeat(3001),
      callback_id: 'x'.repeat(256),
      blocks: [{ type: 'input', label: { type: 'plain_text', text: 'l' }, element: { type: 'plain_text_input', action_id: 'x' } }],
    };
    expect(checkViewLimits(modal)).toEqual([
      'view: callback_id is 256 characters (max 255)',
      'view: private_metadata is 3001 characters (max 3000)',
      'view: title is 28 characters (max 24)',
      'view: close is 25 characters (max 24)',
      'view: a modal with inputs needs a submit button',
    ]);
  });

  it('check the fallback text', () => {
    expect(checkMessageLimits({ text: '', blocks: [] })).toEqual(['text: empty (it is the notification fallback)']);
    expect(checkMessageLimits({ text: 't'.repeat(3001), blocks: [] })).toEqual(['text: 3001 characters (max 3000)']);
  });
});
