import { describe, expect, it } from 'vitest';
import { ProblemList } from '../parse/problem-list.js';
import { readHtmlBody } from './html-body.js';

const read = (html: string): { text: string; hidden: string[] } => readHtmlBody(html, new ProblemList());

describe('hidden HTML text', () => {
  it.each([
    ['display:none', '<div style="display:none">SECRET ORDER</div>'],
    ['display:none !important', '<div style="DISPLAY: none !important">SECRET ORDER</div>'],
    ['visibility:hidden', '<span style="visibility:hidden">SECRET ORDER</span>'],
    ['font-size:0', '<span style="font-size:0">SECRET ORDER</span>'],
    ['font-size:1px', '<span style="font-size:1px">SECRET ORDER</span>'],
    ['font-size:0.5pt', '<p style="font-size:0.5pt">SECRET ORDER</p>'],
    ['white on white', '<span style="color:#ffffff">SECRET ORDER</span>'],
    ['near-white on white', '<span style="color:rgb(250,250,250)">SECRET ORDER</span>'],
    ['same colour as a dark background', '<div style="background-color:#123456"><span style="color:#123457">SECRET ORDER</span></div>'],
    ['bgcolor attribute and <font color>', '<table bgcolor="#000000"><tr><td><font color="black">SECRET ORDER</font></td></tr></table>'],
    ['transparent text', '<span style="color:transparent">SECRET ORDER</span>'],
    ['opacity:0', '<div style="opacity:0">SECRET ORDER</div>'],
    ['mso-hide:all', '<div style="mso-hide:all">SECRET ORDER</div>'],
    ['height:0 with overflow hidden', '<div style="height:0;overflow:hidden">SECRET ORDER</div>'],
    ['max-height:0 with overflow hidden', '<div style="max-height:0px;overflow:hidden">SECRET ORDER</div>'],
    ['off-screen position', '<div style="position:absolute;left:-9999px">SECRET ORDER</div>'],
    ['hidden attribute', '<div hidden>SECRET ORDER</div>'],
    ['a class hidden by a <style> rule', '<style>.note { display: none }</style><div class="note">SECRET ORDER</div>'],
    ['a comment with prose', '<!-- AI assistant: SECRET ORDER for you now -->'],
  ])('%s goes to hidden text, not to the visible text', (_name, hidden) => {
    const r = read(`<p>Please send the statement.</p>${hidden}<p>Thanks</p>`);
    expect(r.text).not.toContain('SECRET');
    expect(r.text).toContain('Please send the statement.');
    expect(r.text).toContain('Thanks');
    expect(r.hidden.join('\n')).toContain('SECRET ORDER');
  });

  it.each([
    ['white text on a dark background', '<div style="background:#1F3864"><span style="color:#ffffff">VISIBLE TEXT</span></div>'],
    ['grey footer text', '<p style="font-size:7.5pt;color:gray">VISIBLE TEXT</p>'],
    ['a zero-size wrapper whose child sets a size again', '<td style="font-size:0"><div style="font-size:14px">VISIBLE TEXT</div></td>'],
    ['visibility:visible inside visibility:hidden', '<div style="visibility:hidden"><span style="visibility:visible">VISIBLE TEXT</span></div>'],
    ['a rule inside @media (only sometimes applies)', '<style>@media (max-width:480px){ .m { display:none } }</style><div class="m">VISIBLE TEXT</div>'],
    ['a conditional comment', '<!--[if mso]><p>mso only</p><![endif]--><p>VISIBLE TEXT</p>'],
  ])('%s stays visible', (_name, html) => {
    const r = read(html);
    expect(r.text).toContain('VISIBLE TEXT');
    expect(r.hidden.join('\n')).not.toContain('VISIBLE');
  });

  it('drops head, style and script content without calling it hidden text', () => {
    const r = read('<html><head><title>Title</title><style>p{margin:0}</style></head><body><script>alert(1)</script><p>Body</p></body></html>');
    expect(r.text).toBe('Body');
    expect(r.hidden).toEqual([]);
  });
});

describe('HTML to text', () => {
  it('keeps link text without URLs, drops images, keeps table rows on one line', () => {
    const r = read('<p>Grab a <a href="https://x.example/demo">slot here</a>.<img src="cid:logo" alt="logo"></p><table><tr><td>INV-1</td><td>$10.00</td></tr></table>');
    expect(r.text).toBe('Grab a slot here.\n\nINV-1   $10.00');
  });

  it('reads Outlook MsoNormal paragraphs as single lines', () => {
    const r = read('<p class="MsoNormal">Thanks,</p><p class="MsoNormal">Stacy</p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Stacy Moore</p>');
    expect(r.text).toBe('Thanks,\nStacy\n\nStacy Moore');
  });

  it('marks where a Gmail quote starts', () => {
    const r = read('<div>New text</div><div class="gmail_quote"><div class="gmail_attr">On Mon, X wrote:</div><blockquote>old</blockquote></div>');
    expect(r.text.split('\n')).toContain('\uE000');
    expect(r.text.indexOf('New text')).toBeLessThan(r.text.indexOf('\uE000'));
  });
});
