import { describe, expect, it } from 'vitest';
import { splitHistory } from './history-split.js';
import { stripQuotedLines } from './quote-lines.js';

const NEW = 'Please send a copy of INV-204518.';

describe('splitHistory: replies', () => {
  it.each([
    ['en', 'On Wed, Nov 11, 2026 at 8:15 AM Northwind AR <ar@northwind.example> wrote:'],
    ['en, wrapped', 'On Wed, Nov 11, 2026 at 8:15 AM Northwind Supply Accounts Receivable <\nar@northwind.example> wrote:'],
    ['fr', 'Le mer. 11 nov. 2026 à 08:15, Northwind AR <ar@northwind.example> a écrit :'],
    ['de', 'Am 11.11.2026 um 08:15 schrieb Northwind AR <ar@northwind.example>:'],
    ['de, name first', 'Northwind AR <ar@northwind.example> schrieb am Mi., 11. Nov. 2026, 08:15:'],
    ['es', 'El mié, 11 nov 2026 a las 8:15, Northwind AR (<ar@northwind.example>) escribió:'],
    ['it', 'Il giorno mer 11 nov 2026 alle ore 08:15 Northwind AR <ar@northwind.example> ha scritto:'],
    ['nl', 'Op wo 11 nov. 2026 om 08:15 schreef Northwind AR <ar@northwind.example>:'],
    ['pt', 'Em qua., 11 de nov. de 2026 às 08:15, Northwind AR <ar@northwind.example> escreveu:'],
  ])('cuts at an "On … wrote:" attribution (%s)', (_lang, attribution) => {
    const r = splitHistory(`${NEW}\n\n${attribution}\n\n> Your statement is attached.\n> Regards`, 'Re: Statement');
    expect(r.body).toBe(NEW);
    expect(r.kind).toBe('quoted');
    expect(r.history).toContain('> Your statement is attached.');
  });

  it.each([
    ['en', '-----Original Message-----\nFrom: AR <ar@northwind.example>\nSent: Monday, November 2, 2026 3:44 PM\nTo: Helen <h@x.example>\nSubject: RE: Missing invoices'],
    ['en, no banner', 'From: AR <ar@northwind.example>\nSent: Monday, November 2, 2026 3:44 PM\nTo: Helen <h@x.example>\nSubject: RE: Missing invoices'],
    ['en, rule above', '________________________________\nFrom: AR <ar@northwind.example>\nSent: Monday, November 2, 2026 3:44 PM\nTo: Helen <h@x.example>\nSubject: RE: Missing invoices'],
    ['fr', 'De : AR <ar@northwind.example>\nEnvoyé : lundi 2 novembre 2026 15:44\nÀ : Sophie <s@x.example>\nObjet : Relevé'],
    ['de', 'Von: AR <ar@northwind.example>\nGesendet: Montag, 2. November 2026 15:44\nAn: Katrin <k@x.example>\nBetreff: Kontoauszug'],
    ['es', 'De: AR <ar@northwind.example>\nEnviado el: lunes, 2 de noviembre de 2026 15:44\nPara: Marta <m@x.example>\nAsunto: Facturas'],
    ['it', 'Da: AR <ar@northwind.example>\nInviato: lunedì 2 novembre 2026 15:44\nA: Giulia <g@x.example>\nOggetto: Fattura'],
    ['nl', 'Van: AR <ar@northwind.example>\nVerzonden: maandag 2 november 2026 15:44\nAan: Sanne <s@x.example>\nOnderwerp: Betaling'],
    ['pt', 'De: AR <ar@northwind.example>\nEnviada em: segunda-feira, 2 de novembro de 2026 15:44\nPara: João <j@x.example>\nAssunto: Fatura'],
  ])('cuts at an Outlook header block (%s)', (_lang, block) => {
    const r = splitHistory(`${NEW}\n\nThanks,\nHelen\n\n${block}\n\nOld message text.`, 'RE: Missing invoices');
    expect(r.body).toBe(`${NEW}\n\nThanks,\nHelen`);
    expect(r.kind).toBe('quoted');
    expect(r.history).toContain('Old message text.');
    expect(r.history).not.toMatch(/^[-_]/);
  });

  it('does not cut at a lone "From:" line in the text', () => {
    const text = 'From: our AP team\nWe paid INV-1 today.';
    expect(splitHistory(text, 'payment')).toEqual({ body: text });
  });

  it('leaves interleaved answers to stripQuotedLines', () => {
    const text = 'On Mon, Nov 2, 2026 at 9:00 AM AR <ar@northwind.example> wrote:\n> Which invoice?\nINV-204518\n> Which amount?\n$100.00';
    expect(splitHistory(text, 'Re: x').history).toBeUndefined();
    const q = stripQuotedLines(text);
    expect(q.body).toBe('INV-204518\n$100.00');
    expect(q.quoted[0]).toContain('Which invoice?');
    expect(q.quoted[0]).toContain('wrote:');
  });

  it('cuts at the HTML quote sentinel', () => {
    const r = splitHistory(`${NEW}\n\n\uE000\nOn Mon, X wrote:\n> old`, 'Re: x');
    expect(r).toEqual({ body: NEW, history: 'On Mon, X wrote:\n> old', kind: 'quoted' });
  });
});

