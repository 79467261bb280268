import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCENT_COLOR } from '../brand.js';
import { buildTeamsManifest, TEAMS_MANIFEST_SCHEMA_URL, TEAMS_MANIFEST_VERSION, TEAMS_SEARCH_COMMAND, type TeamsManifest, type TeamsManifestInput } from './teams-manifest.js';
import { validateTeamsManifest } from './validate-teams-manifest.js';

const botId = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function teamsInput(overrides: Partial<TeamsManifestInput> = {}): TeamsManifestInput {
  return { botId, publicUrl: 'https://arbot.northwind.example/', companyName: 'Northwind Traders', version: '1.4.0', ...overrides };
}

describe('buildTeamsManifest', () => {
  const manifest = buildTeamsManifest(teamsInput());

  it('targets the newest 1.2x schema that @microsoft/app-manifest bundles', () => {
    const schemasDir = join(dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');
    const minors = readdirSync(schemasDir).flatMap((name) => /^v1\.(2\d)$/.exec(name)?.[1] ?? []).map(Number);
    expect(TEAMS_MANIFEST_VERSION).toBe(`1.${Math.max(...minors)}`);
    expect(manifest).toMatchObject({ $schema: TEAMS_MANIFEST_SCHEMA_URL, manifestVersion: TEAMS_MANIFEST_VERSION, version: '1.4.0' });
    expect(TEAMS_MANIFEST_SCHEMA_URL).toBe(`https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
  });

  it('declares the bot in personal, team and group chat with its five commands', () => {
    expect(manifest.id).toBe(botId);
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots?.[0];
    expect(bot).toMatchObject({ botId, scopes: ['personal', 'team', 'groupChat'], isNotificationOnly: false });
    expect(bot?.commandLists).toHaveLength(1);
    expect(bot?.commandLists?.[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot?.commandLists?.[0]?.commands.map((c) => c.title)).toEqual(['customer', 'invoice', 'tasks', 'stats', 'help']);
    for (const command of bot?.commandLists?.[0]?.commands ?? []) expect(command.description).toBeTruthy();
  });

  it('declares the message extension on the same bot, with one search command and its query parameter', () => {
    expect(manifest.composeExtensions).toHaveLength(1);
    const extension = manifest.composeExtensions?.[0];
    expect(extension?.botId).toBe(botId);
    expect(extension?.commands).toHaveLength(1);
    const command = extension?.commands?.[0];
    expect(command).toMatchObject({ id: TEAMS_SEARCH_COMMAND.id, type: 'query', initialRun: true, context: ['compose', 'commandBox'] });
    expect(command?.title.length).toBeLessThanOrEqual(32);
    expect(command?.description?.length).toBeLessThanOrEqual(128);
    expect(command?.parameters).toEqual([{ name: 'query', title: 'Customer or invoice', description: TEAMS_SEARCH_COMMAND.parameter.description, inputType: 'text' }]);
    const other = buildTeamsManifest(teamsInput({ manifestId: '00000000-1111-2222-3333-444444444444' }));
    expect(other.composeExtensions?.[0]?.botId).toBe(botId);
  });

  it('has the Dashboard as a personal tab and a configurable tab for channels and chats, on the public URL', () => {
    expect(manifest.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: 'dashboard', name: 'Dashboard', contentUrl: 'https://arbot.northwind.example/tab', websiteUrl: 'https://arbot.northwind.example/tab', scopes: ['personal'] },
    ]);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: 'https://arbot.northwind.example/tab/configure', scopes: ['team', 'groupChat'] }),
    ]);
  });

  it('derives validDomains and the SSO resource from the public URL host', () => {
    expect(manifest.validDomains).toEqual(['arbot.northwind.example']);
    expect(manifest.webApplicationInfo).toEqual({ id: botId, resource: `api://arbot.northwind.example/${botId}` });
    const withPort = buildTeamsManifest(teamsInput({ publicUrl: 'https://dev.example.com:8443' }));
    expect(withPort.validDomains).toEqual(['dev.example.com:8443']);
  });

  it('fills name, description, developer and icons', () => {
    expect(manifest.name).toEqual({ short: 'AR Helpdesk', full: 'AR Helpdesk for Northwind Traders' });
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.developer).toEqual({
      name: 'Northwind Traders',
      websiteUrl: 'https://arbot.northwind.example',
      privacyUrl: 'https://arbot.northwind.example',
      termsOfUseUrl: 'https://arbot.northwind.example',
    });
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
  });

  it('uses the manifest id and developer details when given, and keeps long company names within the limits', () => {
    const other = buildTeamsManifest(teamsInput({
      manifestId: '00000000-1111-2222-3333-444444444444',
      companyName: 'The Very Long Name of a Holding Company International',
      developer: { privacyUrl: 'https://northwind.example/privacy', mpnId: '1234567' },
    }));
    expect(other.id).toBe('00000000-1111-2222-3333-444444444444');
    expect(other.bots?.[0]?.botId).toBe(botId);
    expect(other.developer.name).toHaveLength(32);
    expect(other.developer).toMatchObject({ privacyUrl: 'https://northwind.example/privacy', mpnId: '1234567' });
  });
});

describe('validateTeamsManifest (offline, against the schema bundled in @microsoft/app-manifest)', () => {
  it('accepts the built manifest', async () => {
    expect(await validateTeamsManifest(buildTeamsManifest(teamsInput()))).toEqual([]);
  });

  it('rejects a bot id that is not a GUID', async () => {
    const problems = await validateTeamsManifest(buildTeamsManifest(teamsInput({ botId: 'arbot-bot' })));
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\/bots\/0\/botId must match pattern/),
      expect.stringMatching(/^\/webApplicationInfo\/id must match pattern/),
      expect.stringMatching(/^\/composeExtensions\/0\/botId must match pattern/),
      expect.stringMatching(/^\/id must match pattern/),
    ]));
  });

  it('rejects what the schema catches: a missing field, an unknown one, a bad colour', async () => {
    const { developer: _developer, ...withoutDeveloper } = buildTeamsManifest(teamsInput());
    const broken = { ...withoutDeveloper, accentColor: 'blue', colour: '#fff' } as unknown as TeamsManifest;
    const problems = await validateTeamsManifest(broken);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^\/ must have required property 'developer'/),
      expect.stringMatching(/^\/ must NOT have additional properties.*colour/),
      expect.stringMatching(/^\/accentColor must match pattern/),
    ]));
  });

  it('adds the upload rules the schema leaves open: semver, https tabs on a valid domain', async () => {
    expect(await validateTeamsManifest(buildTeamsManifest(teamsInput({ version: '1.4' })))).toEqual([
      '/version must be MAJOR.MINOR.PATCH with numbers only, got "1.4"',
    ]);
    const http = await validateTeamsManifest(buildTeamsManifest(teamsInput({ publicUrl: 'http://localhost:3978' })));
    expect(http).toContain('/staticTabs/1/contentUrl must be an https URL, got "http://localhost:3978/tab"');
    expect(http).toContain('/configurableTabs/0/configurationUrl must be an https URL, got "http://localhost:3978/tab/configure"');
    const elsewhere = { ...buildTeamsManifest(teamsInput()), validDomains: ['*.contoso.example', 'https://arbot.northwind.example'] };
    expect(await validateTeamsManifest(elsewhere)).toEqual([
      '/validDomains/1 must be a host name without scheme or path, got "https://arbot.northwind.example"',
      '/staticTabs/1/contentUrl is on arbot.northwind.example, which validDomains does not list',
      '/staticTabs/1/websiteUrl is on arbot.northwind.example, which validDomains does not list',
      '/configurableTabs/0/configurationUrl is on arbot.northwind.example, which validDomains does not list',
    ]);
    const wildcard = { ...buildTeamsManifest(teamsInput()), validDomains: ['*.northwind.example'] };
    expect(await validateTeamsManifest(wildcard)).toEqual([]);
  });

  it('reports a manifest version without a bundled schema instead of downloading one', async () => {
    const future = { ...buildTeamsManifest(teamsInput()), manifestVersion: '9.99' } as unknown as TeamsManifest;
    expect(await validateTeamsManifest(future)).toEqual(['/manifestVersion "9.99" has no schema in @microsoft/app-manifest']);
  });
});
