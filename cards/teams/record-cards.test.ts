import { describe, expect, it } from 'vitest';
import { customerView, invoiceView, mergePreview } from '../../test/fixtures/record-views.js';
import { TEAMS_MESSAGE_MAX_BYTES, validateAdaptiveCard } from '../../test/support/adaptivecards-node.js';
import { cardNodes as nodes } from '../../test/support/teams-card-reader.js';
import { cardBytes } from './adaptive-card.js';
import { customerRecordCard, invoiceRecordCard, mergePreviewCard, RECORD_INPUTS, RECORD_VERBS, statementCard, timelineCard } from './record-cards.js';

const executes = (card: unknown) => nodes(card).filter((n) => n.type === 'Action.Execute');

const preview = mergePreview();

describe('record cards (Teams)', () => {
  it('renders the customer record as a valid card under the size limit, with the analyst actions only', () => {
    const card = customerRecordCard(customerView());
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(TEAMS_MESSAGE_MAX_BYTES);
    const json = JSON.stringify(card);
    expect(json).toMatch(/USD.4,500\.00/);
    expect(json).toContain('Contacts (managed in the SoR)');
    expect(json).toContain('and 30 more');
    expect(json).not.toContain(RECORD_VERBS.archive);
  });

  it('adds Archive and Merge for managers (still a valid card: six buttons at most), and no actions on a merged-away record', () => {
    const manager = customerRecordCard(customerView(), { canManage: true });
    expect(validateAdaptiveCard(manager)).toEqual([]);
    expect(executes(manager).map((a) => a.verb)).toEqual(expect.arrayContaining([RECORD_VERBS.mergePreview, RECORD_VERBS.archive, RECORD_VERBS.timeline]));
    const merged = customerRecordCard(customerView({ mergedInto: { sorId: 'C1', name: 'Acme', at: '2026-11-20T00:00:00.000Z' } }));
    expect(merged.actions).toBeUndefined();
    expect(executes(merged)).toEqual([]);
    expect(validateAdaptiveCard(merged)).toEqual([]);
  });

  it('puts a notice on top, and the request id on the send buttons only', () => {
    const card = customerRecordCard(customerView(), { notice: { text: 'Not sent: x@evil.example is not a contact.', tone: 'refused' }, requestId: 'r-1' });
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Not sent: x@evil.example is not a contact.', color: 'Attention' });
    const byVerb = Object.fromEntries(executes(card).map((a) => [a.verb, a.data]));
    expect(byVerb[RECORD_VERBS.sendStatement]).toEqual({ sorId: 'C1', requestId: 'r-1' });
    expect(byVerb[RECORD_VERBS.sendInvoices]).toEqual({ sorId: 'C1', requestId: 'r-1' });
    expect(byVerb[RECORD_VERBS.note]).toEqual({ sorId: 'C1' });
    const inputs = nodes(card).filter((n) => typeof n.type === 'string' && (n.type as string).startsWith('Input.')).map((n) => n.id);
    expect(inputs).toEqual([RECORD_INPUTS.statementTo, RECORD_INPUTS.invoiceNumbers, RECORD_INPUTS.invoicesTo, RECORD_INPUTS.note]);
    const done = invoiceRecordCard(invoiceView(), { notice: { text: 'Copy queued to jane@acme.example.', tone: 'done' }, requestId: 'r-2' });
    expect(validateAdaptiveCard(done)).toEqual([]);
    expect(done.body[0]).toMatchObject({ text: 'Copy queued to jane@acme.example.', color: 'Good' });
    expect(executes(done).find((a) => a.verb === RECORD_VERBS.invoiceCopy)?.data).toEqual({ number: 'INV-70009', sorId: 'C1', requestId: 'r-2' });
  });

  it('hands the statement over as a link to the tab when there is one, and says where to get it otherwise', () => {
    const linked = statementCard({ sorId: 'C1', customerName: 'Acme', filename: 'statement-C1.pdf', asOf: '2026-11-20', url: 'https://arbot.example/tab/customers/C1?statement=1' });
    const unlinked = statementCard({ sorId: 'C1', customerName: 'Acme', filename: 'statement-C1.pdf', asOf: '2026-11-20' });
    for (const card of [linked, unlinked]) expect(validateAdaptiveCard(card)).toEqual([]);
    expect(linked.actions?.[0]).toEqual({ type: 'Action.OpenUrl', title: 'Open statement PDF', url: 'https://arbot.example/tab/customers/C1?statement=1' });
    expect(unlinked.actions?.map((a) => a.type)).toEqual(['Action.Execute']);
    expect(JSON.stringify(unlinked)).toContain('open the customer in the arbot dashboard');
  });

  it('renders the invoice record, the merge preview and the timeline as valid cards', () => {
    for (const card of [
      invoiceRecordCard(invoiceView()),
      invoiceRecordCard(invoiceView({ pdfUrl: 'https://sor.example/inv.pdf' })),
      mergePreviewCard(preview),
      mergePreviewCard(preview, { notice: { text: 'Type 100-9999 to confirm the merge.', tone: 'refused' } }),
      timelineCard('Acme', customerView().timeline),
      timelineCard('Acme', [], { sorId: 'C1' }),
    ]) {
      expect(validateAdaptiveCard(card)).toEqual([]);
    }
    expect(JSON.stringify(mergePreviewCard(preview))).toContain('Type 100-9999 to confirm');
    expect(invoiceRecordCard(invoiceView({ pdfUrl: 'https://sor.example/inv.pdf' })).actions?.[1]).toMatchObject({ type: 'Action.OpenUrl' });
    expect(invoiceRecordCard(invoiceView(), { pdfUrl: 'https://arbot.example/tab/invoices/INV-70009' }).actions?.[1]).toMatchObject({ type: 'Action.OpenUrl', url: 'https://arbot.example/tab/invoices/INV-70009' });
    expect(executes(timelineCard('Acme', [], { sorId: 'C1' }))).toEqual([expect.objectContaining({ verb: RECORD_VERBS.open, data: { sorId: 'C1' } })]);
  });
});
