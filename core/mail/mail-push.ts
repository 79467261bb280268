// The push side of a cloud mailbox (Graph change notifications, Gmail watch over Pub/Sub): a
// registration with the provider that expires and must be renewed. Push only makes sync
// sooner; polling goes on, so a registration that lapses costs latency, never mail.

/** A registration as the provider confirmed it; JSON, stored by the subscription job between runs. */
export interface MailPushState {
  /** The provider's id of the registration (Graph subscription id; Gmail has none: the mailbox). */
  id: string;
  expiresAt: Date;
}

/** What a renewal run was asked to do beyond the usual. */
export interface MailPushRequest {
  /** Renew now, whatever the expiry (Graph's reauthorizationRequired). */
  force?: boolean;
  /** Forget the stored registration and create a new one (Graph's subscriptionRemoved). */
  recreate?: boolean;
}

/** Creates and renews one mailbox's push registration. */
export interface MailPushRegistrar {
  /** The adapter, for logs ("graph", "gmail"). */
  readonly name: string;
  /** The key the registration is stored under (the MailSource's address). */
  readonly address: string;
  /** Renew when less than this is left. */
  readonly renewBeforeMs: number;
  /** Creates a registration (`current` null) or extends `current`; creates anew when the provider no longer knows it. */
  ensure(current: MailPushState | null, now: Date): Promise<MailPushState>;
}

/** Whether a run should call `ensure` (pure). */
export function pushNeedsRenewal(current: MailPushState | null, request: MailPushRequest, renewBeforeMs: number, now: Date): boolean {
  if (current === null || request.force === true || request.recreate === true) return true;
  return current.expiresAt.getTime() - now.getTime() < renewBeforeMs;
}
