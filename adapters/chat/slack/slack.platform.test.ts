import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { configFixture } from '../../../app/config/config.fixture.js';
import { slackPlatform, slackSettings } from './slack.platform.js';

const slack = (s: Record<string, string>) => ({ slack: { ...configFixture().slack, ...s } });

describe('Slack settings', () => {
  it('is off without a signing secret, and says why when other Slack settings are set', () => {
    expect(slackSettings(slack({}))).toEqual({ configured: false });
    expect(slackSettings(slack({ botToken: 'xoxb-1' }))).toMatchObject({ configured: false, problem: expect.stringContaining('SLACK_SIGNING_SECRET') });
  });

  it('one workspace with a bot token; many through OAuth, which wins when both are set', () => {
    expect(slackSettings(slack({ signingSecret: 's', botToken: 'xoxb-1' }))).toEqual({ configured: true, signingSecret: 's', auth: { kind: 'token', botToken: 'xoxb-1' } });
    const oauth = { signingSecret: 's', clientId: 'c', clientSecret: 'cs', stateSecret: 'st' };
    expect(slackSettings(slack(oauth))).toEqual({ configured: true, signingSecret: 's', auth: { kind: 'oauth', clientId: 'c', clientSecret: 'cs', stateSecret: 'st' } });
    expect(slackSettings(slack({ ...oauth, botToken: 'xoxb-1' }))).toMatchObject({ configured: true, auth: { kind: 'oauth' }, warning: expect.stringContaining('ignored') });
  });

  it('needs the whole OAuth trio, or a token', () => {
    expect(slackSettings(slack({ signingSecret: 's', clientId: 'c' }))).toMatchObject({ configured: false, problem: expect.stringContaining('SLACK_BOT_TOKEN') });
    expect(slackSettings(slack({ signingSecret: 's', clientId: 'c', botToken: 'xoxb-1' }))).toMatchObject({ configured: true, auth: { kind: 'token' }, warning: expect.stringContaining('together') });
    // Client id and secret without a state secret: the dashboards' "Sign in with Slack", no warning.
    expect(slackSettings(slack({ signingSecret: 's', clientId: 'c', clientSecret: 'x', botToken: 'xoxb-1' }))).not.toHaveProperty('warning');
  });

  it('the factory returns null when Slack is not configured', async () => {
    const desk = {} as Parameters<typeof slackPlatform>[0]['desk'];
    expect(await slackPlatform({ config: configFixture(), desk, logger: pino({ level: 'silent' }) })).toBeNull();
  });
});
