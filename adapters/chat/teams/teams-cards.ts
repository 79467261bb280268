// The Teams side of the task card: which card a person gets (cards/teams renders it) and the
// task's version on the card's refresh action, so every copy says which state it shows (the
// channel's shared copy carries no buttons, whose data would otherwise say it).
import type { User } from '../../../core/domain/user.js';
import type { CardViewer } from '../../../bot/viewer-actions.js';

/** The card with `version` added to its refresh action's data (left as is when there is no refresh). Pure. */
export function withCardState<C extends object>(card: C, view: { version: number }): C {
  const refresh = (card as { refresh?: { action?: { data?: Record<string, unknown> } } }).refresh;
  if (!refresh?.action) return card;
  return { ...card, refresh: { ...refresh, action: { ...refresh.action, data: { ...refresh.action.data, version: view.version } } } };
}

/** The card viewer of a registered user (null for someone arbot does not know). */
export function viewerOf(user: User | null): CardViewer | null {
  return user === null ? null : { userId: user.id, roles: user.roles };
}
