import AdmZip from 'adm-zip';
import { describe, expect, it } from 'vitest';
import { decodePng, pixelAt } from '../../test/support/decode-png.js';
import { ACCENT_COLOR } from '../brand.js';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons.js';
import { packageTeamsApp } from './package-teams-app.js';
import { buildTeamsManifest } from './teams-manifest.js';

const manifest = buildTeamsManifest({
  botId: '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  publicUrl: 'https://arbot.northwind.example',
  companyName: 'Northwind Traders',
  version: '1.0.0',
});

function entries(zip: Buffer): Map<string, Buffer> {
  return new Map(new AdmZip(zip).getEntries().map((entry) => [entry.entryName, entry.getData()]));
}

describe('packageTeamsApp', () => {
  it('zips manifest.json, color.png and outline.png at the root', async () => {
    const files = entries(await packageTeamsApp(manifest));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '')).toEqual(manifest);
  });

  it('draws a 192×192 colour icon on the accent colour and a 32×32 white outline on transparency', async () => {
    const files = entries(await packageTeamsApp(manifest));
    const color = decodePng(files.get('color.png') ?? Buffer.alloc(0));
    expect(color).toMatchObject({ width: COLOR_ICON_SIZE, height: COLOR_ICON_SIZE, bitDepth: 8, colorType: 6 });
    expect(color.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    const accent = [1, 3, 5].map((i) => Number.parseInt(ACCENT_COLOR.slice(i, i + 2), 16));
    expect(pixelAt(color, 0, 0)).toEqual([...accent, 255]);
    expect(pixelAt(color, 96, 50)).toEqual([255, 255, 255, 255]); // inside the bubble, above the lines
    expect(pixelAt(color, 96, 64)).toEqual([...accent, 255]); // on the first line

    const outline = decodePng(files.get('outline.png') ?? Buffer.alloc(0));
    expect(outline).toMatchObject({ width: OUTLINE_ICON_SIZE, height: OUTLINE_ICON_SIZE, colorType: 6 });
    let drawn = 0;
    for (let y = 0; y < outline.height; y++) {
      for (let x = 0; x < outline.width; x++) {
        const [r, g, b, a] = pixelAt(outline, x, y);
        if (a === 0) continue;
        drawn++;
        expect([r, g, b], `pixel ${x},${y}`).toEqual([255, 255, 255]);
      }
    }
    expect(pixelAt(outline, 0, 0)[3]).toBe(0);
    expect(pixelAt(outline, 16, 14)[3]).toBe(0); // the bubble is hollow between its lines
    expect(drawn).toBeGreaterThan(100);
  });

  it('packs the same manifest to the same bytes', async () => {
    expect((await packageTeamsApp(manifest)).equals(await packageTeamsApp(manifest))).toBe(true);
  });
});
