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
  createdAt: Date;
  updatedAt: Date;
}
