export const ROLES = ['SuperAdmin', 'Manager', 'Analyst'] as const;
export type Role = (typeof ROLES)[number];

/** The chat identities of one person; each is unique per tenant. */
export interface UserIdentities {
  teamsAadObjectId?: string;
  slackUserId?: string;
}

/** A person who works tasks or manages the bot. */
export interface User {
  id: string;
  tenantId: string;
  displayName: string;
  email?: string;
  identities: UserIdentities;
  roles: Role[];
  /** Away users get no new tasks. */
  away: boolean;
  createdAt: Date;
  updatedAt: Date;
}
