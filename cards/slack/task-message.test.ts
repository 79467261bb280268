import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import type { TaskCardView } from '../../bot/task-view.js';
import { taskViewFixture } from '../../test/fixtures/task-view.js';
import { checkMessageLimits, SLACK_LIMITS } from './limits.js';
import { parseTaskButtonValue, TASK_ACTION_IDS, TASK_BLOCK_IDS, taskButtonValue, taskMessage } from './task-message.js';

const TAB = 'https://arbot.example/tab?task=t1';

function block<T extends KnownBlock>(blocks: KnownBlock[], id: string): T {
  const found = blocks.find((b) => 'block_id' in b && b.block_id === id);
  if (found === undefined) throw new Error(`no block ${id}`);
  return found as T;
}

function sectionText(blocks: KnownBlock[], id: string): string {
  return block<SectionBlock>(blocks, id).text?.text ?? '';
}

function contextText(blocks: KnownBlock[], id: string): string {
  const el = block<ContextBlock>(blocks, id).elements[0];
  return el && 'text' in el ? el.text : '';
}

function buttons(blocks: KnownBlock[]): Button[] {
  return blocks.filter((b): b is ActionsBlock => b.type === 'actions').flatMap((b) => b.elements as Button[]);
}

/** Every piece of text in the message, for "nowhere does it say…" assertions. */
function allText(message: { text: string; blocks: KnownBlock[] }): string {
  return JSON.stringify(message);
}

