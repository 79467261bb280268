// The Teams and Slack settings: their environment variables, the canonical spelling of
// MICROSOFT_APP_TYPE, the GUID check on the manifest id, and which of them are secret.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, type Env } from './load.js';
import { settings } from './schema.js';

const load = (env: Env) => loadConfig({ env, cwd: mkdtempSync(join(tmpdir(), 'arbot-chat-config-')), defaults: { hostname: 'h', pid: 1 } });

describe('Teams and Slack settings', () => {
  it('reads every Teams and Slack variable', () => {
    const config = load({
      MICROSOFT_APP_ID: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', MICROSOFT_APP_PASSWORD: 'pw', MICROSOFT_APP_TENANT_ID: 'tenant-guid',
      MICROSOFT_APP_TYPE: 'multitenant', ARBOT_TEAMS_ALLOW_UNAUTHENTICATED: 'true', ARBOT_TEAMS_MANIFEST_ID: '0A0B0C0D-1111-2222-3333-444455556666',
      SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'sig', SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'cs', SLACK_STATE_SECRET: 'st',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
    });
    expect(config.teams).toEqual({
      appId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f', appPassword: 'pw', tenantId: 'tenant-guid', appType: 'MultiTenant',
      allowUnauthenticated: true, manifestAppId: '0A0B0C0D-1111-2222-3333-444455556666',
    });
    expect(config.slack).toEqual({ botToken: 'xoxb-1', signingSecret: 'sig', clientId: '123.456', clientSecret: 'cs', stateSecret: 'st', apiUrl: 'http://127.0.0.1:9999/api/' });
  });

  it('spells MICROSOFT_APP_TYPE as Azure does, whatever the case it was given in', () => {
    expect(load({ MICROSOFT_APP_TYPE: 'userassignedmsi' }).teams.appType).toBe('UserAssignedMSI');
    expect(load({ MICROSOFT_APP_TYPE: ' SingleTenant ' }).teams.appType).toBe('SingleTenant');
    expect(() => load({ MICROSOFT_APP_TYPE: 'AnyTenant' })).toThrow(/MICROSOFT_APP_TYPE \(teams\.appType\): must be one of MultiTenant, SingleTenant, UserAssignedMSI/);
  });

  it('wants a GUID for ARBOT_TEAMS_MANIFEST_ID and a URL for SLACK_API_URL', () => {
    expect(() => load({ ARBOT_TEAMS_MANIFEST_ID: 'arbot' })).toThrow(/ARBOT_TEAMS_MANIFEST_ID \(teams\.manifestAppId\): must be a GUID/);
    expect(() => load({ SLACK_API_URL: 'slack.com/api' })).toThrow(/SLACK_API_URL \(slack\.apiUrl\): must be an absolute/);
  });

  it('treats passwords, tokens and secrets as secret, and ids as not', () => {
    const secret = settings.filter((s) => s.key.startsWith('teams.') || s.key.startsWith('slack.')).filter((s) => s.secret).map((s) => s.env);
    expect(secret.sort()).toEqual(['MICROSOFT_APP_PASSWORD', 'SLACK_BOT_TOKEN', 'SLACK_CLIENT_SECRET', 'SLACK_SIGNING_SECRET', 'SLACK_STATE_SECRET']);
  });
});
