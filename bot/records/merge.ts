// Merging a duplicate customer (source) into the one kept (target), Manager only, confirmed
// twice: `previewMerge` shows what will move and gives a token; `mergeCustomers` needs that
// token (refused if anything changed since) and the source's account number typed again.
// Irreversible: the source is marked merged into the target first, in one conditional write,
// so a second merge of the same source — concurrent or later — is refused.
//
// What moves, precisely:
//   notes                    every note of the source → the target (marked "moved from")
//   contacts                 every contact of the source the target lacks is copied to it (as a
//                            contact added in arbot); contacts added in arbot leave the source;
//                            the source's SoR contacts stay there (the SoR owns them)
//   tasks                    tasks.customerSorId (and a corrected customer) → the target, each
//                            through a versioned update, cards refreshed
//   threads                  threads.customerSorId → the target
//   emails in / out, audit   not rewritten (they record what happened): the target's record and
//                            timeline include the source's through `mergedFrom`
//   blank fields             the target's missing billing owner and domains are filled from the
//                            source (kept in arbot: the SoR record itself is not changed)
// One audit event on each customer records who, when and every count.
import { createHash } from 'node:crypto';
import type { Customer } from '../../core/domain/customer.js';
import type { User } from '../../core/domain/user.js';
import { auditDenied, authorize } from '../authorize.js';
import type { ChatIdentity } from '../identity.js';
import { failure, success, type UseCaseResult } from '../use-case-result.js';
import type { RecordActionDeps, RecordDeps } from './record-deps.js';
import type { MergePreview, MergeResult } from './views.js';

const TASKS_MAX = 10_000;
const TASK_ATTEMPTS = 5;

export interface MergeRequest {
  source: string;
  target: string;
}

export interface MergeConfirmation extends MergeRequest {
  /** The token of the preview the person confirmed. */
  token: string;
  /** The source's account number, typed again (the second confirmation). */
  typed: string;
}

interface Checked {
  user: User;
  source: Customer;
  target: Customer;
}

async function check(deps: RecordDeps, identity: ChatIdentity, useCase: string, req: MergeRequest): Promise<UseCaseResult<Checked>> {
  const subject = { type: 'customer', id: req.source };
  const who = await authorize(deps, identity, 'customer.manage', useCase, subject);
  if (!who.ok) return who;
  const user = who.value;
  const refuse = async (code: 'invalid_input' | 'invalid_state' | 'not_found', message: string): Promise<UseCaseResult<Checked>> => {
    await auditDenied(deps, user.id, useCase, subject, code, message);
    return failure(code, message);
  };
  if (req.source === req.target) return refuse('invalid_input', 'A customer cannot be merged into itself.');
  const [source, target, sourceLocal, targetLocal] = await Promise.all([
    deps.repos.customers.findBySorId(req.source),
    deps.repos.customers.findBySorId(req.target),
    deps.repos.customerRecords.get(req.source),
    deps.repos.customerRecords.get(req.target),
  ]);
  if (source === null) return refuse('not_found', `There is no customer ${req.source}.`);
  if (target === null) return refuse('not_found', `There is no customer ${req.target}.`);
  if (sourceLocal.mergedInto) return refuse('invalid_state', `${source.name} was already merged into ${sourceLocal.mergedInto.sorId}; a merge cannot be repeated or undone.`);
  if (targetLocal.mergedInto) return refuse('invalid_state', `${target.name} was itself merged into ${targetLocal.mergedInto.sorId}; merge into that customer instead.`);
  return success({ user, source, target });
}

/** What merging would move (the first confirmation). */
export async function previewMerge(deps: RecordDeps, identity: ChatIdentity, req: MergeRequest): Promise<UseCaseResult<MergePreview>> {
  const checked = await check(deps, identity, 'merge_preview', req);
  if (!checked.ok) return checked;
  return success(await preview(deps, checked.value.source, checked.value.target));
}

async function preview(deps: RecordDeps, source: Customer, target: Customer): Promise<MergePreview> {
  const [sourceLocal, sourceContacts, targetContacts, tasks, links, events] = await Promise.all([
    deps.repos.customerRecords.get(source.sorId),
    deps.repos.contacts.listByCustomer(source.sorId),
    deps.repos.contacts.listByCustomer(target.sorId),
    deps.repos.tasks.listByCustomer(source.sorId, TASKS_MAX),
    deps.repos.customerLinks.counts(source.sorId),
    deps.repos.audit.listBySubject('customer', source.sorId),
  ]);
  const targetEmails = new Set(targetContacts.map((c) => c.email));
  const targetLocal = await deps.repos.customerRecords.get(target.sorId);
  const fills: MergePreview['fills'] = {};
  if (!target.billingOwner && !targetLocal.filled?.billingOwner && source.billingOwner) fills.billingOwner = source.billingOwner;
  if (target.domains.length === 0 && !targetLocal.filled?.domains?.length && source.domains.length > 0) fills.domains = source.domains;
  const moves: MergePreview['moves'] = {
    notes: sourceLocal.notes.length,
    contactsCopied: sourceContacts.filter((c) => !targetEmails.has(c.email)).map((c) => c.email),
    manualContactsRemoved: sourceContacts.filter((c) => c.source === 'manual').map((c) => c.email),
    tasks: tasks.length,
    threads: links.threads,
    emailsIn: links.inbound,
    emailsOut: links.outbound,
    timelineEvents: events.length,
  };
  const token = createHash('sha256').update(JSON.stringify([source.sorId, target.sorId, moves, fills])).digest('hex').slice(0, 32);
  return {
    source: { sorId: source.sorId, name: source.name, accountNumber: source.accountNumber },
    target: { sorId: target.sorId, name: target.name, accountNumber: target.accountNumber },
    moves,
    fills,
    confirmation: { token, typeToConfirm: source.accountNumber },
  };
}

