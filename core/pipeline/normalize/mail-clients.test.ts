// Replies and forwards as common mail clients write them, in HTML and plain text.
import { describe, expect, it } from 'vitest';
import { mimeMessage, type MimeOptions } from '../../../test/fixtures/mime.js';
import { parseAndNormalize } from '../parse/index.js';

const normalize = async (o: MimeOptions) => (await parseAndNormalize(mimeMessage(o))).normalized;

describe('mail client formats', () => {
  it('Outlook on the web reply (appendonsend / divRplyFwdMsg)', async () => {
    const n = await normalize({
      subject: 'RE: Statement',
      html: '<div>Please also send INV-204518.</div><div>Thanks,<br>Jane</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> AR &lt;ar@northwind.example&gt;<br><b>Sent:</b> Monday, November 2, 2026 3:44 PM<br><b>To:</b> Jane<br><b>Subject:</b> Statement</div><div>Your statement is attached.</div>',
    });
    expect(n.newText).toBe('Please also send INV-204518.');
    expect(n.signature).toBe('Thanks,\nJane');
    expect(n.quotedText).toContain('Your statement is attached.');
    expect(n.forwardedText).toBeUndefined();
  });

  it('Outlook on the web forward', async () => {
    const n = await normalize({
      subject: 'FW: ACH confirmation',
      html: '<div>Which invoices did this pay?</div><div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Bank &lt;alerts@bank.example&gt;<br><b>Sent:</b> Monday<br><b>To:</b> Jane<br><b>Subject:</b> ACH</div><div>Amount: $23,938.89 SETTLED</div>',
    });
    expect(n.newText).toBe('Which invoices did this pay?');
    expect(n.forwardedText).toContain('Amount: $23,938.89 SETTLED');
    expect(n.quotedText).toBe('');
  });

  it('Apple Mail reply (<blockquote type="cite">), a thanks-only note', async () => {
    const n = await normalize({
      subject: 'Re: Invoice',
      html: '<div>Thanks, received.</div><div><br><div>On Nov 10, 2026, at 2:15 PM, AR &lt;ar@northwind.example&gt; wrote:</div><blockquote type="cite"><div>Attached is INV-1.</div></blockquote></div>',
    });
    expect(n.newText).toBe('Thanks, received.');
    expect(n.signature).toBeUndefined();
    expect(n.quotedText).toContain('Attached is INV-1.');
  });

  it('Outlook desktop reply in German (header block in a bordered div)', async () => {
    const n = await normalize({
      subject: 'AW: Kontoauszug',
      html: "<p class=MsoNormal>Danke, erhalten.</p><p class=MsoNormal>&nbsp;</p><div style='border:none;border-top:solid #E1E1E1 1.0pt'><p class=MsoNormal><b>Von:</b> AR &lt;ar@northwind.example&gt;<br><b>Gesendet:</b> Montag, 2. November 2026 15:44<br><b>An:</b> Katrin<br><b>Betreff:</b> Kontoauszug</p></div><p class=MsoNormal>Anbei der Kontoauszug.</p>",
    });
    expect(n.newText).toBe('Danke, erhalten.');
    expect(n.language).toBe('de');
    expect(n.quotedText).toContain('Anbei der Kontoauszug.');
  });

  it('Thunderbird plain-text forward', async () => {
    const n = await normalize({
      subject: 'Fwd: Remittance',
      text: 'Please apply this payment.\n\n-------- Forwarded Message --------\nSubject: Remittance\nDate: Mon, 9 Nov 2026 10:00:00 +0100\nFrom: Payments <pay@acme.example>\nTo: jane@acme.example\n\nINV-204518 1,000.00\n',
    });
    expect(n.newText).toBe('Please apply this payment.');
    expect(n.forwardedText).toContain('INV-204518 1,000.00');
  });

  it('a plain-text answer written below the quote', async () => {
    const n = await normalize({
      subject: 'Re: amount',
      text: 'On Mon, Nov 2, 2026 at 9:00 AM AR <ar@northwind.example> wrote:\n> Can you confirm the amount?\n\nYes, $100.00 for INV-204518.\n\n-- \nJane',
    });
    expect(n.newText).toBe('Yes, $100.00 for INV-204518.');
    expect(n.quotedText).toContain('Can you confirm the amount?');
    expect(n.signature).toBe('--\nJane');
  });
});
