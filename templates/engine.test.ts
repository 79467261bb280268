import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replyViewModel } from '../test/fixtures/reply-view-model.js';
import { loadTemplates } from './engine.js';
import { TemplateLoadError, TemplateRenderError } from './template-error.js';

const bundled = await loadTemplates();

/** An override folder holding `files` (path relative to it → content). */
function overrides(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'arbot-templates-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

async function loadError(files: Record<string, string>): Promise<TemplateLoadError> {
  const dir = overrides(files);
  const error = await loadTemplates({ overridesDir: dir }).then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(error instanceof TemplateLoadError)) throw new Error(`expected a TemplateLoadError, got ${String(error)}`);
  return error;
}

describe('loadTemplates: rejected at load, naming the file', () => {
  it('a template that does not compile', async () => {
    const error = await loadError({ 'en/invoice_copy.html.hbs': '<h3>Copies</h3>\n{{#if invoices}}\n<p>unclosed</p>\n' });
    expect(error.file).toMatch(/en[/\\]invoice_copy\.html\.hbs$/);
    expect(error.message).toMatch(/^template .*en[/\\]invoice_copy\.html\.hbs: does not compile: Parse error on line 4/);
  });

  it('a reference to a missing field', async () => {
    const error = await loadError({ 'fr/invoice_copy.text.hbs': '{{#each invoices}}- {{nubmer}}\n{{/each}}' });
    expect(error.file).toMatch(/fr[/\\]invoice_copy\.text\.hbs$/);
    expect(error.message).toContain('unknown field "nubmer" at line 1, column 23');
  });

  it('a missing field used as a helper or block argument, which strict mode alone lets through', async () => {
    const money = await loadError({ 'de/balance_statement.html.hbs': '{{#each totals}}{{money amuont}}{{/each}}' });
    expect(money.file).toMatch(/de[/\\]balance_statement\.html\.hbs$/);
    expect(money.message).toContain('unknown field "amuont" (available here: amount, magnitude, isDue, isSettled, isCredit)');
    const block = await loadError({ 'en/wrapper.text.hbs': '{{#if contactNmae}}Hi{{/if}}' });
    expect(block.message).toMatch(/wrapper\.text\.hbs: unknown field "contactNmae"/);
  });

  it('a field missing only in a branch the sample view models take', async () => {
    const error = await loadError({ 'en/invoice_status.hbs': '{{#if isVoid}}Void {{voidReason}}{{/if}}' });
    expect(error.file).toMatch(/en[/\\]invoice_status\.hbs$/);
    expect(error.message).toContain('unknown field "voidReason"');
  });

  it('an unknown partial', async () => {
    const error = await loadError({ 'es/wrapper.html.hbs': '<p>{{> footer}}</p>' });
    expect(error.file).toMatch(/es[/\\]wrapper\.html\.hbs$/);
    expect(error.message).toContain('The partial footer could not be found');
  });

  it('HTML that turns escaping off', async () => {
    const error = await loadError({ 'en/wrapper.html.hbs': '<p>Hello</p>\n<p>{{{customer.name}}}</p>' });
    expect(error.message).toMatch(/wrapper\.html\.hbs: line 2 turns HTML escaping off/);
    await expect(loadTemplates({ overridesDir: overrides({ 'en/invoice_status.hbs': '{{& number}}' }) })).rejects.toThrow(/invoice_status\.hbs: line 1 turns HTML escaping off/);
  });

  it('an override with an unknown name or language, or a missing overrides folder', async () => {
    expect((await loadError({ 'en/invoice-copy.hbs': 'x' })).message).toMatch(/invoice-copy\.hbs: unknown template name; use one of subject\.hbs, /);
    expect((await loadError({ 'xx/subject.hbs': 'x' })).message).toMatch(/xx: not a template language; use one of en, fr, de, es, it, nl, pt/);
    await expect(loadTemplates({ overridesDir: join(tmpdir(), 'arbot-no-such-folder') })).rejects.toThrow(/the template overrides folder does not exist/);
  });

  it('a bundled folder with a file missing', async () => {
    const dir = overrides({ 'en/subject.hbs': 'x' });
    await expect(loadTemplates({ dir })).rejects.toThrow(/en[/\\]wrapper\.html\.hbs: missing: every language needs every template/);
  });
});