/** Merges source into target (the second confirmation); irreversible. */
export async function mergeCustomers(deps: RecordActionDeps, identity: ChatIdentity, req: MergeConfirmation): Promise<UseCaseResult<MergeResult>> {
  const checked = await check(deps, identity, 'merge', req);
  if (!checked.ok) return checked;
  const { user, source, target } = checked.value;
  const plan = await preview(deps, source, target);
  if (req.token !== plan.confirmation.token) return failure('conflict', 'The customers changed since the merge was previewed; look at the preview again.');
  if (normalized(req.typed) !== normalized(source.accountNumber)) return failure('invalid_input', `Type the account number of ${source.name} (${source.accountNumber}) to confirm the merge.`);
  const now = deps.clock();
  const claim = await deps.repos.customerRecords.claimMerge(source.sorId, target.sorId, user.id, now);
  if (!claim.claimed) {
    const message = `${source.name} was already merged into ${claim.mergedInto}; a merge cannot be repeated or undone.`;
    await auditDenied(deps, user.id, 'merge', { type: 'customer', id: source.sorId }, 'invalid_state', message);
    return failure('invalid_state', message);
  }
  const notes = await deps.repos.customerRecords.moveNotes(source.sorId, target.sorId, now);
  const contacts = await moveContacts(deps, source.sorId, target.sorId, now);
  const tasks = await moveTasks(deps, source.sorId, target.sorId);
  const threads = await deps.repos.customerLinks.relinkThreads(source.sorId, target.sorId);
  await deps.repos.customerRecords.recordMergedFrom(target.sorId, source.sorId, plan.fills, now);
  await deps.repos.customerRecords.completeMerge(source.sorId, now);
  const result: MergeResult = {
    source: source.sorId,
    target: target.sorId,
    moved: { notes, contactsCopied: contacts.copied.length, manualContactsRemoved: contacts.removed.length, tasks: tasks.moved, threads },
    shownThroughMerge: { emailsIn: plan.moves.emailsIn, emailsOut: plan.moves.emailsOut, timelineEvents: plan.moves.timelineEvents },
    fills: plan.fills,
  };
  const detail = { ...result, contactsCopied: contacts.copied, manualContactsRemoved: contacts.removed, tasksNotMoved: tasks.failed, confirmedWith: req.token };
  await deps.repos.audit.append({ at: now, actor: { kind: 'user', id: user.id }, action: 'customers_merged', subject: { type: 'customer', id: target.sorId }, after: detail });
  await deps.repos.audit.append({ at: now, actor: { kind: 'user', id: user.id }, action: 'customer_merged_into', subject: { type: 'customer', id: source.sorId }, after: detail });
  return success(result);
}

async function moveContacts(deps: RecordActionDeps, source: string, target: string, now: Date): Promise<{ copied: string[]; removed: string[] }> {
  const [from, to] = await Promise.all([deps.repos.contacts.listByCustomer(source), deps.repos.contacts.listByCustomer(target)]);
  const have = new Set(to.map((c) => c.email));
  const copies = from.filter((c) => !have.has(c.email));
  if (copies.length > 0) {
    await deps.repos.contacts.upsertMany(copies.map((c) => ({ customerSorId: target, name: c.name, email: c.email, ...(c.role ? { role: c.role } : {}), source: 'manual' as const })), now);
  }
  const removed: string[] = [];
  for (const c of from.filter((c) => c.source === 'manual')) if (await deps.repos.contacts.remove(source, c.email)) removed.push(c.email);
  return { copied: copies.map((c) => c.email), removed };
}

async function moveTasks(deps: RecordActionDeps, source: string, target: string): Promise<{ moved: number; failed: string[] }> {
  let moved = 0;
  const failed: string[] = [];
  for (const task of await deps.repos.tasks.listByCustomer(source, TASKS_MAX)) {
    let current = task;
    let done = false;
    for (let attempt = 0; attempt < TASK_ATTEMPTS && !done; attempt++) {
      const corrections = current.corrections?.customerSorId === source ? { ...current.corrections, customerSorId: target } : undefined;
      const outcome = await deps.repos.tasks.transition(current.id, current.version, { customerSorId: target, ...(corrections ? { corrections } : {}) }, deps.clock());
      if (outcome.ok) {
        done = true;
        moved += 1;
        await deps.publisher?.taskChanged(outcome.task);
      } else if (outcome.reason === 'version_conflict') {
        current = outcome.current;
        if (current.customerSorId !== source) done = true; // someone re-pointed it meanwhile
      } else {
        done = true; // deleted meanwhile
      }
    }
    if (!done) failed.push(task.id);
  }
  return { moved, failed };
}

function normalized(s: string): string {
  return s.replace(/[\s-]+/g, '').toUpperCase();
}
