// Serves the built page (tab/dist, made by `npm run build:tab` at install time) under /tab:
// the same index.html for the dashboard, the channel-tab configuration page and task views;
// the bundle under /tab/assets. No CDN: everything the page loads comes from here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Response, type Router } from 'express';

/** Where Teams (web, desktop, mobile) and Microsoft 365 may frame the tab. */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
];

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export function tabRouter(distDir: string): Router {
  const router = express.Router();
  const index = join(distDir, 'index.html');
  const sendIndex = (res: Response): void => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The dashboard page is not built: run `npm run build:tab`.');
      return;
    }
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(index);
  };
  router.use('/assets', express.static(join(distDir, 'assets'), { maxAge: '1h', index: false }));
  router.get(['/', '/configure', '/tasks/:taskId', '/search', '/customers/:sorId', '/invoices/:number'], (_req, res) => sendIndex(res));
  return router;
}
