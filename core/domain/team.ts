/** Where a team's tasks are posted in each chat platform. */
export interface TeamChannels {
  teams?: { teamId: string; channelId: string };
  slack?: { channelId: string };
}

/** A group of users that share a task queue and a channel. */
export interface Team {
  id: string;
  tenantId: string;
  name: string;
  /** User ids. */
  members: string[];
  channels: TeamChannels;
  /** Where SLA breaches of this team's tasks are escalated (its managers' channel); none → no escalation post. */
  escalationChannels?: TeamChannels;
  /** User ids of the team's managers (told about breaches directly when no escalation channel is set). */
  managers?: string[];
  createdAt: Date;
  updatedAt: Date;
}
