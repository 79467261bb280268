// Offline validation of a Teams app manifest: the official JSON schema that
// @microsoft/app-manifest bundles for its manifestVersion, plus the few rules Teams enforces
// at upload that the schema does not express.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AppManifestUtils } from '@microsoft/app-manifest';
import type { TeamsManifest } from './teams-manifest.js';

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Problems with the manifest, one line each; empty when Teams would accept it. Never touches the network. */
export async function validateTeamsManifest(manifest: TeamsManifest): Promise<string[]> {
  const schema = await bundledSchema(String(manifest.manifestVersion));
  if (typeof schema === 'string') return [schema];
  // Loaded on first use: the package and its ajv cost every other CLI command ~130 ms at start-up.
  const { AppManifestUtils: utils } = await import('@microsoft/app-manifest');
  const schemaProblems = await utils.validateAgainstSchema(manifest, schema);
  return [...schemaProblems.map(tidy), ...uploadRuleProblems(manifest)];
}

/**
 * The schema file shipped in the package. Read here rather than through its $schema URL so that
 * a version missing from the bundle is an error, not a silent download.
 */
async function bundledSchema(manifestVersion: string): Promise<ManifestSchema | string> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  const file = join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return `/manifestVersion ${JSON.stringify(manifestVersion)} has no schema in @microsoft/app-manifest`;
    throw err;
  }
  // The published schemas contain \a and \v escapes, which JSON does not allow; the package fixes them the same way.
  return JSON.parse(text.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as ManifestSchema;
}

/** "` must have required property 'id'`" → "/ must have required property 'id'": every line starts with the path. */
function tidy(problem: string): string {
  const line = problem.trim();
  return line.startsWith('/') ? line : `/ ${line}`;
}

/** Rules Teams checks when the package is uploaded that the 1.2x schemas leave open. */
function uploadRuleProblems(manifest: TeamsManifest): string[] {
  const problems: string[] = [];
  if (!semver.test(manifest.version)) problems.push(`/version must be MAJOR.MINOR.PATCH with numbers only, got ${JSON.stringify(manifest.version)}`);
  const domains = manifest.validDomains ?? [];
  domains.forEach((domain, i) => {
    if (domain.includes('/') || domain === '*') problems.push(`/validDomains/${i} must be a host name without scheme or path, got ${JSON.stringify(domain)}`);
  });
  const tabUrls: Array<[path: string, url: string | undefined]> = [
    ...(manifest.staticTabs ?? []).flatMap((tab, i): Array<[string, string | undefined]> => [
      [`/staticTabs/${i}/contentUrl`, tab.contentUrl],
      [`/staticTabs/${i}/websiteUrl`, tab.websiteUrl],
    ]),
    ...(manifest.configurableTabs ?? []).map((tab, i): [string, string | undefined] => [`/configurableTabs/${i}/configurationUrl`, tab.configurationUrl]),
  ];
  for (const [path, url] of tabUrls) {
    if (url === undefined) continue;
    const host = hostOf(url);
    if (host === undefined || !url.toLowerCase().startsWith('https://')) {
      problems.push(`${path} must be an https URL, got ${JSON.stringify(url)}`);
    } else if (!domains.some((domain) => covers(domain, host))) {
      problems.push(`${path} is on ${host}, which validDomains does not list`);
    }
  }
  return problems;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined; // not a URL at all: reported by the caller
  }
}

/** `*.example.com` covers one level of subdomain, as in Teams. */
function covers(domain: string, host: string): boolean {
  const d = domain.toLowerCase();
  const h = host.toLowerCase();
  if (!d.startsWith('*.')) return d === h;
  const rest = h.slice(h.indexOf('.') + 1);
  return h.includes('.') && rest === d.slice(2);
}
