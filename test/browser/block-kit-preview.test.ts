import { describe, expect, it } from 'vitest';
import { blockKitPreviewPage, mrkdwnHtml, renderBlocks, UNSUPPORTED_MARKER } from './block-kit-preview.js';

const options = { appName: 'arbot', time: '1:52 PM', users: { U0ANA: 'Ana Lima' }, timeZone: 'America/Chicago' };

describe('mrkdwnHtml', () => {
  it('draws bold, italic, strike, code and line breaks, leaving markers inside words alone', () => {
    expect(mrkdwnHtml('*Invoices* (2)\n_none yet_ ~old~ `LS-1`')).toBe('<b>Invoices</b> (2)<br><i>none yet</i> <s>old</s> <code class="bk-code">LS-1</code>');
    expect(mrkdwnHtml('jane_roe_x@acme.example 2*3*4')).toBe('jane_roe_x@acme.example 2*3*4');
    expect(mrkdwnHtml('`*not bold*`')).toBe('<code class="bk-code">*not bold*</code>');
  });

  it('draws links, mentions, channels and special mentions from <…> tokens', () => {
    expect(mrkdwnHtml('<mailto:jane@acme.example|jane@acme.example>')).toBe('<a class="bk-link" href="mailto:jane@acme.example">jane@acme.example</a>');
    expect(mrkdwnHtml('<https://x.example/a?b=1&amp;c=2>')).toBe('<a class="bk-link" href="https://x.example/a?b=1&amp;c=2">https://x.example/a?b=1&amp;c=2</a>');
    expect(mrkdwnHtml('*<https://x.example|open>*')).toBe('<b><a class="bk-link" href="https://x.example">open</a></b>');
    expect(mrkdwnHtml('Assigned to <@U0ANA>, cc <@U0BO> <#C1|ar-desk> <!here>', options)).toBe(
      'Assigned to <span class="bk-mention">@Ana Lima</span>, cc <span class="bk-mention">@U0BO</span> <span class="bk-mention">#ar-desk</span> <span class="bk-mention">@here</span>',
    );
  });

  it('shows escaped text as text: entities decoded once, never as markup', () => {
    expect(mrkdwnHtml('Tanya &lt;t@x.example&gt; &amp; co <script>')).toBe('Tanya &lt;t@x.example&gt; &amp; co <a class="bk-link" href="script">script</a>');
    expect(mrkdwnHtml('&lt;b&gt;hi&lt;/b&gt;')).toBe('&lt;b&gt;hi&lt;/b&gt;');
  });

  it('prints date tokens in the given zone, and the fallback for a format it does not know', () => {
    const at = Date.UTC(2026, 10, 20, 19, 47) / 1000;
    expect(mrkdwnHtml(`<!date^${at}^{date_short_pretty} {time}|2026-11-20 19:47 UTC>`, options)).toBe('<span class="bk-date">Nov 20, 2026 1:47 PM</span>');
    expect(mrkdwnHtml(`<!date^${at}^{date_long}|x>`, { timeZone: 'UTC' })).toBe('<span class="bk-date">Friday, November 20th, 2026</span>');
    expect(mrkdwnHtml(`<!date^${at}^{ago}|2026-11-20 19:47 UTC>`)).toBe('<span class="bk-date">2026-11-20 19:47 UTC</span>');
  });

  it('quotes lines that start with ">" and draws known emoji, leaving unknown shortcodes as text', () => {
    expect(mrkdwnHtml('*Email*\n>Hello\n>&gt; quoted\nafter')).toBe('<b>Email</b><blockquote class="bk-quote">Hello<br>&gt; quoted</blockquote>after');
    expect(mrkdwnHtml(':white_check_mark: ok :made_up:')).toBe('<span class="bk-emoji" title=":white_check_mark:" style="background:#2eb67d">✔</span> ok :made_up:');
  });
});

describe('renderBlocks', () => {
  it('draws header, section with fields and accessory, context, divider, image and actions with styled and link buttons', () => {
    const html = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Copy of LS-30413' } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*From*\nGrace' }], accessory: { type: 'button', text: { type: 'plain_text', text: 'Open' }, url: 'https://x.example' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: ':paperclip: a.pdf' }, { type: 'image', image_url: 'https://x.example/i.png', alt_text: 'logo' }] },
        { type: 'divider' },
        { type: 'image', image_url: 'https://x.example/chart.png', alt_text: 'chart' },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Approve & send' }, style: 'primary' },
            { type: 'button', text: { type: 'plain_text', text: 'Delete' }, style: 'danger' },
            { type: 'static_select', placeholder: { type: 'plain_text', text: 'Pick one' } },
          ],
        },
      ],
      options,
    );
    expect(html).not.toContain(UNSUPPORTED_MARKER);
    expect(html).toContain('<div class="bk-header">Copy of LS-30413</div>');
    expect(html).toContain('<div class="bk-field"><b>From</b><br>Grace</div>');
    expect(html).toContain('<a class="bk-button" role="button" href="https://x.example">Open</a>');
    expect(html).toContain('title=":paperclip:"');
    expect(html).toContain('<img class="bk-context-image" src="https://x.example/i.png" alt="logo">');
    expect(html).toContain('<hr class="bk-divider">');
    expect(html).toContain('<img src="https://x.example/chart.png" alt="chart">');
    expect(html).toContain('<button type="button" class="bk-button bk-button-primary">Approve &amp; send</button>');
    expect(html).toContain('<button type="button" class="bk-button bk-button-danger">Delete</button>');
    expect(html).toContain('Pick one');
  });

  it('marks unknown blocks, elements and text objects visibly', () => {
    const html = renderBlocks(
      [
        { type: 'rich_text', elements: [] },
        { type: 'actions', elements: [{ type: 'datepicker' }] },
        { type: 'section', text: { type: 'html', text: '<b>x</b>' } },
      ],
      options,
    );
    expect(html).toContain(`${UNSUPPORTED_MARKER} block: rich_text]`);
    expect(html).toContain(`${UNSUPPORTED_MARKER} element: datepicker]`);
    expect(html).toContain(`${UNSUPPORTED_MARKER} text: html]`);
    expect(html).not.toContain('<b>x</b>');
  });
});

describe('blockKitPreviewPage', () => {
  it('puts the blocks in a message row with the app initial, name, APP badge and time, escaping the name', () => {
    const page = blockKitPreviewPage({ text: 'fallback', blocks: [{ type: 'divider' }] }, { ...options, appName: 'a<b' });
    expect(page).toContain('<div class="avatar" aria-hidden="true">A</div>');
    expect(page).toContain('<span class="name">a&lt;b</span><span class="app-badge">APP</span><span class="time">1:52 PM</span>');
    expect(page).toContain('<hr class="bk-divider">');
  });

  it('shows the fallback text of a message without blocks', () => {
    expect(blockKitPreviewPage({ text: '*Task*: new', blocks: [] }, options)).toContain('<b>Task</b>: new');
  });
});
