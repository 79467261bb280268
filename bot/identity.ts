// Who is acting: a chat identity (Teams Entra object id, Slack user id) or our own user id
// (the tab and the CLI authenticate first), resolved to a User with roles. Unknown people
// resolve to null and may do nothing.
import type { User } from '../core/domain/user.js';
import type { UserRepo } from '../storage/repositories/user.repo.js';

export type ChatIdentity =
  | { platform: 'teams'; aadObjectId: string }
  | { platform: 'slack'; userId: string }
  | { platform: 'arbot'; userId: string };

/** The user behind a chat identity, or null when nobody is registered under it. */
export async function resolveUser(users: Pick<UserRepo, 'get' | 'findByTeamsId' | 'findBySlackId'>, identity: ChatIdentity): Promise<User | null> {
  switch (identity.platform) {
    case 'teams':
      return users.findByTeamsId(identity.aadObjectId);
    case 'slack':
      return users.findBySlackId(identity.userId);
    case 'arbot':
      return users.get(identity.userId);
  }
}

/** How an identity is named in the audit log when it resolves to nobody. */
export function identityLabel(identity: ChatIdentity): string {
  return identity.platform === 'teams' ? `teams:${identity.aadObjectId}` : identity.platform === 'slack' ? `slack:${identity.userId}` : identity.userId;
}
