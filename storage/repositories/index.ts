import type { Db } from 'mongodb';
import * as analyses from './analysis.repo.js';
import * as audit from './audit.repo.js';
import * as contacts from './contact.repo.js';
import * as creditMemos from './credit-memo.repo.js';
import * as customerLinks from './customer-links.repo.js';
import * as customerRecords from './customer-record.repo.js';
import * as customers from './customer.repo.js';
import * as drafts from './draft.repo.js';
import * as emails from './email.repo.js';
import type { CollectionIndexes } from './index-spec.js';
import * as invoices from './invoice.repo.js';
import * as mailCursors from './mail-cursor.repo.js';
import * as outbox from './outbox.repo.js';
import * as payments from './payment.repo.js';
import * as rotations from './rotation.repo.js';
import * as searchIndex from './search-index.repo.js';
import * as settings from './setting.repo.js';
import * as slackInstallations from './slack-installation.repo.js';
import * as syncRuns from './sync-run.repo.js';
import * as tasks from './task.repo.js';
import * as teams from './team.repo.js';
import * as threads from './thread.repo.js';
import * as users from './user.repo.js';

/** Every repository, bound to one tenant. */
export interface Repositories {
  emails: emails.EmailRepo;
  analyses: analyses.AnalysisRepo;
  threads: threads.ThreadRepo;
  customers: customers.CustomerRepo;
  contacts: contacts.ContactRepo;
  invoices: invoices.InvoiceRepo;
  payments: payments.PaymentRepo;
  creditMemos: creditMemos.CreditMemoRepo;
  tasks: tasks.TaskRepo;
  drafts: drafts.DraftRepo;
  outbox: outbox.OutboxRepo;
  audit: audit.AuditRepo;
  users: users.UserRepo;
  teams: teams.TeamRepo;
  rotations: rotations.RotationRepo;
  settings: settings.SettingRepo;
  slackInstallations: slackInstallations.SlackInstallationRepo;
  mailCursors: mailCursors.MailCursorRepo;
  /** Local state of customer records: notes, archive, merges (bot/records). */
  customerRecords: customerRecords.CustomerRecordRepo;
  /** Mail and thread links of customers, read across collections (bot/records). */
  customerLinks: customerLinks.CustomerLinksRepo;
  /** Posting lists of the customer search (bot/search). */
  searchIndex: searchIndex.SearchIndexRepo;
  syncRuns: syncRuns.SyncRunRepo;
}

/** The index specs of every repository's collection; `migrate` creates them. */
export const allIndexes: readonly CollectionIndexes[] = [
  emails.indexes,
  analyses.indexes,
  threads.indexes,
  customers.indexes,
  contacts.indexes,
  invoices.indexes,
  payments.indexes,
  creditMemos.indexes,
  tasks.indexes,
  drafts.indexes,
  outbox.indexes,
  audit.indexes,
  audit.headIndexes,
  users.indexes,
  teams.indexes,
  rotations.indexes,
  settings.indexes,
  slackInstallations.indexes,
  mailCursors.indexes,
  syncRuns.indexes,
  syncRuns.stateIndexes,
  customerRecords.indexes,
  searchIndex.indexes,
];

/** Creates all repositories for one tenant on a database. */
export function createRepositories(db: Db, tenantId = 'default'): Repositories {
  return {
    emails: new emails.EmailRepo(db, tenantId),
    analyses: new analyses.AnalysisRepo(db, tenantId),
    threads: new threads.ThreadRepo(db, tenantId),
    customers: new customers.CustomerRepo(db, tenantId),
    contacts: new contacts.ContactRepo(db, tenantId),
    invoices: new invoices.InvoiceRepo(db, tenantId),
    payments: new payments.PaymentRepo(db, tenantId),
    creditMemos: new creditMemos.CreditMemoRepo(db, tenantId),
    tasks: new tasks.TaskRepo(db, tenantId),
    drafts: new drafts.DraftRepo(db, tenantId),
    outbox: new outbox.OutboxRepo(db, tenantId),
    audit: new audit.AuditRepo(db, tenantId),
    users: new users.UserRepo(db, tenantId),
    teams: new teams.TeamRepo(db, tenantId),
    rotations: new rotations.RotationRepo(db, tenantId),
    settings: new settings.SettingRepo(db, tenantId),
    slackInstallations: new slackInstallations.SlackInstallationRepo(db, tenantId),
    mailCursors: new mailCursors.MailCursorRepo(db, tenantId),
    customerRecords: new customerRecords.CustomerRecordRepo(db, tenantId),
    customerLinks: new customerLinks.CustomerLinksRepo(db, tenantId),
    searchIndex: new searchIndex.SearchIndexRepo(db, tenantId),
    syncRuns: new syncRuns.SyncRunRepo(db, tenantId),
  };
}

export type { CollectionIndexes, IndexSpec } from './index-spec.js';
export type { UpsertSummary } from './bulk-upsert.js';
export type { CustomerRecord } from './customer.repo.js';
export type { ContactRecord } from './contact.repo.js';
export type { InvoiceRecord } from './invoice.repo.js';
export type { PaymentRecord } from './payment.repo.js';
export type { CreditMemoRecord } from './credit-memo.repo.js';
export type { NewEmail, InsertEmailResult } from './email.repo.js';
export type { ThreadMessage } from './thread.repo.js';
export type { NewTask, TaskPatch, TransitionResult, CreateOnceResult } from './task.repo.js';
export type { RotationCursor } from './rotation.repo.js';
export type { NewOutboxItem, EnqueueResult } from './outbox.repo.js';
export type { NewAuditEvent, AuditRange, AuditHead } from './audit.repo.js';
export type { NewUser } from './user.repo.js';
export type { NewTeam } from './team.repo.js';
export type { SlackInstallationRecord } from './slack-installation.repo.js';
export type { MailSyncState } from './mail-cursor.repo.js';
export type { CustomerLocalState, CustomerNote, FilledFields } from './customer-record.repo.js';
export type { InboundLink, OutboundLink } from './customer-links.repo.js';
export type { SearchIndexMeta, SearchPosting } from './search-index.repo.js';
export type { SyncLock, SyncLockOwner, SyncState, NewSyncRun, RunBatchUpdate } from './sync-run.repo.js';
export type { SyncUpsertResult } from './sync-upsert.js';
