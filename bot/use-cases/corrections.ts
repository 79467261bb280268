// Fixing what the pipeline understood: the intents, and the extracted data (customer, invoice
// numbers, amounts). Corrections are kept on the task so a reprocess uses them.
import type { Task, TaskCorrections } from '../../core/domain/task.js';
import { invoiceNumberKey } from '../../core/pipeline/invoice-number.js';
import { INTENTS, isIntent } from '../../core/pipeline/intents.js';
import type { BotDeps } from '../bot-deps.js';
import type { ChatIdentity } from '../identity.js';
import { runTaskCommand } from '../task-command.js';
import { failure, type UseCaseResult } from '../use-case-result.js';

/** Replaces the task's intents (one or more from the taxonomy). */
export async function changeIntents(deps: BotDeps, identity: ChatIdentity, taskId: string, intents: readonly string[]): Promise<UseCaseResult<Task>> {
  const unique = [...new Set(intents.map((i) => i.trim()))];
  const unknown = unique.filter((i) => !isIntent(i));
  if (unique.length === 0) return failure('invalid_input', 'Choose at least one intent.');
  if (unknown.length > 0) return failure('invalid_input', `Unknown intent ${unknown.join(', ')}; use one of ${INTENTS.join(', ')}.`);
  return runTaskCommand(deps, identity, taskId, {
    useCase: 'change_intents',
    command: { kind: 'edit' },
    event: 'intents_changed',
    extra: () => ({ intents: unique }),
    detail: (before) => ({ intentsBefore: before.intents, intents: unique }),
  });
}

export interface DataFix {
  customerSorId?: string;
  invoiceNumbers?: string[];
  amounts?: { value: number; currency?: string }[];
}

/**
 * Corrects the extracted data. The customer must exist in the SoR, and every invoice number
 * must exist and belong to that customer, so a correction can never point a reply at another
 * customer's data.
 */
export async function fixExtractedData(deps: BotDeps, identity: ChatIdentity, taskId: string, fix: DataFix): Promise<UseCaseResult<Task>> {
  const task = await deps.repos.tasks.get(taskId);
  if (task === null) return failure('not_found', `There is no task ${taskId}.`);
  const customerSorId = fix.customerSorId?.trim() || task.corrections?.customerSorId || task.customerSorId;
  if (fix.customerSorId !== undefined) {
    const customer = customerSorId ? await deps.sor.customer(customerSorId) : undefined;
    if (customer === undefined) return failure('invalid_input', `There is no customer ${fix.customerSorId} in the system of record.`);
  }
  const numbers = fix.invoiceNumbers?.map((n) => n.trim()).filter((n) => n !== '');
  const problems: string[] = [];
  if (numbers !== undefined) {
    const found = await deps.sor.invoicesByNumberKeys(numbers.map(invoiceNumberKey));
    for (const n of numbers) {
      const invoice = found.find((inv) => inv.number === n) ?? found.find((inv) => invoiceNumberKey(inv.number) === invoiceNumberKey(n));
      if (invoice === undefined) problems.push(`invoice ${n} is not in the system of record`);
      else if (customerSorId !== undefined && invoice.customerSorId !== customerSorId) problems.push(`invoice ${invoice.number} belongs to another customer`);
    }
  }
  const badAmount = fix.amounts?.find((a) => !Number.isFinite(a.value) || a.value < 0);
  if (badAmount) problems.push(`amount ${badAmount.value} is not a valid amount`);
  if (problems.length > 0) return failure('invalid_input', `The correction was not saved: ${problems.join('; ')}.`, problems);

  const resolved = numbers === undefined ? undefined : await canonicalNumbers(deps, numbers);
  return runTaskCommand(deps, identity, taskId, {
    useCase: 'fix_data',
    command: { kind: 'edit' },
    event: 'data_corrected',
    extra: (current) => {
      const corrections: TaskCorrections = {
        ...current.corrections,
        ...(fix.customerSorId !== undefined && customerSorId ? { customerSorId } : {}),
        ...(resolved !== undefined ? { invoiceNumbers: resolved } : {}),
        ...(fix.amounts !== undefined ? { amounts: fix.amounts } : {}),
      };
      return {
        corrections,
        ...(corrections.customerSorId ? { customerSorId: corrections.customerSorId } : {}),
        ...(resolved !== undefined ? { invoiceNumbers: resolved } : {}),
        ...(fix.amounts?.length ? { amount: Math.max(...fix.amounts.map((a) => a.value)) } : {}),
      };
    },
    detail: (before, after) => ({
      customerBefore: before.customerSorId ?? null,
      customer: after.customerSorId ?? null,
      invoiceNumbersBefore: before.invoiceNumbers ?? [],
      invoiceNumbers: after.invoiceNumbers ?? [],
      ...(fix.amounts !== undefined ? { amounts: fix.amounts } : {}),
    }),
  });
}

/** The SoR spelling of each number (an analyst may type "inv 204518" for "INV-204518"). */
async function canonicalNumbers(deps: BotDeps, numbers: readonly string[]): Promise<string[]> {
  const found = await deps.sor.invoicesByNumberKeys(numbers.map(invoiceNumberKey));
  return [...new Set(numbers.map((n) => (found.find((inv) => inv.number === n) ?? found.find((inv) => invoiceNumberKey(inv.number) === invoiceNumberKey(n)))?.number ?? n))];
}