describe('taskMessage', () => {
  it('shows sender, customer, intents with confidence, evidence, reasons, draft and due time', () => {
    const view = taskViewFixture({
      assignee: { userId: 'u1', displayName: 'Ana Lima', slackUserId: 'U0ANA' },
      attachments: ['scan.pdf'],
      intents: [
        { intent: 'invoice_copy', label: 'Invoice copy', confidence: 0.93 },
        { intent: 'dispute', label: 'Dispute' },
      ],
    });
    const { text, blocks } = taskMessage(view, { tabUrl: TAB });

    expect(block<HeaderBlock>(blocks, TASK_BLOCK_IDS.header).text.text).toBe(view.subject);
    const facts = block<SectionBlock>(blocks, TASK_BLOCK_IDS.facts).fields?.map((f) => f.text).join('\n') ?? '';
    expect(facts).toContain('Jane Roe <mailto:jane.roe@acme-industrial.example|jane.roe@acme-industrial.example>');
    expect(facts).toContain('Acme Industrial LLC (100-2231 · C1)');
    expect(sectionText(blocks, TASK_BLOCK_IDS.intents)).toBe('*Intents*\n• Invoice copy (93% confident)\n• Dispute');
    expect(sectionText(blocks, TASK_BLOCK_IDS.data)).toContain(':white_check_mark: *INV-204518* — "204518" → INV-204518 of C1 (same number without its prefix)');
    expect(sectionText(blocks, TASK_BLOCK_IDS.reasons)).toContain('jane.roe@acme-industrial.example is not a known contact of C1');
    expect(sectionText(blocks, TASK_BLOCK_IDS.email)).toBe('*Email*\n>Hello, could you send a copy of invoice 204518? Thanks, Jane');
    expect(contextText(blocks, TASK_BLOCK_IDS.emailAttachments)).toBe(':paperclip: scan.pdf');
    const draft = sectionText(blocks, TASK_BLOCK_IDS.draft);
    expect(draft).toContain('*Subject:* RE: Copy of INV-204518 please');
    expect(draft).toContain('*To:* Jane Roe &lt;jane.roe@acme-industrial.example&gt;');
    expect(draft).toContain('>please find invoice INV-204518 attached.');
    expect(contextText(blocks, TASK_BLOCK_IDS.draftAttachments)).toBe(':paperclip: INV-204518.pdf');

    const status = contextText(blocks, TASK_BLOCK_IDS.status);
    const dueEpoch = Date.parse('2026-11-20T13:00:00.000Z') / 1000;
    expect(status).toContain(`Due <!date^${dueEpoch}^{date_short_pretty} {time}|2026-11-20 13:00 UTC>`);
    expect(status).toContain('Team Collections');
    expect(status).toContain('Assigned to <@U0ANA>');
    expect(text).toContain('assigned to <@U0ANA>');
    expect(checkMessageLimits({ text, blocks })).toEqual([]);
  });

  it('names an assignee without a Slack id (or with a malformed one) instead of mentioning them', () => {
    const plainName = taskMessage(taskViewFixture({ assignee: { userId: 'u2', displayName: 'Bo <Admin>' } }));
    expect(contextText(plainName.blocks, TASK_BLOCK_IDS.status)).toContain('Assigned to Bo &lt;Admin&gt;');
    expect(plainName.text).not.toContain('<@');
    const injected = taskMessage(taskViewFixture({ assignee: { userId: 'u3', displayName: 'Cy', slackUserId: 'U1>|<!channel' } }));
    expect(contextText(injected.blocks, TASK_BLOCK_IDS.status)).toContain('Assigned to Cy');
    expect(allText(injected)).not.toContain('<!channel');
    expect(contextText(taskMessage(taskViewFixture()).blocks, TASK_BLOCK_IDS.status)).toContain('Unassigned');
  });

  it('marks overdue and high-priority tasks', () => {
    const { text, blocks } = taskMessage(taskViewFixture({ overdue: true, priority: 'high' }));
    const status = contextText(blocks, TASK_BLOCK_IDS.status);
    expect(status).toContain(':rotating_light: High priority');
    expect(status).toContain(':warning: *Overdue*, was due <!date^');
    expect(text.startsWith('Overdue task:')).toBe(true);
  });

  it('escapes what the email says so it cannot ping the channel or fake links', () => {
    const view = taskViewFixture({
      subject: '<!channel> pay now',
      excerpt: 'Hi <!here> & <@U999> see <http://evil.example|your bank>',
      from: { name: 'Mallory <m@x.example>', address: 'm@x.example' },
    });
    const message = taskMessage(view);
    // Everything but the header, which is plain text (Slack never reads markup there).
    const json = allText({ text: message.text, blocks: message.blocks.filter((b) => b.type !== 'header') });
    expect(json).not.toMatch(/<!channel>|<!here>|<@U999>|<http:\/\/evil/);
    expect(sectionText(message.blocks, TASK_BLOCK_IDS.email)).toContain('Hi &lt;!here&gt; &amp; &lt;@U999&gt;');
    // The header is plain text: shown as typed, nothing to escape.
    expect(block<HeaderBlock>(message.blocks, TASK_BLOCK_IDS.header).text.text).toBe('<!channel> pay now');
    expect(message.text).toContain('&lt;!channel&gt; pay now');
  });

  it('shows a notice as plain text under the status', () => {
    const { blocks } = taskMessage(taskViewFixture(), { notice: 'Claimed by <Ana>' });
    expect(contextText(blocks, TASK_BLOCK_IDS.notice)).toBe(':information_source: Claimed by &lt;Ana&gt;');
    expect(blocks.findIndex((b) => b.block_id === TASK_BLOCK_IDS.notice)).toBe(2);
  });

  describe('buttons', () => {
    it('follows view.actions, the same for everyone; edit opens three forms', () => {
      const view = taskViewFixture();
      const ids = buttons(taskMessage(view).blocks).map((b) => b.action_id);
      expect(ids).toEqual([
        TASK_ACTION_IDS.claim,
        TASK_ACTION_IDS.unclaim,
        TASK_ACTION_IDS.approve,
        TASK_ACTION_IDS.close,
        TASK_ACTION_IDS.reprocess,
        TASK_ACTION_IDS.intents,
        TASK_ACTION_IDS.fix,
        TASK_ACTION_IDS.edit,
        TASK_ACTION_IDS.reassign,
        TASK_ACTION_IDS.note,
      ]);
      const sent = buttons(taskMessage(taskViewFixture({ status: 'sent', actions: ['note'] })).blocks).map((b) => b.action_id);
      expect(sent).toEqual([TASK_ACTION_IDS.note]);
      const closed = buttons(taskMessage(taskViewFixture({ status: 'closed_no_reply', actions: ['reopen', 'note'] })).blocks).map((b) => b.action_id);
      expect(closed).toEqual([TASK_ACTION_IDS.reopen, TASK_ACTION_IDS.note]);
      expect(taskMessage(taskViewFixture({ actions: [] })).blocks.some((b) => b.type === 'actions')).toBe(false);
    });

    it('carries {taskId, version} in every value, parsed back', () => {
      const view = taskViewFixture({ taskId: 'task-42', version: 7 });
      for (const b of buttons(taskMessage(view).blocks)) {
        expect(parseTaskButtonValue(b.value)).toEqual({ taskId: 'task-42', version: 7 });
        expect((b.value ?? '').length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
      }
      expect(JSON.parse(taskButtonValue(view))).toEqual({ taskId: 'task-42', version: 7 });
      expect(parseTaskButtonValue('not json')).toBeNull();
      expect(parseTaskButtonValue('{"taskId":"t"}')).toBeNull();
      expect(parseTaskButtonValue('{"taskId":"","version":1}')).toBeNull();
      expect(parseTaskButtonValue(undefined)).toBeNull();
    });

    it('asks before approving (naming the subject and recipients) and before closing', () => {
      const all = buttons(taskMessage(taskViewFixture()).blocks);
      const approve = all.find((b) => b.action_id === TASK_ACTION_IDS.approve);
      expect(approve?.style).toBe('primary');
      expect(approve?.confirm?.text.text).toBe('"RE: Copy of INV-204518 please" goes to Jane Roe <jane.roe@acme-industrial.example> with 1 attachment.');
      const close = all.find((b) => b.action_id === TASK_ACTION_IDS.close);
      expect(close?.confirm?.style).toBe('danger');
      expect(close?.confirm?.title?.text).toBe('Close without reply?');
      expect(all.filter((b) => b.confirm !== undefined).map((b) => b.action_id)).toEqual([TASK_ACTION_IDS.approve, TASK_ACTION_IDS.close]);
    });

    it('adds an "Open in arbot" link when the tab has a URL', () => {
      const open = buttons(taskMessage(taskViewFixture(), { tabUrl: TAB }).blocks).find((b) => b.action_id === TASK_ACTION_IDS.open);
      expect(open?.url).toBe(TAB);
      expect(open?.value).toBeUndefined();
      expect(buttons(taskMessage(taskViewFixture()).blocks).some((b) => b.action_id === TASK_ACTION_IDS.open)).toBe(false);
    });
  });

  describe('limits', () => {
    function hugeView(): TaskCardView {
      const words = 'Please find our remittance & statement <attached> for the quarter. '.repeat(2000);
      return taskViewFixture({
        subject: `URGENT ${'very long subject '.repeat(40)}`,
        excerpt: words,
        from: { name: 'N'.repeat(3000), address: `${'a'.repeat(200)}@example.com` },
        customer: { sorId: 'C'.repeat(2500), name: 'Acme '.repeat(500), accountNumber: '1'.repeat(300) },
        intents: Array.from({ length: 30 }, (_, i) => ({ intent: `intent_${i}`, label: `Intent ${i} ${'x'.repeat(150)}`, confidence: 0.5 })),
        invoices: Array.from({ length: 40 }, (_, i) => ({
          number: `INV-${300000 + i}`,
          found: i % 3 !== 0,
          evidence: `"${300000 + i}" → INV-${300000 + i} of C1 (same number without its prefix; amount and date agree with the remittance line)`,
        })),
        reasons: Array.from({ length: 60 }, (_, i) => ({ code: `r${i}`, message: `Reason ${i}: ${'the sender is not a known contact and the amount differs '.repeat(3)}` })),
        attachments: Array.from({ length: 200 }, (_, i) => `remittance-advice-${i}-${'z'.repeat(40)}.pdf`),
        draft: {
          version: 3,
          subject: 'RE: '.repeat(300),
          to: Array.from({ length: 50 }, (_, i) => `Person ${i} <p${i}@acme.example>`),
          cc: Array.from({ length: 50 }, (_, i) => `cc${i}@acme.example`),
          bodyPreview: 'Dear customer,\n\n'.repeat(400),
          attachments: Array.from({ length: 40 }, (_, i) => `INV-${300000 + i}.pdf`),
        },
        team: { id: 't', name: 'T'.repeat(500) },
        closeReason: 'duplicate '.repeat(400),
        notes: 12,
      });
    }

    it('keeps a huge email with 40 invoices within every Block Kit limit', () => {
      const message = taskMessage(hugeView(), { tabUrl: TAB, notice: 'n'.repeat(5000) });
      expect(checkMessageLimits(message)).toEqual([]);
      expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
      for (const b of message.blocks) {
        if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      }
    });

    it('cuts long text with a link to the full email in arbot', () => {
      const { blocks } = taskMessage(hugeView(), { tabUrl: TAB });
      const email = sectionText(blocks, TASK_BLOCK_IDS.email);
      expect(email.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect(email.endsWith(`… (full email in arbot: <${TAB}|open>)`)).toBe(true);
      // Cut between whole entities: no "&am" or "&lt" left dangling before the ellipsis.
      expect(email).not.toMatch(/&[a-z]{0,3}…/);
      expect(sectionText(blocks, TASK_BLOCK_IDS.draft)).toMatch(/… \(full draft in arbot: <https:\/\/arbot\.example\/tab\?task=t1\|open>\)$/);
      const data = sectionText(blocks, TASK_BLOCK_IDS.data);
      expect(data.startsWith('*Invoices* (40)\n')).toBe(true);
      const shown = data.split('\n').filter((l) => /^:(white_check_mark|warning):/.test(l)).length;
      expect(data.endsWith(`_…and ${40 - shown} more_ (all data in arbot: <${TAB}|open>)`)).toBe(true);
    });

    it('lists as many invoices as fit, then says how many more', () => {
      const invoices = Array.from({ length: 40 }, (_, i) => ({ number: `INV-${i}`, found: true, evidence: 'e'.repeat(150) }));
      const data = sectionText(taskMessage(taskViewFixture({ invoices }), { tabUrl: TAB }).blocks, TASK_BLOCK_IDS.data);
      expect(data.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      const shown = data.split('\n').filter((l) => l.startsWith(':white_check_mark:')).length;
      expect(shown).toBeGreaterThan(10);
      expect(data).toContain(`_…and ${40 - shown} more_ (all data in arbot: <${TAB}|open>)`);
    });

    it('cuts without a link when there is no tab URL', () => {
      const email = sectionText(taskMessage(hugeView()).blocks, TASK_BLOCK_IDS.email);
      expect(email.endsWith('…')).toBe(true);
      expect(email.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    });

    it('never leaves a header or section empty', () => {
      const { blocks } = taskMessage(taskViewFixture({ subject: '   ', excerpt: '', intents: [], invoices: [], reasons: [], draft: undefined }));
      expect(block<HeaderBlock>(blocks, TASK_BLOCK_IDS.header).text.text).toBe('(no subject)');
      expect(sectionText(blocks, TASK_BLOCK_IDS.intents)).toBe('*Intents*\n_None identified_');
      expect(sectionText(blocks, TASK_BLOCK_IDS.data)).toBe('*Invoices*\n_No invoice numbers found_');
      expect(blocks.some((b) => b.block_id === TASK_BLOCK_IDS.reasons)).toBe(false);
      expect(contextText(blocks, TASK_BLOCK_IDS.draft)).toContain('No draft reply yet');
      expect(checkMessageLimits(taskMessage(taskViewFixture({ subject: '' })))).toEqual([]);
    });
  });
});