describe('overrides', () => {
  it('replace one bundled file and leave the rest', async () => {
    const templates = await loadTemplates({
      overridesDir: overrides({ 'en/subject.hbs': 'Your account {{customer.accountNumber}} at {{company.name}}\n', 'notes.txt': 'ignored' }),
    });
    const vm = await replyViewModel({ invoiceNumbers: ['INV-1001'] });
    const mine = templates.render(vm);
    const theirs = bundled.render(vm);
    expect(mine.subject).toBe('Your account 100-2231 at Northwind Supply Co.');
    expect(theirs.subject).not.toBe(mine.subject);
    expect(mine.html).toBe(theirs.html);
    expect(mine.text).toBe(theirs.text);
    expect(templates.render({ ...vm, language: 'fr' }).subject).toBe(bundled.render({ ...vm, language: 'fr' }).subject);
  });
});

describe('render', () => {
  it('escapes customer data in HTML, keeps it readable in text, and keeps header names on one line', async () => {
    const vm = await replyViewModel({ invoiceNumbers: ['INV-1001'], contact: { name: 'Eve <script>alert(1)</script>\nBcc: x@evil.example', email: 'e@x' } });
    const out = bundled.render({ ...vm, customer: { ...vm.customer, name: '<img src=x onerror=alert(1)> & Co' } });
    expect(out.html).not.toMatch(/<script|<img/);
    expect(out.html).toContain('Dear Eve &lt;script&gt;alert(1)&lt;/script&gt; Bcc: x@evil.example,');
    expect(out.html).toContain('(&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; Co)');
    expect(out.text).toContain('(<img src=x onerror=alert(1)> & Co)');
    expect(out.text.split('\n')[0]).toBe('Dear Eve <script>alert(1)</script> Bcc: x@evil.example,');
  });

  it('greets without a name when the contact has none, and answers "und" in English', async () => {
    const vm = await replyViewModel({ invoiceNumbers: ['INV-1001'], contact: { email: 'ap@acme.example' }, language: 'und' });
    const out = bundled.render(vm);
    expect(out.text.startsWith('Hello,\n')).toBe(true);
    expect(out.html).toContain('<html lang="en">');
  });

  it('says a paid copy is paid, a void copy is void, and shows what remains of a partly paid one', async () => {
    const out = bundled.render(await replyViewModel({ invoiceNumbers: ['INV-1006', 'INV-1007', 'INV-1003'] }));
    expect(out.text).toContain('Invoice INV-1006, issued August 12, 2026, amount $640.00. This invoice is paid in full.');
    expect(out.text).toContain('Invoice INV-1007, issued August 12, 2026, amount $90.00. This invoice is void; nothing is payable on it.');
    expect(out.text).toContain('Partially paid: $300.00 remains to be paid, due October 20, 2026 (31 days past due).');
    expect(out.html).toContain('This invoice is paid in full.');
    expect(out.html).toContain('This invoice is void; nothing is payable on it.');
  });

  it('says a settled account is settled, with no amount due', async () => {
    const out = bundled.render(await replyViewModel({ customerId: 'C2', intents: ['balance_statement'] }));
    expect(out.text).toContain('Your account is settled: nothing is outstanding.');
    expect(`${out.text}\n${out.html}`).not.toMatch(/please pay|amount due|balance|\$0\.00/i);
  });

  it('words a credit larger than what is open as a credit in the customer\'s favour', async () => {
    const out = bundled.render(await replyViewModel({ customerId: 'C3', intents: ['balance_statement'] }));
    expect(out.text).toContain('Credit in your favour: $300.00');
    expect(out.text).not.toMatch(/balance due|-\$300/i);
  });

  it('answers several intents in one reply, sections in the email\'s order, one greeting and one closing', async () => {
    const out = bundled.render(await replyViewModel({ intents: ['payment_status', 'balance_statement', 'invoice_copy'], invoiceNumbers: ['INV-1003'] }));
    const order = ['PAYMENT STATUS', 'STATEMENT OF ACCOUNT', 'INVOICE COPIES'].map((h) => out.text.indexOf(h));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(out.text.match(/Dear Jane Roe/g)).toHaveLength(1);
    expect(out.text.match(/Kind regards/g)).toHaveLength(1);
    expect(out.subject).toBe('Northwind Supply Co. – account 100-2231: payment status, statement of account, invoice copies');
  });

  it('names the template file when rendering fails', async () => {
    const vm = await replyViewModel({ invoiceNumbers: ['INV-1001'] });
    const [inv] = vm.invoices;
    if (!inv) throw new Error('fixture has no invoice');
    const broken = { ...vm, invoices: [{ ...inv, amount: { amount: 1, currency: 'US dollars' } }] };
    expect(() => bundled.render(broken)).toThrow(TemplateRenderError);
    expect(() => bundled.render(broken)).toThrow(/^template .*en[/\\]invoice_copy\.html\.hbs: Invalid currency code/);
    expect(() => bundled.render({ ...vm, intents: ['balance_statement'] })).toThrow(/asks for a statement \(balance_statement\) but has none/);
  });
});