describe('splitHistory: forwards', () => {
  it.each([
    ['Gmail en', '---------- Forwarded message ---------'],
    ['Apple Mail', 'Begin forwarded message:'],
    ['fr', '-------- Message transféré --------'],
    ['de', '---------- Weitergeleitete Nachricht ----------'],
    ['es', '---------- Mensaje reenviado ---------'],
    ['it', '---------- Messaggio inoltrato ---------'],
    ['nl', '---------- Doorgestuurd bericht ---------'],
    ['pt', '---------- Mensagem encaminhada ---------'],
  ])('a forward banner (%s) starts forwarded content; the note stays new', (_name, banner) => {
    const r = splitHistory(`Can you tell me which invoices this paid?\n\n${banner}\nFrom: Bank <alerts@bank.example>\nDate: Mon, Nov 9, 2026\nSubject: ACH confirmation\n\nAmount: $23,938.89`, 'Fwd: ACH');
    expect(r.body).toBe('Can you tell me which invoices this paid?');
    expect(r.kind).toBe('forwarded');
    expect(r.history).toContain('Amount: $23,938.89');
    expect(r.history?.startsWith('From: Bank')).toBe(true);
  });

  it.each(['FW:', 'Fwd:', 'WG:', 'TR:', 'RV:', 'I:', 'ENC:'])('an Outlook header block under a "%s" subject is forwarded content', (prefix) => {
    const r = splitHistory('See below.\n\n-----Original Message-----\nFrom: Bank <a@bank.example>\nSent: Monday\nTo: Stacy\nSubject: ACH\n\nSETTLED', `${prefix} ACH Payment Confirmation`);
    expect(r.kind).toBe('forwarded');
    expect(r.history).toContain('SETTLED');
  });

  it('a reply to a forward ("RE: FW:") is a quote', () => {
    const r = splitHistory('Thanks.\n\nFrom: AR <ar@northwind.example>\nSent: Monday\nTo: Stacy\nSubject: FW: ACH\n\nold', 'RE: FW: ACH');
    expect(r.kind).toBe('quoted');
  });
});

describe('stripQuotedLines', () => {
  it('removes ">" runs and their attribution, keeping the answer below', () => {
    const q = stripQuotedLines('John Smith <j@x.example> wrote:\n> Can you pay?\n>\n> Thanks\n\nYes, paid INV-1 today.');
    expect(q.body).toBe('Yes, paid INV-1 today.');
    expect(q.quoted).toEqual(['John Smith <j@x.example> wrote:\nCan you pay?\n\nThanks']);
  });
});
