import { describe, expect, it } from 'vitest';
import { domainAndParents, domainOf, localPartOf, publicSuffix, registrableDomain } from './domains.js';
import { isFreeMail } from './free-mail.js';
import { systemSenderReason } from './system-sender.js';

describe('domains', () => {
  it('splits addresses', () => {
    expect(domainOf('Jane.Roe@Acme.Example')).toBe('acme.example');
    expect(localPartOf('Jane.Roe@Acme.Example')).toBe('jane.roe');
    expect(domainOf('nobody')).toBe('');
  });

  it('finds the registrable domain, also under two-level suffixes', () => {
    expect(registrableDomain('mail.eu.acme.com')).toBe('acme.com');
    expect(registrableDomain('mail.acme.co.uk')).toBe('acme.co.uk');
    expect(publicSuffix('mail.acme.co.uk')).toBe('co.uk');
    expect(domainAndParents('a.b.acme.com')).toEqual(['a.b.acme.com', 'b.acme.com', 'acme.com']);
  });
});

describe('free-mail providers', () => {
  it('recognises common providers and their subdomains', () => {
    for (const d of ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.fr', 'gmx.de', 'web.de', 'orange.fr', 'libero.it', 'mail.yahoo.com']) expect(isFreeMail(d)).toBe(true);
    expect(isFreeMail('acme.example')).toBe(false);
    expect(isFreeMail('freemail.example', new Set(['freemail.example']))).toBe(true);
  });
});

describe('system senders', () => {
  it.each([
    'MAILER-DAEMON@mx2.northwind.example',
    'postmaster@acme.example',
    'no-reply@vdb.example',
    'noreply@vdb.example',
    'donotreply@bank.example',
    'do-not-reply@bank.example',
    'bounce@esp.example',
    'bounces+123@esp.example',
    'MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@acme.example',
  ])('%s is a machine sender', (address) => expect(systemSenderReason({ address: address.toLowerCase() })).toBeDefined());

  it('knows delivery systems by display name and leaves people alone', () => {
    expect(systemSenderReason({ address: 'x@mx.example', name: 'Mail Delivery System' })).toBeDefined();
    expect(systemSenderReason({ address: 'dana.whitfield@acme.example', name: 'Dana Whitfield' })).toBeUndefined();
    expect(systemSenderReason({ address: 'replyto.desk@acme.example' })).toBeUndefined();
    expect(systemSenderReason(undefined)).toBeUndefined();
  });
});
