// Graph change notifications for new mail in the AR folder
// (https://learn.microsoft.com/graph/change-notifications-delivery-webhooks,
// /graph/api/subscription-post-subscriptions, /graph/api/subscription-update). Messages allow
// subscriptions of up to 10 080 minutes (under 7 days); arbot asks for 3 days and renews
// when less than one is left. Notifications go to our webhook with the clientState we set,
// lifecycle notifications (reauthorizationRequired, subscriptionRemoved, missed) to a second
// route. A renewal Graph answers with 404 (the subscription was removed) creates a new one.
import type { MailPushRegistrar, MailPushState } from '../../../core/mail/mail-push.js';
import { MailSourceError } from '../../../core/mail/mail-source.js';
import type { GraphApi } from './graph-api.js';
import { graphFailure, graphSourceError } from './graph-errors.js';

export const GRAPH_SUBSCRIPTION_MINUTES = 3 * 24 * 60;

export interface GraphSubscriptionOptions {
  api: GraphApi;
  /** The MailSource address the registration belongs to. */
  address: string;
  folder: string;
  /** Public https URL of the notification route (app/mail-webhooks.ts). */
  notificationUrl: string;
  /** Public https URL of the lifecycle route. */
  lifecycleNotificationUrl: string;
  clientState: string;
}

/** The subscription resource Graph returns. */
interface GraphSubscription {
  id: string;
  expirationDateTime: string;
}

/** Creates and renews the mailbox's Graph subscription. */
export class GraphSubscriptionRegistrar implements MailPushRegistrar {
  readonly name = 'graph';
  readonly address: string;
  readonly renewBeforeMs = 24 * 60 * 60_000;

  constructor(private readonly options: GraphSubscriptionOptions) {
    this.address = options.address;
  }

  async ensure(current: MailPushState | null, now: Date): Promise<MailPushState> {
    const expirationDateTime = new Date(now.getTime() + GRAPH_SUBSCRIPTION_MINUTES * 60_000).toISOString();
    if (current !== null) {
      try {
        const renewed = await this.options.api.patch<GraphSubscription>(`/subscriptions/${encodeURIComponent(current.id)}`, { expirationDateTime });
        return toState(renewed);
      } catch (err) {
        if (graphFailure(err).status !== 404) throw graphSourceError(err, 'renewing the subscription');
        // Removed on Graph's side (or expired): fall through and create a new one.
      }
    }
    const { api, folder, notificationUrl, lifecycleNotificationUrl, clientState } = this.options;
    try {
      const created = await api.post<GraphSubscription>('/subscriptions', {
        changeType: 'created',
        notificationUrl,
        lifecycleNotificationUrl,
        resource: `users/${api.mailbox}/mailFolders('${folder}')/messages`,
        expirationDateTime,
        clientState,
      });
      return toState(created);
    } catch (err) {
      throw graphSourceError(err, 'creating the subscription');
    }
  }
}

function toState(s: GraphSubscription): MailPushState {
  const expiresAt = new Date(s.expirationDateTime);
  if (typeof s.id !== 'string' || Number.isNaN(expiresAt.getTime())) throw new MailSourceError('unknown', 'Graph: the subscription response had no id or expiry');
  return { id: s.id, expiresAt };
}
