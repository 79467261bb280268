// Builds the dashboard page into tab/dist (run at install time by `prepare`, or `npm run build:tab`):
// one bundled, minified script (teams-js and Chart.js included, no CDN), the stylesheet and index.html.
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const dist = join(here, 'dist');

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'assets'), { recursive: true });
const result = await build({
  entryPoints: { app: join(src, 'main.ts'), 'app-styles': join(src, 'styles.css') },
  outdir: join(dist, 'assets'),
  entryNames: '[name]',
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'safari15'],
  sourcemap: true,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
});
// esbuild names the CSS entry after its key; the page links /tab/assets/app.css.
await copyFile(join(dist, 'assets', 'app-styles.css'), join(dist, 'assets', 'app.css'));
await rm(join(dist, 'assets', 'app-styles.css'));
await rm(join(dist, 'assets', 'app-styles.css.map'), { force: true });
await copyFile(join(src, 'index.html'), join(dist, 'index.html'));
const bytes = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('app.js')).map(([, o]) => o.bytes)[0] ?? 0;
console.log(`tab: built ${join('tab', 'dist')} (app.js ${Math.round(bytes / 1024)} KiB)`);
