// The system of record: the data in storage (customers, invoices), the last sync run, and the
// settings of ARBOT_SOR_CONNECTOR. The connector's server is not called: `arbot sync run` does that.
import { access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { resolve } from 'node:path';
import { createRepositories } from '../../storage/repositories/index.js';
import { fail, ok, skip, type CheckResult, type DoctorContext } from './check.js';

const NAME = 'SoR';

export async function checkSor(ctx: DoctorContext): Promise<CheckResult[]> {
  return [...(await checkSettings(ctx)), ...(await checkData(ctx))];
}

async function checkSettings(ctx: DoctorContext): Promise<CheckResult[]> {
  const s = ctx.config.sor;
  switch (s.connector) {
    case 'none':
      return [skip(NAME, 'no scheduled sync (ARBOT_SOR_CONNECTOR=none); `arbot import <sor.json|folder>` loads a snapshot')];
    case 'file':
    case 'csv': {
      if (s.path === undefined) return [fail(NAME, `ARBOT_SOR_PATH is not set (needed by the ${s.connector} connector)`, `set ARBOT_SOR_PATH to the ${s.connector === 'file' ? 'sor.json file' : 'folder of CSV exports'}`)];
      try {
        await access(resolve(ctx.cwd, s.path), constants.R_OK);
        return [ok(NAME, `${s.connector} connector reads ${s.path}`)];
      } catch (err) {
        return [fail(NAME, `${s.connector} connector: ${s.path} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`, 'fix ARBOT_SOR_PATH')];
      }
    }
    case 'rest':
    case 'business-central': {
      const missing = [
        ...(s.baseUrl === undefined ? ['ARBOT_SOR_BASE_URL'] : []),
        ...(s.connector === 'rest' && s.mappingFile === undefined ? ['ARBOT_SOR_MAPPING'] : []),
        ...(s.connector === 'business-central' && s.tokenUrl === undefined ? ['ARBOT_SOR_TOKEN_URL'] : []),
        ...(s.tokenUrl !== undefined && (s.clientId === undefined || s.clientSecret === undefined) ? ['ARBOT_SOR_CLIENT_ID and ARBOT_SOR_CLIENT_SECRET'] : []),
      ];
      if (missing.length > 0) return [fail(NAME, `${s.connector} connector: ${missing.join(', ')} not set`, `set ${missing.join(', ')} (README › Configuration)`)];
      return [ok(NAME, `${s.connector} connector settings complete (${s.baseUrl}); the connection is tried by \`arbot sync run\``)];
    }
  }
}

async function checkData(ctx: DoctorContext): Promise<CheckResult[]> {
  if (ctx.db === undefined) return [skip(NAME, 'data not checked: no store to read (see the storage lines)')];
  const repos = createRepositories(ctx.db, ctx.config.tenant.id);
  const { customers, enrolled } = await repos.customers.enrolmentCounts();
  if (customers === 0) return [fail(NAME, 'no customers in storage: nothing can be matched or answered', 'run `arbot import <sor.json|folder>` or configure ARBOT_SOR_CONNECTOR and run `arbot sync run`')];
  const invoices = await ctx.db.collection('invoices').countDocuments({ tenantId: ctx.config.tenant.id });
  const demo = (await repos.settings.get('firstRun.demo')) !== null ? ' (the demo company)' : '';
  const results = [ok(NAME, `${customers} customers (${enrolled} enrolled in automatic replies), ${invoices} invoices in storage${demo}`)];
  const [last] = await repos.syncRuns.latest(1);
  if (last) {
    const when = (last.finishedAt ?? last.startedAt).toISOString();
    results.push(last.status === 'failed' ? fail(NAME, `last sync failed at ${when}: ${last.error ?? 'see `arbot sync status`'}`, 'see `arbot sync status`') : ok(NAME, `last sync ${last.status} at ${when}`));
  } else if (ctx.config.sor.connector !== 'none') {
    results.push(skip(NAME, 'no sync has run yet'));
  }
  return results;
}
