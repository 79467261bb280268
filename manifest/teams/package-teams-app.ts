// The Teams app package: a zip with manifest.json and the two icons at its root, which is what
// Teams Admin Center and "Upload a custom app" accept.
import { colorIcon, outlineIcon } from './icons.js';
import type { TeamsManifest } from './teams-manifest.js';

/** Entries get a fixed date, so the same manifest always packs to the same bytes. */
const ENTRY_TIME = new Date(2020, 0, 1);

/** Zips the manifest with the generated icons; validate the manifest first (validateTeamsManifest). */
export async function packageTeamsApp(manifest: TeamsManifest): Promise<Buffer> {
  const { default: AdmZip } = await import('adm-zip');
  const zip = new AdmZip();
  const files: Array<[string, Buffer]> = [
    ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')],
    // Under the names the manifest gives them, so the two cannot disagree.
    [manifest.icons.color, colorIcon()],
    [manifest.icons.outline, outlineIcon()],
  ];
  for (const [name, content] of files) zip.addFile(name, content).header.time = ENTRY_TIME;
  return zip.toBufferPromise();
}
