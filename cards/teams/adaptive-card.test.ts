import { describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../test/support/adaptivecards-node.js';
import { adaptiveCard, cardBytes, factSet, textBlock } from './adaptive-card.js';

const valid = () => adaptiveCard([textBlock('Hello')], { actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go', data: { a: 1 } }] });

describe('validateAdaptiveCard (the Adaptive Cards library, dist build)', () => {
  it('accepts a plain 1.5 card', () => {
    expect(validateAdaptiveCard(valid())).toEqual([]);
  });

  it('reports an unknown element and an unknown action', () => {
    const card = { ...valid(), body: [{ type: 'Marquee', text: 'x' }], actions: [{ type: 'Action.Teleport', title: 'x' }] };
    const problems = validateAdaptiveCard(card);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/UnknownElementType.*Marquee/), expect.stringMatching(/UnknownActionType.*Action.Teleport/)]));
  });

  it('reports a version other than 1.5, and a missing one', () => {
    expect(validateAdaptiveCard({ ...valid(), version: '9.9' })).toEqual(
      expect.arrayContaining(['version is "9.9", not "1.5"', expect.stringMatching(/UnsupportedCardVersion/)]),
    );
    const { version: _version, ...unversioned } = valid();
    expect(validateAdaptiveCard(unversioned)).toContain('version is undefined, not "1.5"');
  });

  it('reports properties the library does not know (which its parse drops silently) and ones newer than 1.5', () => {
    const card = {
      ...valid(),
      body: [{ type: 'Input.ChoiceSet', id: 'x', label: 'X', isMultiselect: true, choices: [{ title: 'A', value: 'a' }] }],
      actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go', role: 'Button' }],
    };
    expect(validateAdaptiveCard(card)).toEqual([
      'parse: UnsupportedProperty: Property "role" is supported in version 1.6, but you are using version 1.5.',
      '$.body[0]: unknown property "isMultiselect" on Input.ChoiceSet',
    ]);
    // An element newer than 1.5 is unknown to a 1.5 parse.
    expect(validateAdaptiveCard({ ...valid(), body: [{ type: 'Carousel', pages: [] }] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/UnknownElementType.*Carousel/)]),
    );
  });

  it('reports bad values, required inputs without label, and duplicate ids', () => {
    const card = {
      ...valid(),
      body: [
        { type: 'TextBlock', text: 'x', color: 'Purple' },
        { type: 'Input.Text', id: 'a', isRequired: true },
        { type: 'Input.Text', id: 'a', label: 'A' },
      ],
    };
    const problems = validateAdaptiveCard(card);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/InvalidPropertyValue.*Purple/),
        expect.stringMatching(/RequiredInputsShouldHaveLabel/),
        expect.stringMatching(/RequiredInputsShouldHaveErrorMessage/),
        expect.stringMatching(/DuplicateId.*"a"/),
      ]),
    );
  });

  it('checks the Teams rules: six buttons per row, mentions, size', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Execute' as const, title: `B${i}`, verb: 'v' }));
    expect(validateAdaptiveCard(adaptiveCard([textBlock('x')], { actions: seven.slice(0, 6) }))).toEqual([]);
    expect(validateAdaptiveCard(adaptiveCard([textBlock('x')], { actions: seven }))).toEqual(['validate: TooManyActions: Maximum number of actions exceeded (6).']);

    const mention = { type: 'mention' as const, text: '<at>Ana Lima</at>', mentioned: { id: 'aad-1', name: 'Ana Lima' } };
    expect(validateAdaptiveCard(adaptiveCard([textBlock('Assigned to <at>Ana Lima</at>')], { msteams: { entities: [mention] } }))).toEqual([]);
    expect(validateAdaptiveCard(adaptiveCard([textBlock('Assigned to Ana Lima')], { msteams: { entities: [mention] } }))).toEqual([
      '$.msteams.entities[0]: mention text "<at>Ana Lima</at>" appears in no TextBlock',
    ]);

    const huge = adaptiveCard([textBlock('x'.repeat(30_000))]);
    expect(validateAdaptiveCard(huge)).toEqual([`the card is ${cardBytes(huge)} bytes; Teams accepts at most 28672`]);
  });
});

describe('card helpers', () => {
  it('omits empty facts and empty actions', () => {
    expect(factSet([['A', '1'], ['B', undefined], ['C', '']])).toEqual({ type: 'FactSet', facts: [{ title: 'A', value: '1' }] });
    expect(adaptiveCard([textBlock('x')], { actions: [] })).not.toHaveProperty('actions');
  });

  it('measures the card in UTF-8 bytes', () => {
    const ascii = adaptiveCard([textBlock('a')]);
    const accented = adaptiveCard([textBlock('é')]);
    expect(cardBytes(accented)).toBe(cardBytes(ascii) + 1);
  });
});
