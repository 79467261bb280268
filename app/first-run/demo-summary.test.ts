import { describe, expect, it } from 'vitest';
import { formatDemoSummary, tallyDemo } from './demo-summary.js';
import { createProgress } from './progress.js';

describe('demo summary', () => {
  const results = [
    { file: '001.eml', action: 'auto_replied' as const, intents: ['invoice_copy' as const] },
    { file: '002.eml', action: 'task' as const, intents: ['dispute' as const, 'invoice_copy' as const] },
    { file: '003.eml', action: 'no_action' as const, intents: ['auto_reply' as const] },
  ];

  it('counts each email once in the totals and under each of its intents', () => {
    expect(tallyDemo(results, 1)).toEqual({
      processed: 3,
      autoReplied: 1,
      tasks: 1,
      noAction: 1,
      outboxFiles: 1,
      perIntent: {
        invoice_copy: { emails: 2, autoReplied: 1, tasks: 1, noAction: 0 },
        dispute: { emails: 1, autoReplied: 0, tasks: 1, noAction: 0 },
        auto_reply: { emails: 1, autoReplied: 0, tasks: 0, noAction: 1 },
      },
    });
  });

  it('prints the totals and one row per intent in taxonomy order, and says so when fewer replies were written', () => {
    const text = formatDemoSummary(tallyDemo(results, 0), { outboxDir: './outbox', analysts: ['Theo Marsh', 'Ines Alvarez'] });
    expect(text).toContain('  Emails processed     3\n');
    expect(text).toContain('(0 of 1 replies written to ./outbox as .eml files; see the log for the rest)');
    expect(text).toContain('assigned round-robin to Theo Marsh and Ines Alvarez');
    const rows = text.split('\n').filter((l) => /^ {2}[a-z_]+\s+\d/.test(l)).map((l) => l.trim().split(/\s+/));
    expect(rows).toEqual([
      ['invoice_copy', '2', '1', '1', '0'],
      ['dispute', '1', '0', '1', '0'],
      ['auto_reply', '1', '0', '0', '1'],
    ]);
  });
});

describe('progress', () => {
  it('writes plain lines when the stream is not a terminal', () => {
    let text = '';
    const p = createProgress({ write: (t: string) => (text += t) }, 2, 'demo inbox');
    p.tick('001.eml', 'auto-reply');
    p.tick('002.eml', 'review task');
    p.stop();
    expect(text).toBe('demo inbox: 2 emails\ndemo inbox: 1/2 001.eml → auto-reply\ndemo inbox: 2/2 002.eml → review task\n');
  });

  it('draws a bar on a terminal', () => {
    let text = '';
    const p = createProgress({ write: (t: string) => (text += t), isTTY: true }, 2, 'demo inbox');
    p.tick('001.eml', 'auto-reply');
    p.stop();
    expect(text).toContain('demo inbox [');
    expect(text).toContain('1/2');
  });
});

describe('next steps', () => {
  it('shows the dashboard at the public URL when there is one, else where this machine reaches it', async () => {
    const { nextSteps } = await import('./next-steps.js');
    const { configFixture } = await import('../config/config.fixture.js');
    expect(nextSteps({ config: configFixture(), serverUrl: 'http://0.0.0.0:3978', tabBuilt: true })).toContain('Dashboard:  http://127.0.0.1:3978/tab\n');
    const text = nextSteps({ config: configFixture({ server: { publicUrl: 'https://arbot.example.com/' } }), serverUrl: 'http://0.0.0.0:3978', tabBuilt: false });
    expect(text).toContain('Dashboard:  https://arbot.example.com/tab is not built in this checkout');
    expect(text).toContain('`arbot doctor`');
  });
});
