// The dashboard API under /api/dashboard: who am I, the filter choices, each panel's figures,
// its datasets and drill-down list as JSON or CSV, and the task detail. Every route but
// /auth/config and the sign-in routes under /auth needs a signed-in viewer (see auth/authenticate.ts).
import express, { type Request, type Response, type Router } from 'express';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { INTENTS } from '../../core/pipeline/intents.js';
import { auditDenied } from '../../bot/authorize.js';
import type { RecordActionDeps } from '../../bot/records/record-deps.js';
import type { Repositories } from '../../storage/repositories/index.js';
import { authenticate, forbidden, viewerFrom, type AuthenticateDeps } from './auth/authenticate.js';
import type { Viewer } from './auth/viewer.js';
import { toCsv } from './csv.js';
import { parseFilter, parsePaging, type DashboardFilter } from './filters.js';
import { isPanelId, PANEL_IDS, type Panel, type QueryContext, type Row } from './panel.js';
import { panels } from './panels/index.js';
import { recordsApi } from './records-api.js';
import { scopeFor } from './scope.js';
import { taskDetail } from './task-detail.js';

/** Most rows one CSV export of a drill-down list holds. */
export const CSV_MAX_ROWS = 50_000;

export interface DashboardApiDeps extends Omit<AuthenticateDeps, 'repos'> {
  db: Db;
  tenantId: string;
  repos: Repositories;
  logger: Logger;
  /** Which sign-in methods the page may offer (shown before sign-in). */
  signIn: { teams: boolean; apiToken: boolean; slack: boolean };
  /** "Sign in with Slack" routes under /auth (slack/login, slack/callback, logout); absent when not configured. */
  slackSignIn?: Router;
  /** The customer and invoice records' use-case deps, for /records (absent: no records routes). */
  records?: () => Promise<RecordActionDeps>;
}

export function dashboardApi(deps: DashboardApiDeps): Router {
  const router = express.Router();
  const ctx = (): QueryContext => ({ db: deps.db, tenantId: deps.tenantId, now: deps.clock() });

  router.get('/auth/config', (_req, res) => {
    res.json(deps.signIn);
  });
  if (deps.slackSignIn) router.use('/auth', deps.slackSignIn);

  router.use(authenticate(deps));
  if (deps.records) router.use('/records', recordsApi({ records: deps.records }));

  router.get('/me', (_req, res) => {
    const viewer = viewerFrom(res);
    res.json({
      user: { id: viewer.user.id, displayName: viewer.user.displayName, roles: viewer.user.roles },
      scope: viewer.seesAll ? 'all' : 'own',
      via: viewer.via,
      panels: PANEL_IDS.map((id) => panels[id])
        .filter((p) => viewer.seesAll || p.analysts)
        .map((p) => ({ id: p.id, title: p.title, filters: p.filters })),
    });
  });

  router.get('/options', async (_req, res) => {
    const viewer = viewerFrom(res);
    const [users, teams, customers, mailboxes] = await Promise.all([
      deps.repos.users.list(),
      deps.repos.teams.list(),
      viewer.seesAll ? deps.repos.customers.list() : Promise.resolve([]),
      viewer.seesAll ? deps.db.collection('emails').distinct('mailbox', { tenantId: deps.tenantId }) : Promise.resolve([]),
    ]);
    res.json({
      intents: INTENTS,
      mailboxes: mailboxes.filter((m): m is string => typeof m === 'string').sort(),
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      users: (viewer.seesAll ? users : users.filter((u) => u.id === viewer.user.id)).map((u) => ({ id: u.id, name: u.displayName })),
      customers: customers.map((c) => ({ id: c.sorId, name: c.name })),
    });
  });

  /** Resolves the panel and the viewer's filter, or answers 400/403/404 and returns null. */
  async function prepare(req: Request, res: Response): Promise<{ panel: Panel; filter: DashboardFilter; viewer: Viewer } | null> {
    const id = String(req.params['panel']);
    if (!isPanelId(id)) {
      res.status(404).json({ error: 'not_found', message: `no panel ${id}; panels: ${PANEL_IDS.join(', ')}` });
      return null;
    }
    const parsed = parseFilter(req.query as Record<string, unknown>, deps.clock());
    if (!parsed.ok) {
      res.status(400).json({ error: 'bad_request', message: parsed.error });
      return null;
    }
    const viewer = viewerFrom(res);
    const panel = panels[id];
    const scoped = scopeFor(viewer, panel, parsed.value);
    if (!scoped.ok) {
      await auditDenied({ repos: deps.repos, clock: deps.clock }, viewer.user.id, 'dashboard.view', { type: 'dashboard', id: panel.id }, 'forbidden', scoped.reason);
      forbidden(res, `Your role does not allow this: ${scoped.reason}.`);
      return null;
    }
    return { panel, filter: scoped.filter, viewer };
  }

  router.get('/panels/:panel', async (req, res) => {
    const p = await prepare(req, res);
    if (!p) return;
    res.json(await p.panel.summary(ctx(), p.filter));
  });

  router.get('/panels/:panel/datasets/:dataset.csv', async (req, res) => {
    const p = await prepare(req, res);
    if (!p) return;
    const result = await p.panel.summary(ctx(), p.filter);
    const dataset = result.datasets.find((d) => d.id === req.params['dataset']);
    if (!dataset) {
      res.status(404).json({ error: 'not_found', message: `panel ${p.panel.id} has no dataset ${String(req.params['dataset'])}` });
      return;
    }
    sendCsv(res, `${p.panel.id}-${dataset.id}.csv`, toCsv(dataset.columns, dataset.rows));
  });

  router.get('/panels/:panel/figures.csv', async (req, res) => {
    const p = await prepare(req, res);
    if (!p) return;
    const result = await p.panel.summary(ctx(), p.filter);
    const rows: Row[] = result.figures.map((f) => ({ figure: f.label, value: f.value }));
    sendCsv(res, `${p.panel.id}-figures.csv`, toCsv([{ key: 'figure', label: 'Figure', type: 'text' }, { key: 'value', label: 'Value', type: 'text' }], rows));
  });

  router.get('/panels/:panel/rows', async (req, res) => {
    const p = await prepare(req, res);
    if (!p) return;
    const paging = parsePaging(req.query as Record<string, unknown>);
    if (!paging.ok) {
      res.status(400).json({ error: 'bad_request', message: paging.error });
      return;
    }
    res.json(await p.panel.rows(ctx(), p.filter, paging.value));
  });

  router.get('/panels/:panel/rows.csv', async (req, res) => {
    const p = await prepare(req, res);
    if (!p) return;
    const page = await p.panel.rows(ctx(), p.filter, { page: 1, pageSize: CSV_MAX_ROWS });
    sendCsv(res, `${p.panel.id}-list.csv`, toCsv(page.columns, page.rows));
  });

  router.get('/tasks/:id', async (req, res) => {
    const detail = await taskDetail(deps.repos, viewerFrom(res), String(req.params['id']));
    if (detail === null) {
      res.status(404).json({ error: 'not_found', message: 'no such task' });
      return;
    }
    res.json(detail);
  });

  return router;
}

function sendCsv(res: Response, filename: string, csv: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(csv);
}
