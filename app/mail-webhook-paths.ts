// Where the mail notification routes live (app/mail-webhooks.ts), and their public URLs.
import type { ArbotConfig } from './config/schema.js';

export const GRAPH_NOTIFICATIONS_PATH = '/api/mail/graph/notifications';
export const GRAPH_LIFECYCLE_PATH = '/api/mail/graph/lifecycle';
export const GMAIL_PUSH_PATH = '/api/mail/gmail/push';

/** The public URLs Graph is told to post to; undefined when neither GRAPH_NOTIFICATION_URL nor ARBOT_PUBLIC_URL is set (then arbot only polls). */
export function graphNotificationUrls(config: ArbotConfig): { notificationUrl: string; lifecycleNotificationUrl: string } | undefined {
  const explicit = config.mail.graphNotificationUrl;
  if (explicit !== undefined) {
    // The lifecycle route sits next to the configured one.
    const lifecycle = new URL(explicit);
    lifecycle.pathname = lifecycle.pathname.replace(/\/notifications\/?$/, '') + '/lifecycle';
    return { notificationUrl: explicit, lifecycleNotificationUrl: lifecycle.toString() };
  }
  const base = config.server.publicUrl?.replace(/\/+$/, '');
  if (base === undefined) return undefined;
  return { notificationUrl: `${base}${GRAPH_NOTIFICATIONS_PATH}`, lifecycleNotificationUrl: `${base}${GRAPH_LIFECYCLE_PATH}` };
}
