import { describe, expect, it } from 'vitest';
import type { Language } from '../intents.js';
import { extractEntities } from './extract.js';

const ref = new Date('2026-11-20T12:00:00Z');
const dates = (text: string, language: Language = 'und') => extractEntities(text, { language, referenceDate: ref }).dates.map((d) => d.iso);

describe('dates', () => {
  it('reads ISO dates', () => expect(dates('as of 2026-11-04')).toEqual(['2026-11-04']));

  it('lets the language decide the order of numeric dates', () => {
    expect(dates('due 09/11/2026', 'en')).toEqual(['2026-09-11']);
    expect(dates('del 09/11/2026', 'it')).toEqual(['2026-11-09']);
    expect(dates('du 09/11/2026', 'fr')).toEqual(['2026-11-09']);
    expect(dates('due 11/24/2026', 'fr')).toEqual(['2026-11-24']);
    expect(dates('vom 10.11.2026', 'en')).toEqual(['2026-11-10']);
    expect(dates('op 18-11-2026', 'nl')).toEqual(['2026-11-18']);
    expect(dates('on 11/24/26', 'en')).toEqual(['2026-11-24']);
  });

  it('reads month names in every language', () => {
    expect(dates('Sent: Monday, November 2, 2026 3:44 PM')).toEqual(['2026-11-02']);
    expect(dates('le 16 novembre 2026')).toEqual(['2026-11-16']);
    expect(dates('ab 1. Dezember 2026')).toEqual(['2026-12-01']);
    expect(dates('el 1 de diciembre de 2026')).toEqual(['2026-12-01']);
    expect(dates('em 9 de novembro de 2026')).toEqual(['2026-11-09']);
    expect(dates('il 3 febbraio 2026')).toEqual(['2026-02-03']);
    expect(dates('op 3 maart 2026')).toEqual(['2026-03-03']);
  });

  it('gives year-less dates the year nearest the email date', () => {
    expect(dates('paid Nov 16')).toEqual(['2026-11-16']);
    expect(dates('le 16 novembre')).toEqual(['2026-11-16']);
    expect(dates('Überweisung vom 10.11.', 'de')).toEqual(['2026-11-10']);
    expect(dates('our ACH from 11/4 for $6,380.64', 'en')).toEqual(['2026-11-04']);
    expect(dates('invoice of Jan 5')).toEqual(['2027-01-05']);
    expect(extractEntities('paid Nov 16').dates).toEqual([]);
  });

  it('skips impossible dates, IP addresses and fractions', () => {
    expect(dates('31/02/2026')).toEqual([]);
    expect(dates('host 10.20.1.15 relayed it')).toEqual([]);
    expect(dates('conector 3/4" a US$14.90', 'es')).toEqual([]);
  });

  it('keeps the text each date came from', () => {
    expect(extractEntities('Valuta 20.11.2026', { language: 'de' }).dates).toEqual([{ iso: '2026-11-20', raw: '20.11.2026' }]);
  });
});
