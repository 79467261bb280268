// The Teams app icons, drawn in code: a white speech bubble with three lines of text, on the
// accent colour (color.png, 192×192) and as a white outline on transparency (outline.png,
// 32×32), the two forms Teams asks for. Same input, same bytes.
import { ACCENT_COLOR } from '../brand.js';
import { encodePng, type RgbaImage } from './png.js';

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];
/** A region of the unit square (0,0 top left to 1,1 bottom right). */
type Shape = (x: number, y: number) => boolean;

interface Layer {
  shape: Shape;
  color: Rgb;
}

const WHITE: Rgb = [255, 255, 255];
const ACCENT: Rgb = hexToRgb(ACCENT_COLOR);
/** Samples per pixel along each axis; 4×4 gives smooth edges at both sizes. */
const SUPERSAMPLING = 4;

/** color.png: full-bleed accent background, white bubble, accent lines. */
export function colorIcon(): Buffer {
  const bubble = speechBubble({ left: 0.2, top: 0.22, right: 0.8, bottom: 0.66, radius: 0.09, tailDepth: 0.14 });
  const lines = [0.62, 0.54, 0.44].map((end, i) => rect(0.3, 0.31 + i * 0.09, end, 0.355 + i * 0.09));
  return encodePng(rasterize(COLOR_ICON_SIZE, [{ shape: () => true, color: ACCENT }, { shape: bubble, color: WHITE }, ...lines.map((shape) => ({ shape, color: ACCENT }))]));
}

/** outline.png: the bubble's white outline (and two lines) on a transparent background. */
export function outlineIcon(): Buffer {
  const stroke = 2 / OUTLINE_ICON_SIZE;
  const box = { left: 0.09, top: 0.16, right: 0.91, bottom: 0.72, radius: 0.16, tailDepth: 0.2 };
  const outer = speechBubble(box);
  const inner = roundedRect(box.left + stroke, box.top + stroke, box.right - stroke, box.bottom - stroke, box.radius - stroke);
  const ring: Shape = (x, y) => outer(x, y) && !inner(x, y);
  const lines = [rect(0.28, 0.34, 0.72, 0.34 + stroke), rect(0.28, 0.5, 0.56, 0.5 + stroke)];
  return encodePng(rasterize(OUTLINE_ICON_SIZE, [ring, ...lines].map((shape) => ({ shape, color: WHITE }))));
}

/** Paints the layers bottom to top; where no layer covers a sample it stays transparent. */
function rasterize(size: number, layers: readonly Layer[]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLING * SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          const top = topmost(layers, x, y);
          if (top === undefined) continue;
          r += top.color[0];
          g += top.color[1];
          b += top.color[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered === 0) continue;
      pixels[at] = Math.round(r / covered);
      pixels[at + 1] = Math.round(g / covered);
      pixels[at + 2] = Math.round(b / covered);
      pixels[at + 3] = Math.round((255 * covered) / samples);
    }
  }
  return { width: size, height: size, pixels };
}

function topmost(layers: readonly Layer[], x: number, y: number): Layer | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i] as Layer;
    if (layer.shape(x, y)) return layer;
  }
  return undefined;
}

function rect(left: number, top: number, right: number, bottom: number): Shape {
  return (x, y) => x >= left && x <= right && y >= top && y <= bottom;
}

function roundedRect(left: number, top: number, right: number, bottom: number, radius: number): Shape {
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    const dx = Math.max(left + radius - x, 0, x - (right - radius));
    const dy = Math.max(top + radius - y, 0, y - (bottom - radius));
    return dx * dx + dy * dy <= radius * radius;
  };
}

/** A rounded box with a tail below its left third. */
function speechBubble(box: { left: number; top: number; right: number; bottom: number; radius: number; tailDepth: number }): Shape {
  const body = roundedRect(box.left, box.top, box.right, box.bottom, box.radius);
  const width = box.right - box.left;
  const tailLeft = box.left + width * 0.2;
  const tailRight = box.left + width * 0.45;
  const tail = triangle([tailLeft, box.bottom - box.radius], [tailLeft, box.bottom + box.tailDepth], [tailRight, box.bottom - box.radius]);
  return (x, y) => body(x, y) || tail(x, y);
}

function triangle(a: Point, b: Point, c: Point): Shape {
  // Which side of the edge p→q the point lies on; inside means the same side of all three edges.
  const side = (x: number, y: number, p: Point, q: Point) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  return (x, y) => {
    const d1 = side(x, y, a, b);
    const d2 = side(x, y, b, c);
    const d3 = side(x, y, c, a);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}
