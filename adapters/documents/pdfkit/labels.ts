// Words printed on invoice and statement PDFs, per language the pipeline understands.
import type { Language } from '../../../core/pipeline/intents.js';
import type { InvoiceView } from '../../../core/replies/reply-model.js';

/** Every word a rendered document prints; `page` fills in `{n}` and `{count}`. */
export interface DocumentLabels {
  invoice: string;
  invoiceCopyNote: string;
  statementTitle: string;
  accountsReceivable: string;
  customer: string;
  accountNumber: string;
  invoiceNumber: string;
  poNumber: string;
  issueDate: string;
  dueDate: string;
  daysPastDue: string;
  amount: string;
  balance: string;
  status: string;
  statuses: Record<InvoiceView['status'], string>;
  asOf: string;
  openItems: string;
  noOpenItems: string;
  credits: string;
  creditNumber: string;
  date: string;
  aging: string;
  currency: string;
  current: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  days90plus: string;
  total: string;
  totalBalance: string;
  page: string;
}

type DocumentLanguage = Exclude<Language, 'und'>;

const LABELS: Record<DocumentLanguage, DocumentLabels> = {
  en: {
    invoice: 'Invoice',
    invoiceCopyNote: 'Copy generated from our accounts receivable records.',
    statementTitle: 'Statement of account',
    accountsReceivable: 'Accounts receivable',
    customer: 'Customer',
    accountNumber: 'Account number',
    invoiceNumber: 'Invoice number',
    poNumber: 'PO number',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    daysPastDue: 'Days past due',
    amount: 'Amount',
    balance: 'Balance',
    status: 'Status',
    statuses: { open: 'Open', partially_paid: 'Partially paid', paid: 'Paid', void: 'Void' },
    asOf: 'As of',
    openItems: 'Open items',
    noOpenItems: 'No open items.',
    credits: 'Unapplied credits',
    creditNumber: 'Credit memo',
    date: 'Date',
    aging: 'Aging summary',
    currency: 'Currency',
    current: 'Current',
    days1to30: '1–30 days',
    days31to60: '31–60 days',
    days61to90: '61–90 days',
    days90plus: 'Over 90 days',
    total: 'Total',
    totalBalance: 'Total balance',
    page: 'Page {n} of {count}',
  },
  fr: {
    invoice: 'Facture',
    invoiceCopyNote: 'Copie établie à partir de notre comptabilité clients.',
    statementTitle: 'Relevé de compte',
    accountsReceivable: 'Comptabilité clients',
    customer: 'Client',
    accountNumber: 'Numéro de compte',
    invoiceNumber: 'Numéro de facture',
    poNumber: 'N° de commande',
    issueDate: "Date d'émission",
    dueDate: "Date d'échéance",
    daysPastDue: 'Jours de retard',
    amount: 'Montant',
    balance: 'Solde',
    status: 'Statut',
    statuses: { open: 'Ouverte', partially_paid: 'Partiellement payée', paid: 'Payée', void: 'Annulée' },
    asOf: 'Arrêté au',
    openItems: 'Factures ouvertes',
    noOpenItems: 'Aucune facture ouverte.',
    credits: 'Avoirs non imputés',
    creditNumber: 'Avoir',
    date: 'Date',
    aging: 'Balance âgée',
    currency: 'Devise',
    current: 'Non échu',
    days1to30: '1–30 jours',
    days31to60: '31–60 jours',
    days61to90: '61–90 jours',
    days90plus: 'Plus de 90 jours',
    total: 'Total',
    totalBalance: 'Solde total',
    page: 'Page {n} sur {count}',
  },
  de: {
    invoice: 'Rechnung',
    invoiceCopyNote: 'Kopie aus unserer Debitorenbuchhaltung.',
    statementTitle: 'Kontoauszug',
    accountsReceivable: 'Debitorenbuchhaltung',
    customer: 'Kunde',
    accountNumber: 'Kundennummer',
    invoiceNumber: 'Rechnungsnummer',
    poNumber: 'Bestellnummer',
    issueDate: 'Rechnungsdatum',
    dueDate: 'Fälligkeitsdatum',
    daysPastDue: 'Tage überfällig',
    amount: 'Betrag',
    balance: 'Offen',
    status: 'Status',
    statuses: { open: 'Offen', partially_paid: 'Teilweise bezahlt', paid: 'Bezahlt', void: 'Storniert' },
    asOf: 'Stand',
    openItems: 'Offene Posten',
    noOpenItems: 'Keine offenen Posten.',
    credits: 'Nicht verrechnete Gutschriften',
    creditNumber: 'Gutschrift',
    date: 'Datum',
    aging: 'Fälligkeitsstruktur',
    currency: 'Währung',
    current: 'Nicht fällig',
    days1to30: '1–30 Tage',
    days31to60: '31–60 Tage',
    days61to90: '61–90 Tage',
    days90plus: 'Über 90 Tage',
    total: 'Summe',
    totalBalance: 'Gesamtsaldo',
    page: 'Seite {n} von {count}',
  },
  es: {
    invoice: 'Factura',
    invoiceCopyNote: 'Copia generada a partir de nuestros registros de cuentas por cobrar.',
    statementTitle: 'Estado de cuenta',
    accountsReceivable: 'Cuentas por cobrar',
    customer: 'Cliente',
    accountNumber: 'Número de cuenta',
    invoiceNumber: 'Número de factura',
    poNumber: 'Orden de compra',
    issueDate: 'Fecha de emisión',
    dueDate: 'Fecha de vencimiento',
    daysPastDue: 'Días de atraso',
    amount: 'Importe',
    balance: 'Saldo',
    status: 'Estado',
    statuses: { open: 'Abierta', partially_paid: 'Parcialmente pagada', paid: 'Pagada', void: 'Anulada' },
    asOf: 'A fecha de',
    openItems: 'Partidas abiertas',
    noOpenItems: 'No hay partidas abiertas.',
    credits: 'Abonos no aplicados',
    creditNumber: 'Nota de crédito',
    date: 'Fecha',
    aging: 'Antigüedad de saldos',
    currency: 'Moneda',
    current: 'No vencido',
    days1to30: '1–30 días',
    days31to60: '31–60 días',
    days61to90: '61–90 días',
    days90plus: 'Más de 90 días',
    total: 'Total',
    totalBalance: 'Saldo total',
    page: 'Página {n} de {count}',
  },
  it: {
    invoice: 'Fattura',
    invoiceCopyNote: 'Copia generata dalla nostra contabilità clienti.',
    statementTitle: 'Estratto conto',
    accountsReceivable: 'Contabilità clienti',
    customer: 'Cliente',
    accountNumber: 'Codice cliente',
    invoiceNumber: 'Numero fattura',
    poNumber: "Ordine d'acquisto",
    issueDate: 'Data di emissione',
    dueDate: 'Data di scadenza',
    daysPastDue: 'Giorni di ritardo',
    amount: 'Importo',
    balance: 'Saldo',
    status: 'Stato',
    statuses: { open: 'Aperta', partially_paid: 'Parzialmente pagata', paid: 'Pagata', void: 'Annullata' },
    asOf: 'Al',
    openItems: 'Partite aperte',
    noOpenItems: 'Nessuna partita aperta.',
    credits: 'Note di credito non applicate',
    creditNumber: 'Nota di credito',
    date: 'Data',
    aging: 'Analisi per scadenza',
    currency: 'Valuta',
    current: 'Non scaduto',
    days1to30: '1–30 giorni',
    days31to60: '31–60 giorni',
    days61to90: '61–90 giorni',
    days90plus: 'Oltre 90 giorni',
    total: 'Totale',
    totalBalance: 'Saldo totale',
    page: 'Pagina {n} di {count}',
  },
  nl: {
    invoice: 'Factuur',
    invoiceCopyNote: 'Kopie uit onze debiteurenadministratie.',
    statementTitle: 'Rekeningoverzicht',
    accountsReceivable: 'Debiteurenadministratie',
    customer: 'Klant',
    accountNumber: 'Klantnummer',
    invoiceNumber: 'Factuurnummer',
    poNumber: 'Inkoopordernummer',
    issueDate: 'Factuurdatum',
    dueDate: 'Vervaldatum',
    daysPastDue: 'Dagen te laat',
    amount: 'Bedrag',
    balance: 'Saldo',
    status: 'Status',
    statuses: { open: 'Open', partially_paid: 'Gedeeltelijk betaald', paid: 'Betaald', void: 'Geannuleerd' },
    asOf: 'Per',
    openItems: 'Openstaande posten',
    noOpenItems: 'Geen openstaande posten.',
    credits: "Niet-verrekende creditnota's",
    creditNumber: 'Creditnota',
    date: 'Datum',
    aging: 'Ouderdomsanalyse',
    currency: 'Valuta',
    current: 'Niet vervallen',
    days1to30: '1–30 dagen',
    days31to60: '31–60 dagen',
    days61to90: '61–90 dagen',
    days90plus: 'Meer dan 90 dagen',
    total: 'Totaal',
    totalBalance: 'Totaal saldo',
    page: 'Pagina {n} van {count}',
  },
  pt: {
    invoice: 'Fatura',
    invoiceCopyNote: 'Cópia gerada a partir dos nossos registos de contas a receber.',
    statementTitle: 'Extrato de conta',
    accountsReceivable: 'Contas a receber',
    customer: 'Cliente',
    accountNumber: 'Número de conta',
    invoiceNumber: 'Número da fatura',
    poNumber: 'Ordem de compra',
    issueDate: 'Data de emissão',
    dueDate: 'Data de vencimento',
    daysPastDue: 'Dias em atraso',
    amount: 'Valor',
    balance: 'Saldo',
    status: 'Estado',
    statuses: { open: 'Em aberto', partially_paid: 'Parcialmente paga', paid: 'Paga', void: 'Anulada' },
    asOf: 'Em',
    openItems: 'Faturas em aberto',
    noOpenItems: 'Sem faturas em aberto.',
    credits: 'Créditos não aplicados',
    creditNumber: 'Nota de crédito',
    date: 'Data',
    aging: 'Antiguidade de saldos',
    currency: 'Moeda',
    current: 'Não vencido',
    days1to30: '1–30 dias',
    days31to60: '31–60 dias',
    days61to90: '61–90 dias',
    days90plus: 'Mais de 90 dias',
    total: 'Total',
    totalBalance: 'Saldo total',
    page: 'Página {n} de {count}',
  },
};

/** The language documents are printed in: English when the email's language is undetermined. */
export function documentLanguage(language: Language): DocumentLanguage {
  return language === 'und' ? 'en' : language;
}

/** The labels for a language (English for 'und'). */
export function labelsFor(language: Language): DocumentLabels {
  return LABELS[documentLanguage(language)];
}

/** "Page {n} of {count}" filled in. */
export function pageLabel(labels: DocumentLabels, n: number, count: number): string {
  return labels.page.replace('{n}', String(n)).replace('{count}', String(count));
}
