// Display names for ids in panel rows: users, teams and customers of the tenant.
import type { Db } from 'mongodb';

export interface Names {
  user(id: string | null | undefined): string;
  team(id: string | null | undefined): string;
  customer(sorId: string | null | undefined): string;
}

/** Loads the names of every user and team, and of the given customers (by SoR id). */
export async function loadNames(db: Db, tenantId: string, customerSorIds: readonly string[] = []): Promise<Names> {
  const [users, teams, customers] = await Promise.all([
    db.collection('users').find({ tenantId }, { projection: { displayName: 1 } }).toArray(),
    db.collection('teams').find({ tenantId }, { projection: { name: 1 } }).toArray(),
    customerSorIds.length === 0
      ? Promise.resolve([])
      : db.collection('customers').find({ tenantId, sorId: { $in: [...new Set(customerSorIds)] } }, { projection: { sorId: 1, name: 1 } }).toArray(),
  ]);
  const userNames = new Map(users.map((u) => [String(u._id), String(u['displayName'])]));
  const teamNames = new Map(teams.map((t) => [String(t._id), String(t['name'])]));
  const customerNames = new Map(customers.map((c) => [String(c['sorId']), String(c['name'])]));
  return {
    user: (id) => (id ? (userNames.get(id) ?? id) : 'unassigned'),
    team: (id) => (id ? (teamNames.get(id) ?? id) : 'no team'),
    customer: (sorId) => (sorId ? (customerNames.get(sorId) ? `${customerNames.get(sorId)} (${sorId})` : sorId) : 'unknown'),
  };
}
