import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_CALLBACK_PATH } from '../../app/dashboard/auth/slack-oidc.js';
import { buildSlackManifest, formatSlackManifest, SLACK_BOT_SCOPES, SLACK_SIGN_IN_REDIRECT_PATH, validateSlackManifest, type SlackManifest } from './slack-manifest.js';

const manifest = buildSlackManifest({ publicUrl: 'https://arbot.northwind.example/', appName: 'AR Helpdesk' });
const events = 'https://arbot.northwind.example/slack/events';

describe('buildSlackManifest', () => {
  it('describes the app and its bot user', () => {
    expect(manifest.display_information).toMatchObject({ name: 'AR Helpdesk', background_color: '#2B5797' });
    expect(manifest.display_information.long_description?.length).toBeGreaterThanOrEqual(175);
    expect(manifest.features.bot_user).toEqual({ display_name: 'ar-helpdesk', always_online: true });
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('declares /ar on the events URL, with a usage hint', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/ar', url: events, usage_hint: expect.stringContaining('invoice <number>'), should_escape: false }),
    ]);
  });

  it('asks for the bot scopes, the sign-in user scopes, the OAuth and sign-in redirects, events and interactivity on the public URL', () => {
    expect(manifest.oauth_config).toEqual({
      redirect_urls: ['https://arbot.northwind.example/slack/oauth_redirect', 'https://arbot.northwind.example/api/dashboard/auth/slack/callback'],
      scopes: {
        bot: ['chat:write', 'chat:write.public', 'commands', 'users:read', 'users:read.email', 'im:write', 'channels:read', 'groups:read', 'app_mentions:read', 'im:history', 'files:write'],
        user: ['openid', 'email', 'profile'],
      },
    });
    expect(SLACK_SIGN_IN_REDIRECT_PATH).toBe(SLACK_CALLBACK_PATH);
    expect(manifest.settings).toEqual({
      event_subscriptions: { request_url: events, bot_events: ['app_home_opened', 'app_mention', 'message.im'] },
      interactivity: { is_enabled: true, request_url: events },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    });
  });

  it('writes YAML and JSON that read back as the same manifest', () => {
    const yaml = formatSlackManifest(manifest, 'yaml');
    expect(yaml).toMatch(/^display_information:\n {2}name: AR Helpdesk\n/);
    expect(parse(yaml)).toEqual(manifest);
    expect(JSON.parse(formatSlackManifest(manifest, 'json'))).toEqual(manifest);
  });
});

describe('validateSlackManifest', () => {
  it('accepts the built manifest', () => {
    expect(validateSlackManifest(manifest)).toEqual([]);
  });

  it('rejects http URLs, naming each one', () => {
    const http = buildSlackManifest({ publicUrl: 'http://arbot.northwind.example', appName: 'AR Helpdesk' });
    expect(validateSlackManifest(http)).toEqual([
      'features.slash_commands.0.url: must be an absolute https:// URL',
      'oauth_config.redirect_urls.0: must be an absolute https:// URL',
      'oauth_config.redirect_urls.1: must be an absolute https:// URL',
      'settings.event_subscriptions.request_url: must be an absolute https:// URL',
      'settings.interactivity.request_url: must be an absolute https:// URL',
    ]);
  });

  it('checks command names, field limits, unknown keys and the scopes events need', () => {
    const broken: SlackManifest = {
      ...manifest,
      display_information: { ...manifest.display_information, name: 'x'.repeat(36) },
      features: { ...manifest.features, slash_commands: [{ ...manifest.features.slash_commands[0]!, command: '/AR Desk' }] },
    };
    const withoutScopes = { ...manifest.oauth_config, scopes: { bot: SLACK_BOT_SCOPES.filter((s) => s !== 'im:history' && s !== 'commands') } };
    expect(validateSlackManifest({ ...broken, colour: 'blue' })).toEqual([
      'display_information.name: Too big: expected string to have <=35 characters',
      'features.slash_commands.0.command: must be "/" and 1–31 lower-case letters, digits, "_" or "-"',
      '(manifest): Unrecognized key: "colour"',
    ]);
    expect(validateSlackManifest({ ...manifest, oauth_config: withoutScopes })).toEqual([
      'settings.event_subscriptions.bot_events.2: message.im needs the im:history bot scope',
      'oauth_config.scopes.bot: slash commands need the commands bot scope',
    ]);
    expect(validateSlackManifest({})).toEqual(expect.arrayContaining(['display_information: Invalid input: expected object, received undefined']));
  });
});
