import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig, type Env } from './load.js';

const defaults = { hostname: 'host', pid: 42 };

function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'arbot-config-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

function load(env: Env = {}, files: Record<string, string> = {}, file?: string) {
  return loadConfig({ env, cwd: tempDir(files), defaults, ...(file ? { file } : {}) });
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('returns the defaults when nothing is set', () => {
    expect(load()).toEqual({
      server: { host: '127.0.0.1', port: 3978 },
      storage: { dataDir: './data', dbName: 'arbot', embeddedPort: 0, journalCompactBytes: 67108864 },
      log: { level: 'info', pretty: false },
      jobs: { enabled: true, workerName: 'host-42', maxConcurrency: 10, processEvery: '5 seconds' },
      tenant: { id: 'default' },
      demo: { mode: 'auto' },
      pipeline: { model: 'offline' },
      automation: { intents: ['invoice_copy', 'balance_statement', 'payment_status'], minConfidence: 0.5, minConfidenceByIntent: {}, requireDmarcPass: true },
      matching: { relaxedRules: ['case_or_separators', 'missing_prefix', 'leading_zeros', 'one_digit_typo', 'transposed_digits', 'po_number'] },
      company: { name: 'Accounts Receivable' },
      replies: { shadowMode: false, threadWindowHours: 24, maxAutoRepliesPerRecipientPerDay: 5, sendLeaseSeconds: 300, maxSendAttempts: 5, outboxDir: './outbox' },
      tasks: { maxOpenPerUser: 25 },
      openai: { model: 'gpt-4.1-mini', timeoutMs: 20000, maxRetries: 2 },
      teams: { appType: 'SingleTenant', allowUnauthenticated: false },
      slack: {},
      mail: {
        provider: 'none', folder: './inbox', moveProcessed: false, pollEvery: '1 minute', imapPort: 993, imapSecure: true, imapFolder: 'INBOX',
        smtpPort: 587, smtpSecure: false, saveToSent: true, graphFolder: 'inbox', gmailLabel: 'INBOX',
      },
      dashboard: { ssoJwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys', sessionHours: 8 },
      sor: { connector: 'none', requestsPerSecond: 5, maxRetries: 4, syncEvery: '15 minutes', fullSyncHours: 24, batchSize: 500, defaultCurrency: 'USD' },
    });
  });

  it('coerces environment strings to numbers, booleans and enums', () => {
    const config = load({
      PORT: '8080', LOG_PRETTY: '1', ARBOT_JOBS_ENABLED: 'false', LOG_LEVEL: 'DEBUG',
      ARBOT_JOBS_CONCURRENCY: ' 3 ', MONGODB_URI: 'mongodb://h1:27017,h2:27017/db?replicaSet=rs0',
      ARBOT_PUBLIC_URL: 'https://bot.example.com',
    });
    expect(config.server).toEqual({ host: '127.0.0.1', port: 8080, publicUrl: 'https://bot.example.com' });
    expect(config.log).toEqual({ level: 'debug', pretty: true });
    expect(config.jobs.enabled).toBe(false);
    expect(config.jobs.maxConcurrency).toBe(3);
    expect(config.storage.mongodbUri).toBe('mongodb://h1:27017,h2:27017/db?replicaSet=rs0');
  });

  it('reads the OpenAI settings from the environment', () => {
    const config = load({
      OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'https://r.openai.azure.com', OPENAI_MODEL: 'ar-mini',
      OPENAI_AZURE_API_VERSION: '2024-10-21', OPENAI_TIMEOUT_MS: '30000', OPENAI_MAX_RETRIES: '0',
    });
    expect(config.openai).toEqual({
      apiKey: 'sk-test', baseUrl: 'https://r.openai.azure.com', model: 'ar-mini',
      azureApiVersion: '2024-10-21', timeoutMs: 30000, maxRetries: 0,
    });
    expect(() => load({ OPENAI_TIMEOUT_MS: '10' })).toThrow(/OPENAI_TIMEOUT_MS \(openai\.timeoutMs\): must be an integer between 1000 and 600000/);
    expect(() => load({ OPENAI_BASE_URL: 'localhost:11434' })).toThrow(/OPENAI_BASE_URL \(openai\.baseUrl\): must be an absolute/);
  });

  it('reads the template overrides folder from ARBOT_TEMPLATES_DIR', () => {
    expect(load({ ARBOT_TEMPLATES_DIR: './my-templates' }).replies.templatesDir).toBe('./my-templates');
  });

  it('reads the reply and outbox settings from the environment', () => {
    const config = load({
      ARBOT_SHADOW_MODE: 'true', ARBOT_THREAD_WINDOW_HOURS: '48', ARBOT_MAX_AUTO_REPLIES_PER_RECIPIENT: '2',
      ARBOT_SEND_LEASE_SECONDS: '600', ARBOT_MAX_SEND_ATTEMPTS: '8', ARBOT_OUTBOX_DIR: '/var/arbot/outbox',
    });
    expect(config.replies).toEqual({
      shadowMode: true, threadWindowHours: 48, maxAutoRepliesPerRecipientPerDay: 2,
      sendLeaseSeconds: 600, maxSendAttempts: 8, outboxDir: '/var/arbot/outbox',
    });
    expect(() => load({ ARBOT_SEND_LEASE_SECONDS: '5' })).toThrow(/ARBOT_SEND_LEASE_SECONDS \(replies\.sendLeaseSeconds\): must be an integer between 30 and 86400/);
  });

  it('treats an empty variable as unset', () => {
    expect(load({ PORT: '', MONGODB_URI: '' }).server.port).toBe(3978);
  });

  it('reads arbot.config.json and lets the environment override it', () => {
    const files = { 'arbot.config.json': JSON.stringify({ server: { port: 4000, host: '0.0.0.0' }, tenant: { id: 'acme' } }) };
    const config = load({ PORT: '5000' }, files);
    expect(config.server).toEqual({ host: '0.0.0.0', port: 5000 });
    expect(config.tenant.id).toBe('acme');
  });

  it('reads a YAML config file', () => {
    const config = load({}, { 'arbot.config.yaml': 'log:\n  level: warn\n  pretty: true\njobs:\n  enabled: false\n' });
    expect(config.log).toEqual({ level: 'warn', pretty: true });
    expect(config.jobs.enabled).toBe(false);
  });

  it('reads the file named by ARBOT_CONFIG, and an explicit file before that', () => {
    const dir = tempDir({ 'a.yml': 'tenant:\n  id: from-a\n', 'b.yml': 'tenant:\n  id: from-b\n' });
    expect(loadConfig({ env: { ARBOT_CONFIG: 'a.yml' }, cwd: dir, defaults }).tenant.id).toBe('from-a');
    expect(loadConfig({ env: { ARBOT_CONFIG: 'a.yml' }, cwd: dir, defaults, file: 'b.yml' }).tenant.id).toBe('from-b');
  });

  it('reports a missing ARBOT_CONFIG file', () => {
    expect(() => load({ ARBOT_CONFIG: 'nope.yaml' })).toThrow(/ARBOT_CONFIG: config file not found: .*nope\.yaml/);
  });

  it('refuses two config files in the working directory', () => {
    expect(() => load({}, { 'arbot.config.json': '{}', 'arbot.config.yml': '' })).toThrow(/keep only one/);
  });

  it('names unknown keys in the config file', () => {
    const error = errorOf(() => load({}, { 'arbot.config.yaml': 'server:\n  prot: 1\ncolour: blue\n' }));
    expect(error.message).toMatch(/unknown key server\.prot in .*arbot\.config\.yaml/);
    expect(error.message).toMatch(/unknown key colour in /);
  });

  it('reports a section that is not an object', () => {
    expect(() => load({}, { 'arbot.config.json': '{"server": 5}' })).toThrow(/server: .*expected object/);
  });

  it('reports a malformed file in one line without quoting its content', () => {
    const error = errorOf(() => load({}, { 'arbot.config.json': 'mongodb://u:hunter22@h' }));
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toMatch(/arbot\.config\.json: cannot parse/);
    expect(error.message).not.toContain('hunter22');
  });

  it('gives a one-line error naming MONGODB_URI for a bad URI, without the secret', () => {
    const error = errorOf(() => load({ MONGODB_URI: 'postgres://admin:hunter22@db.example.com/x' }));
    expect(error.message).toBe(
      'Invalid configuration: MONGODB_URI (storage.mongodbUri): must be a mongodb:// or mongodb+srv:// URI',
    );
  });

  it('passes on the driver\'s reason for an unparsable MongoDB URI, without the secret', () => {
    const error = errorOf(() => load({ MONGODB_URI: 'mongodb://admin:hunter22@db.example.com/?bogusOption=hunter22' }));
    expect(error.message.split('\n')).toHaveLength(1);
    expect(error.message).toMatch(/^Invalid configuration: MONGODB_URI \(storage\.mongodbUri\): is not a valid MongoDB connection string: /);
    expect(error.message).not.toContain('hunter22');
  });

  it('names PORT for a bad port, one line per problem', () => {
    const error = errorOf(() => load({ PORT: '70000', ARBOT_JOBS_ENABLED: 'maybe' }));
    expect(error.problems).toEqual([
      'PORT (server.port): must be an integer between 1 and 65535',
      'ARBOT_JOBS_ENABLED (jobs.enabled): must be true, false, 1 or 0',
    ]);
    expect(error.message.split('\n')).toEqual(error.problems.map((p) => `Invalid configuration: ${p}`));
    expect(() => load({ PORT: 'http' })).toThrow(/PORT \(server\.port\): must be an integer/);
  });

  it('says when a bad value came from the config file', () => {
    expect(() => load({}, { 'arbot.config.json': '{"server": {"port": 0}}' })).toThrow(
      /PORT \(server\.port\): must be an integer between 1 and 65535 \(set in .*arbot\.config\.json\)/,
    );
  });
});
