// Bolt's InstallationStore on MongoDB: the OAuth flow stores each workspace's installation
// (with its bot token) here, and Bolt's authorize reads it back for every request from that
// workspace. Tokens are secrets: nothing here logs an installation.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { slackInstallationKey, type SlackInstallationRepo } from '../../../storage/repositories/slack-installation.repo.js';

/** An InstallationStore backed by the tenant's `slack_installations` collection. */
export function mongoInstallationStore(repo: SlackInstallationRepo, clock: () => Date = () => new Date()): InstallationStore {
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const key = slackInstallationKey({ teamId, enterpriseId, isEnterpriseInstall });
      if (key === null) throw new Error('Slack installation has neither a team nor an enterprise id');
      await repo.save({
        key,
        ...(teamId ? { teamId } : {}),
        ...(enterpriseId ? { enterpriseId } : {}),
        isEnterpriseInstall,
        installation: installation as unknown as Record<string, unknown>,
        installedAt: clock(),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const record = await findInstallation(repo, query);
      if (record === null) throw new Error(`no Slack installation for ${describe(query)}`);
      return record;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = slackInstallationKey(query);
      if (key !== null) await repo.delete(key);
    },
  };
}

/** The installation that serves a workspace: its own, or its organization's org-wide one. */
async function findInstallation(repo: SlackInstallationRepo, query: InstallationQuery<boolean>): Promise<Installation | null> {
  const keys = [slackInstallationKey(query), query.enterpriseId ? `E:${query.enterpriseId}` : null].filter((k): k is string => k !== null);
  for (const key of new Set(keys)) {
    const record = await repo.get(key);
    if (record !== null) return record.installation as unknown as Installation;
  }
  return null;
}

function describe(query: InstallationQuery<boolean>): string {
  return query.isEnterpriseInstall ? `enterprise ${query.enterpriseId ?? '?'}` : `team ${query.teamId ?? '?'}`;
}

/** The bot token of a stored installation (read by the channel adapter's client resolver). */
export function botTokenOf(installation: Record<string, unknown>): string | undefined {
  const bot = installation['bot'];
  if (typeof bot !== 'object' || bot === null) return undefined;
  const token = (bot as { token?: unknown }).token;
  return typeof token === 'string' && token !== '' ? token : undefined;
}
