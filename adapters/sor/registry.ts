// Every SoR connector, by the name ARBOT_SOR_CONNECTOR uses. Adding a system of record means
// writing its folder and adding one line here.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SorConnectorError, type SorConnector } from '../../core/sor/sor-connector.js';
import { BusinessCentralConnector } from './business-central/business-central.connector.js';
import { CsvConnector } from './csv/csv.connector.js';
import { SorJsonConnector } from './file/sor-json.connector.js';
import { parseRestConfig, RestConnector } from './rest/rest.connector.js';
import { SorHttp, type SorAuth } from './rest/sor-http.js';

/** The SoR part of arbot's configuration (ArbotConfig['sor']), repeated here so adapters do not import app/. */
export interface SorSettings {
  connector: 'none' | 'file' | 'csv' | 'rest' | 'business-central';
  path?: string;
  mappingFile?: string;
  baseUrl?: string;
  apiKey?: string;
  tokenUrl?: string;
  clientId?: string;
  clientSecret?: string;
  scope?: string;
  requestsPerSecond: number;
  maxRetries: number;
  defaultCurrency: string;
}

export interface ConnectorContext {
  settings: SorSettings;
  cwd: string;
  fetch?: typeof fetch;
}

type Factory = (ctx: ConnectorContext) => Promise<SorConnector>;

function need<T>(value: T | undefined, what: string, connector: string): T {
  if (value === undefined) throw new SorConnectorError('invalid_config', `${what} is required for the ${connector} connector`);
  return value;
}

/** The mapping file's content (JSON or YAML), or {} when none is configured. */
async function mappingOf(ctx: ConnectorContext): Promise<Record<string, unknown>> {
  if (ctx.settings.mappingFile === undefined) return {};
  const path = resolve(ctx.cwd, ctx.settings.mappingFile);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new SorConnectorError('invalid_config', `ARBOT_SOR_MAPPING: cannot read ${path} (${(err as Error).message})`, { cause: err });
  }
  try {
    const parsed: unknown = ['.yaml', '.yml'].includes(extname(path).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch (err) {
    throw new SorConnectorError('invalid_config', `ARBOT_SOR_MAPPING: ${path} is not valid ${extname(path) === '.json' ? 'JSON' : 'JSON or YAML'} (${(err as Error).message})`, { cause: err });
  }
}

function httpFor(ctx: ConnectorContext, auth: SorAuth): SorHttp {
  return new SorHttp({
    auth,
    requestsPerSecond: ctx.settings.requestsPerSecond,
    maxRetries: ctx.settings.maxRetries,
    ...(ctx.fetch && { fetch: ctx.fetch }),
  });
}

function oauthOf(s: SorSettings, defaultScope?: string): SorAuth | undefined {
  if (s.tokenUrl === undefined || s.clientId === undefined || s.clientSecret === undefined) return undefined;
  const scope = s.scope ?? defaultScope;
  return { type: 'oauth2', tokenUrl: s.tokenUrl, clientId: s.clientId, clientSecret: s.clientSecret, ...(scope !== undefined && { scope }) };
}

export const connectors: Record<Exclude<SorSettings['connector'], 'none'>, Factory> = {
  file: async (ctx) => new SorJsonConnector(resolve(ctx.cwd, need(ctx.settings.path, 'ARBOT_SOR_PATH', 'file'))),
  csv: async (ctx) => new CsvConnector(resolve(ctx.cwd, need(ctx.settings.path, 'ARBOT_SOR_PATH', 'csv')), (await mappingOf(ctx))['csv'] ?? {}),
  rest: async (ctx) => {
    const config = parseRestConfig(need((await mappingOf(ctx))['rest'], 'a "rest" section in ARBOT_SOR_MAPPING', 'rest'));
    const s = ctx.settings;
    const auth: SorAuth =
      oauthOf(s) ??
      (s.apiKey !== undefined ? { type: 'api_key', header: config.apiKeyHeader, key: s.apiKey, ...(config.apiKeyPrefix !== undefined && { prefix: config.apiKeyPrefix }) } : { type: 'none' });
    return new RestConnector(config, httpFor(ctx, auth), need(config.baseUrl ?? s.baseUrl, 'ARBOT_SOR_BASE_URL', 'rest'));
  },
  'business-central': async (ctx) => {
    const s = ctx.settings;
    const auth = need(oauthOf(s, 'https://api.businesscentral.dynamics.com/.default'), 'ARBOT_SOR_TOKEN_URL, ARBOT_SOR_CLIENT_ID and ARBOT_SOR_CLIENT_SECRET', 'business-central');
    return new BusinessCentralConnector(httpFor(ctx, auth), {
      companyUrl: need(s.baseUrl, 'ARBOT_SOR_BASE_URL', 'business-central'),
      defaults: { currency: s.defaultCurrency, paymentMethod: 'wire' },
    });
  },
};

/** The configured connector, or undefined when the sync is off (ARBOT_SOR_CONNECTOR=none). */
export async function connectorFor(ctx: ConnectorContext): Promise<SorConnector | undefined> {
  if (ctx.settings.connector === 'none') return undefined;
  return connectors[ctx.settings.connector](ctx);
}

/** A connector for `arbot import <path>`: a sor.json file, or a folder holding sor.json or CSV exports. */
export async function importConnectorFor(path: string, ctx: Omit<ConnectorContext, 'settings'> & { settings?: SorSettings }): Promise<SorConnector> {
  const target = resolve(ctx.cwd, path);
  let info;
  try {
    info = await stat(target);
  } catch (err) {
    throw new SorConnectorError('not_found', `${path}: no such file or folder`, { cause: err });
  }
  if (info.isFile()) return new SorJsonConnector(target);
  try {
    if ((await stat(join(target, 'sor.json'))).isFile()) return new SorJsonConnector(join(target, 'sor.json'));
  } catch {
    // no sor.json: a folder of CSV exports
  }
  const mapping = ctx.settings ? (await mappingOf({ ...ctx, settings: ctx.settings }))['csv'] : undefined;
  return new CsvConnector(target, mapping ?? {});
}
