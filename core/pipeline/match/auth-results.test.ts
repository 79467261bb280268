import { describe, expect, it } from 'vitest';
import { authResultsFrom, parseAuthenticationResults, parseReceivedSpf } from './auth-results.js';

const ours =
  'mx1.northwind.example; spf=pass (mx1.northwind.example: domain of x@acme.example designates 203.0.113.25 as permitted sender) smtp.mailfrom=x@acme.example; dkim=pass header.d=acme.example header.s=selector1; dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=acme.example';

describe('parseAuthenticationResults', () => {
  it('reads the authserv-id and each method with its properties, comments removed', () => {
    const p = parseAuthenticationResults(ours);
    expect(p.authservId).toBe('mx1.northwind.example');
    expect(p.results).toEqual([
      { method: 'spf', result: 'pass', props: { 'smtp.mailfrom': 'x@acme.example' } },
      { method: 'dkim', result: 'pass', props: { 'header.d': 'acme.example', 'header.s': 'selector1' } },
      { method: 'dmarc', result: 'pass', props: { 'header.from': 'acme.example' } },
    ]);
  });

  it('reads headers without an authserv-id (Microsoft style)', () => {
    const p = parseAuthenticationResults('spf=fail (sender IP is 192.0.2.1) smtp.mailfrom=acme.example; dkim=none (message not signed) header.d=none;dmarc=fail action=quarantine header.from=acme.example;compauth=fail reason=000');
    expect(p.authservId).toBe('');
    expect(p.results.map((r) => `${r.method}=${r.result}`)).toEqual(['spf=fail', 'dkim=none', 'dmarc=fail', 'compauth=fail']);
  });
});

describe('parseReceivedSpf', () => {
  it('reads the leading verdict', () => {
    expect(parseReceivedSpf('Pass (mailfrom) identity=mailfrom; client-ip=203.0.113.25')).toBe('pass');
    expect(parseReceivedSpf('SoftFail (domain does not designate)')).toBe('softfail');
    expect(parseReceivedSpf('')).toBeUndefined();
  });
});

describe('authResultsFrom', () => {
  it('trusts our own host over a header further down that a sender could have written', () => {
    const forged = 'mx1.northwind.example.attacker.example; spf=pass; dkim=pass header.d=acme.example; dmarc=pass header.from=acme.example';
    const ourFail = 'mx1.northwind.example; spf=fail smtp.mailfrom=acme.example; dkim=none; dmarc=fail header.from=acme.example';
    const { auth, evidence } = authResultsFrom({ authenticationResults: [forged, ourFail], receivedSpf: [], trustedDomains: ['northwind.example'] });
    expect(auth).toEqual({ spf: 'fail', dkim: 'none', dmarc: 'fail', dmarcFromDomain: 'acme.example' });
    expect(evidence[0]).toContain('our own host mx1.northwind.example');
  });

  it('takes the newest header when none is recognisably ours', () => {
    const { auth, evidence } = authResultsFrom({
      authenticationResults: ['spf=pass smtp.mailfrom=acme.example; dkim=pass header.d=acme.example; dmarc=bestguesspass header.from=acme.example', ours],
      receivedSpf: [],
      trustedDomains: ['other.example'],
    });
    expect(auth).toMatchObject({ spf: 'pass', dkim: 'pass', dkimDomain: 'acme.example', dmarc: 'neutral' });
    expect(evidence[0]).toContain('using the newest one');
  });

  it('reports the domain of a passing DKIM signature among several', () => {
    const { auth } = authResultsFrom({
      authenticationResults: ['mx.northwind.example; dkim=fail header.d=esp.example; dkim=pass header.d=Acme.example; dmarc=pass header.from=acme.example'],
      receivedSpf: [],
      trustedDomains: ['northwind.example'],
    });
    expect(auth).toMatchObject({ dkim: 'pass', dkimDomain: 'acme.example' });
  });

  it('falls back on Received-SPF and is empty without headers', () => {
    expect(authResultsFrom({ authenticationResults: [], receivedSpf: ['Fail (x)'], trustedDomains: [] }).auth).toEqual({ spf: 'fail' });
    expect(authResultsFrom({ authenticationResults: [], receivedSpf: [], trustedDomains: [] })).toEqual({ auth: {}, evidence: [] });
  });
});
