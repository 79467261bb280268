// Every hour: keep the mailbox's push registration (Graph subscription, Gmail watch) alive.
// Thin: load the stored registration, return early unless it is missing, near its expiry or
// a notification asked for a renewal (Graph lifecycle events enqueue this job with `force` or
// `recreate`), then let the provider's registrar create or renew it, and store the result.
// Registered by jobs/registry.ts when the provider has push configured.
import { pushNeedsRenewal, type MailPushRegistrar, type MailPushRequest } from '../core/mail/mail-push.js';
import type { MailSubscriptionRepo } from '../storage/repositories/mail-subscription.repo.js';
import type { JobContext, JobDefinition } from './job-definition.js';

export const MAIL_SUBSCRIPTION_JOB = 'mail-subscription';

/** The registrar and where its state is kept, for one run. */
export type MailSubscriptionTarget = (ctx: JobContext) => { registrar: MailPushRegistrar; registrations: Pick<MailSubscriptionRepo, 'get' | 'save'> };

export function mailSubscriptionJob(target: MailSubscriptionTarget, options: { every?: string } = {}): JobDefinition {
  return {
    name: MAIL_SUBSCRIPTION_JOB,
    description: 'Creates the mailbox push registration (Graph subscription or Gmail watch) and renews it before it expires.',
    every: options.every ?? '1 hour',
    concurrency: 1,
    lockLifetimeMs: 5 * 60_000,
    async run(data, ctx) {
      const { registrar, registrations } = target(ctx);
      const request: MailPushRequest = { force: data['force'] === true, recreate: data['recreate'] === true };
      const now = ctx.now();
      const current = await registrations.get(registrar.address);
      if (!pushNeedsRenewal(current, request, registrar.renewBeforeMs, now)) return;
      const next = await registrar.ensure(request.recreate ? null : current, now);
      await registrations.save(registrar.address, registrar.name, next, now);
      ctx.logger.info({ provider: registrar.name, address: registrar.address, id: next.id, expiresAt: next.expiresAt, ...request }, current === null || request.recreate ? 'mail push registered' : 'mail push renewed');
    },
  };
}
