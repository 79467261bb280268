import type { User } from '../../core/domain/user.js';
import type { UserRepo } from '../../storage/repositories/user.repo.js';

/** A user by id, email, Teams object id or Slack user id (what an admin types). */
export async function findUser(users: Pick<UserRepo, 'get' | 'list' | 'findByTeamsId' | 'findBySlackId'>, ref: string): Promise<User | null> {
  const key = ref.trim().replace(/^@/, '');
  if (key === '') return null;
  const byId = await users.get(key);
  if (byId) return byId;
  const byTeams = await users.findByTeamsId(key);
  if (byTeams) return byTeams;
  const bySlack = await users.findBySlackId(key);
  if (bySlack) return bySlack;
  const lower = key.toLowerCase();
  return (await users.list()).find((u) => u.email?.toLowerCase() === lower) ?? null;
}
