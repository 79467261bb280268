// Gmail push: users.watch publishes a notification to a Pub/Sub topic whenever the label
// changes (https://developers.google.com/workspace/gmail/api/guides/push). A watch lasts 7
// days; Google asks that it be renewed daily, so arbot renews when less than 6 days are left.
// Calling watch again on a live watch simply extends it.
import type { MailPushRegistrar, MailPushState } from '../../../core/mail/mail-push.js';
import { MailSourceError } from '../../../core/mail/mail-source.js';
import type { GmailApi } from './gmail-api.js';
import { gmailSourceError } from './gmail-errors.js';

export interface GmailWatchOptions {
  api: GmailApi;
  address: string;
  label: string;
  /** projects/{project}/topics/{topic}; gmail-api-push@system.gserviceaccount.com must be allowed to publish to it. */
  topicName: string;
}

/** Creates and renews the mailbox's watch. */
export class GmailWatchRegistrar implements MailPushRegistrar {
  readonly name = 'gmail';
  readonly address: string;
  readonly renewBeforeMs = 6 * 24 * 60 * 60_000;

  constructor(private readonly options: GmailWatchOptions) {
    this.address = options.address;
  }

  async ensure(_current: MailPushState | null, _now: Date): Promise<MailPushState> {
    const { api, label, topicName } = this.options;
    let res;
    try {
      res = await api.call('watch', () => api.users.watch({ userId: api.user, requestBody: { topicName, labelIds: [label], labelFilterBehavior: 'include' } }));
    } catch (err) {
      throw gmailSourceError(err, 'watching the mailbox');
    }
    const expiresAt = new Date(Number(res.expiration));
    if (Number.isNaN(expiresAt.getTime())) throw new MailSourceError('unknown', 'Gmail: the watch response had no expiration');
    return { id: api.user.toLowerCase(), expiresAt };
  }
}
