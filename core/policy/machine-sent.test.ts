import { describe, expect, it } from 'vitest';
import type { ParsedEmail, ParsedHeaders } from '../pipeline/parsed-email.js';
import { isThanksOnly, machineSentReason } from './machine-sent.js';

function parsed(over: Omit<Partial<ParsedEmail>, 'headers'> & { headers?: Partial<ParsedHeaders> } = {}): ParsedEmail {
  const { headers, ...rest } = over;
  return {
    messageId: 'm@x', messageIdSynthesized: false, references: [], replyTo: [], to: [], cc: [], subject: 's', text: '', attachments: [], rawSize: 1, problems: [],
    from: { address: 'jane@acme.example' },
    ...rest,
    headers: { autoResponseHeaders: [], contentType: 'text/plain', authenticationResults: [], receivedSpf: [], ...headers },
  };
}

describe('machine-sent mail', () => {
  it('recognises Auto-Submitted, reports, precedence, auto-response headers, system senders and null return paths', () => {
    expect(machineSentReason(parsed({ headers: { autoSubmitted: 'auto-replied' } }))).toMatch(/Auto-Submitted/);
    expect(machineSentReason(parsed({ headers: { autoSubmitted: 'no' } }))).toBeUndefined();
    expect(machineSentReason(parsed({ headers: { contentType: 'multipart/report; report-type=delivery-status' } }))).toMatch(/report/);
    expect(machineSentReason(parsed({ headers: { precedence: 'auto_reply' } }))).toMatch(/Precedence/);
    expect(machineSentReason(parsed({ headers: { precedence: 'bulk' } }))).toBeUndefined(); // newsletters and pitches go to a person
    expect(machineSentReason(parsed({ headers: { autoResponseHeaders: ['X-Autoreply'] } }))).toMatch(/automatic-response/);
    expect(machineSentReason(parsed({ from: { address: 'mailer-daemon@mx.example' } }))).toMatch(/system sender/);
    expect(machineSentReason(parsed({ from: { address: 'no-reply@vendor.example' } }))).toMatch(/system sender/);
    expect(machineSentReason(parsed({ headers: { returnPath: '<>' } }))).toMatch(/bounce/);
    expect(machineSentReason(parsed())).toBeUndefined();
  });

  it('tells a thanks-only note from a request', () => {
    for (const t of ['Thanks, got it!', 'Merci beaucoup, bien reçu.', 'Vielen Dank!', 'Muito obrigado, recebido.', 'Perfetto, grazie']) expect(isThanksOnly(t)).toBe(true);
    for (const t of ['Thanks! Could you also send INV-2?', 'Merci, pouvez-vous envoyer le relevé ?', 'Danke. Bitte senden Sie die Kopie.', '', 'Please find attached our remittance.']) expect(isThanksOnly(t)).toBe(false);
  });
});
