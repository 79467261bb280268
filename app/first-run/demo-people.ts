// The demo's AR team, so review tasks of the demo inbox are placed by round-robin the way a
// real team's would be. Made once: an existing team or user of the same name is kept.
import type { Role, User } from '../../core/domain/user.js';
import type { Repositories } from '../../storage/repositories/index.js';

export const DEMO_TEAM = 'Collections (demo)';

const PEOPLE: ReadonlyArray<{ displayName: string; email: string; roles: Role[] }> = [
  { displayName: 'Nora Quinn', email: 'nora.quinn@lakeshore-supply.example', roles: ['Manager'] },
  { displayName: 'Theo Marsh', email: 'theo.marsh@lakeshore-supply.example', roles: ['Analyst'] },
  { displayName: 'Ines Alvarez', email: 'ines.alvarez@lakeshore-supply.example', roles: ['Analyst'] },
];

/** Creates the demo manager, two analysts and their team when missing; returns the people. */
export async function ensureDemoPeople(repos: Pick<Repositories, 'users' | 'teams'>, now: Date): Promise<User[]> {
  const existing = await repos.users.list();
  const people: User[] = [];
  for (const p of PEOPLE) {
    const found = existing.find((u) => u.email === p.email);
    people.push(found ?? (await repos.users.create({ displayName: p.displayName, email: p.email, identities: {}, roles: p.roles }, now)));
  }
  if ((await repos.teams.findByName(DEMO_TEAM)) === null) {
    const id = (name: string) => people.find((u) => u.displayName === name)?.id ?? '';
    await repos.teams.create({ name: DEMO_TEAM, members: [id('Theo Marsh'), id('Ines Alvarez')], managers: [id('Nora Quinn')], channels: {} }, now);
  }
  return people;
}
