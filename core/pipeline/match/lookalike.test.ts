import { describe, expect, it } from 'vitest';
import { detectLookalike, domainLabel, imitation, skeleton } from './lookalike.js';

const known = new Map<string, string[]>([
  ['acme-industrial.example', ['C1']],
  ['acme-industrial-canada.example', ['C2']],
  ['microsoft.com', ['C3']],
  ['bergmann-hydraulik.example', ['C4']],
  ['bergmann-hydraulics.example', ['C5']],
  ['acme.com', ['C6']],
]);

describe('skeleton', () => {
  it('folds characters readers confuse', () => {
    expect(skeleton('acme-lndustrial')).toBe(skeleton('acme-industrial'));
    expect(skeleton('rnicrosoft')).toBe(skeleton('microsoft'));
    expect(skeleton('vvidget')).toBe(skeleton('widget'));
    expect(skeleton('acme-1ndustria1')).toBe(skeleton('acme-industrial'));
    expect(skeleton('g00gle')).toBe(skeleton('google'));
    expect(skeleton('аcme')).toBe('acme'); // Cyrillic а
  });
});

describe('imitation', () => {
  it.each([
    ['acme-lndustrial.example', 'acme-industrial.example', /look-alike characters/],
    ['rnicrosoft.com', 'microsoft.com', /look-alike characters/],
    ['acmeindustrial.example', 'acme-industrial.example', /hyphen/],
    ['acme-industrial-billing.example', 'acme-industrial.example', /adds "billing"/],
    ['acme-industrial.com', 'acme-industrial.example', /different top-level domain/],
    ['acme-industrail.example', 'acme-industrial.example', /2 characters away/],
    ['acme-industriai.example', 'acme-industrial.example', /look-alike|away/],
    ['microsofft.com', 'microsoft.com', /1 character away/],
  ])('%s imitates %s', (candidate, real, reason) => expect(imitation(candidate, real)).toMatch(reason));

  it('leaves unrelated and short names alone', () => {
    expect(imitation('cashflowly.example', 'acme-industrial.example')).toBeUndefined();
    expect(imitation('acne.com', 'acme.com')).toBeUndefined();
    expect(imitation('acme-industrial.example', 'acme-industrial.example')).toBeUndefined();
  });

  it('uses the registrable label', () => {
    expect(domainLabel('mail.acme.co.uk')).toBe('acme');
  });
});

describe('detectLookalike', () => {
  it('names the imitated domain and its customers', () => {
    expect(detectLookalike('acme-lndustrial.example', known)).toEqual({
      domain: 'acme-industrial.example',
      customerIds: ['C1'],
      reason: 'acme-lndustrial.example uses look-alike characters for acme-industrial.example',
    });
  });

  it('merges several imitated domains', () => {
    const hit = detectLookalike('bergmann-hydraulic.example', known);
    expect(hit?.customerIds.sort()).toEqual(['C4', 'C5']);
  });

  it('never flags a known domain, its subdomains or our own domain', () => {
    expect(detectLookalike('acme-industrial.example', known)).toBeUndefined();
    expect(detectLookalike('mail.acme-industrial.example', known)).toBeUndefined();
    expect(detectLookalike('northwind.example', known, ['northwind.example'])).toBeUndefined();
    expect(detectLookalike('', known)).toBeUndefined();
  });

  it('flags imitations of our own domain', () => {
    expect(detectLookalike('n0rthwind.example', known, ['northwind.example'])).toMatchObject({ domain: 'northwind.example', customerIds: [] });
  });
});
